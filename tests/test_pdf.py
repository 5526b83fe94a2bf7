"""PDF input: same data as the text, correct pages, bad PDFs, the loader's details."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import peelparse
import peelparse.run.errors
from peelparse.load import load_path
from peelparse.load.pdf import (
    Line,
    Page,
    _bullet,
    _contents_row,
    _fix_hyphens,
    _Vocabulary,
    assemble,
)

from .conftest import ROOT
from .helpers import run_cli, shared_folder

PAIRS = [
    ("seeds/peel-2021-22-warwickshire.txt", "fixtures/pdf/pdf--2021-22-warwickshire.pdf"),
    # the real report's web page as a browser prints it: no header or footer, drawn bullets
    ("seeds/peel-2021-22-warwickshire.txt", "fixtures/pdf/pdf--2021-22-warwickshire-chromium.pdf"),
    # ... and set as a publisher would: running header and footer, justified, hyphenated
    (
        "seeds/peel-2021-22-warwickshire.txt",
        "fixtures/pdf/pdf--2021-22-warwickshire-weasyprint.pdf",
    ),
    (
        "fixtures/txt/txt--2021-22-cause-of-concern.txt",
        "fixtures/pdf/pdf--2021-22-cause-of-concern-layout-b.pdf",
    ),
    ("fixtures/txt/txt--2023-25-constabulary.txt", "fixtures/pdf/pdf--2023-25-constabulary.pdf"),
]


def essentials(report: Any) -> dict[str, Any]:
    return {
        "document": (
            report.document.force,
            report.document.force_slug,
            report.document.cycle,
            report.document.published,
            report.document.inspector.name,
        ),
        "judgments": [(j.area, j.label, j.grade, j.method) for j in report.judgments],
        "ungraded": [(u.area, u.reason) for u in report.ungraded],
        "areas_for_improvement": [
            (a.text, a.area, a.carried_over) for a in report.areas_for_improvement
        ],
        "causes_of_concern": [
            (c.text, len(c.recommendation_ids)) for c in report.causes_of_concern
        ],
        "recommendations": [
            (
                r.text,
                r.timescale,
                r.timescale_months,
                r.due_date,
                [i.text for i in r.items],
                r.parent_kind,
            )
            for r in report.recommendations
        ],
        "practices": [(p.kind, p.text) for p in report.practices],
        "findings": [
            (f.kind, f.value, f.numerator, f.denominator, f.unit, f.ci, f.polarity)
            for f in report.findings
        ],
        "initiatives": [(i.name, i.kind) for i in report.initiatives],
    }


@pytest.mark.parametrize(("txt", "pdf"), PAIRS, ids=[Path(p).stem for _, p in PAIRS])
def test_pdf_gives_the_same_data_as_text(txt: str, pdf: str) -> None:
    from_text = essentials(peelparse.parse_path(str(ROOT / txt)))
    from_pdf = essentials(peelparse.parse_path(str(ROOT / pdf)))
    for key in from_text:
        assert from_pdf[key] == from_text[key], key


@pytest.mark.parametrize("pdf", [p for _, p in PAIRS], ids=[Path(p).stem for _, p in PAIRS])
def test_pages_are_physical_pages(pdf: str) -> None:
    import pypdfium2 as pdfium

    report = peelparse.parse_path(str(ROOT / pdf))
    # each physical page's own text, read raw (no layout, no loader code)
    doc = pdfium.PdfDocument(str(ROOT / pdf))
    page_text = [" ".join(page.get_textpage().get_text_range().split()) for page in doc]
    items = [*report.areas_for_improvement, *report.practices, *report.causes_of_concern]
    assert items
    for item in items:
        assert item.location.page is not None
        assert item.text[:40] in page_text[item.location.page - 1], item.text
        if report.source.path.endswith("-chromium.pdf"):
            assert item.location.printed_page is None  # a browser prints no page numbers
        elif report.source.path.endswith("-weasyprint.pdf"):
            assert item.location.printed_page == item.location.page  # numbered from the first
        else:
            assert item.location.printed_page == item.location.page  # the cover has no number
    for j in report.judgments:
        assert j.location.page is not None and j.location.page >= 2


def test_seed_pdf_page_count_and_cover() -> None:
    report = peelparse.parse_path(str(ROOT / PAIRS[0][1]))
    assert report.source.format == "pdf" and report.source.pages and report.source.pages > 20
    assert report.sections[0].location.page == 4  # cover, then two contents pages
    assert "An inspection of Warwickshire Police" in (report.document.title or "")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("bad--encrypted.pdf", 11),
        ("bad--scanned.pdf", 12),
        ("bad--truncated.pdf", 13),
        ("bad--not-peel.pdf", 7),
    ],
)
def test_bad_pdfs(name: str, code: int) -> None:
    result = run_cli("extract", f"fixtures/bad/{name}")
    assert result.returncode == code
    assert result.stdout == b""
    assert result.stderr.decode().count("\n") == 1 and "Traceback" not in result.stderr.decode()


def test_encrypted_pdf_opens_with_password_and_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEELPARSE_CACHE_DIR", str(tmp_path))
    path = str(ROOT / "fixtures/bad/bad--encrypted.pdf")
    report = peelparse.parse_path(path, {"password": "secret"})
    assert report.document.force == "Cleveland Police" and len(report.judgments) == 4
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(peelparse.run.errors.EncryptedPdf):
        peelparse.parse_path(path, {"password": "wrong"})


def test_pdf_on_stdin() -> None:
    pdf = ROOT / PAIRS[1][1]
    result = run_cli("extract", "-", stdin=pdf.read_bytes())
    assert result.returncode == 0 and b'"format":"pdf"' in result.stdout


def test_cache_is_used_and_can_be_bypassed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEELPARSE_CACHE_DIR", str(tmp_path))
    path = str(ROOT / PAIRS[1][1])
    first = load_path(path)
    assert len(list(tmp_path.glob("*.json"))) == 1
    assert load_path(path).text == first.text
    (next(tmp_path.glob("*.json"))).write_text("{broken", encoding="utf-8")
    assert load_path(path).text == first.text  # a broken entry is ignored and rewritten
    assert load_path(path, {"cache": False}).text == first.text


@pytest.mark.parametrize(
    ("lines", "vocabulary", "expected"),
    [
        (
            ["the force's anti-", "social behaviour team"],
            {"anti-social"},
            ["the force's anti-social", "behaviour team"],
        ),
        (
            ["calls to the non-", "emergency number"],
            {"non-emergency", "nonemergency"},
            ["calls to the non-emergency", "number"],
        ),
        (
            ["an investi-", "gation was opened"],
            {"investigation"},
            ["an investigation", "was opened"],
        ),
        (["a well-", "Established scheme"], set(), ["a well-", "Established scheme"]),
    ],
)
def test_hyphen_joins(lines: list[str], vocabulary: set[str], expected: list[str]) -> None:
    block = list(lines)
    _fix_hyphens([block], vocabulary)
    assert block == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["An investigation (anti-social) was: opened.", "Its investigations; and", "(x) ..."],
        ["Tab\tseparated\u00a0words", "Investi- gation", "ΟΔΟΣ. ΑΣ: Σ", "İstanbul"],
    ],
)
def test_vocabulary_is_the_documents_words(lines: list[str]) -> None:
    """Looked up in the lowered text, the vocabulary answers as the set of the document's
    words (lower case, stripped of the punctuation around them) would."""
    words = {w.strip(".,;:()").lower() for ln in lines for w in ln.split()}
    vocabulary = _Vocabulary([[lines[:1], lines[1:]]])
    probes = words | {w.upper() for w in words} | {"", "investi", "gation", "tab\tseparated"}
    probes |= {"(anti-social", "anti-social)", "x", "words", "was:", "ας", "οδος", "σ", "istanbul"}
    for probe in probes:
        assert (probe in vocabulary) == (probe in words), probe


@pytest.mark.parametrize(
    ("text", "bullet"),
    [
        ("\u2022 first item;", "- first item;"),
        ("(cid:127) item", "- item"),
        ("\uf0b7 item", "- item"),
        ("- item", "- item"),
        ("-5 degrees", None),
        ("Normal text", None),
    ],
)
def test_bullets(text: str, bullet: str | None) -> None:
    assert _bullet(text) == bullet


def test_contents_rows() -> None:
    assert (
        _contents_row("Investigating crime ........................ 22")
        == "Investigating crime\t22"
    )
    assert _contents_row("We reviewed 22 cases.") is None


def line(text: str, top: float, size: float = 10.0, bold: bool = False) -> Line:
    return Line(text, top, top + size, 50.0, size, bold)


def test_assemble_blocks_headings_and_page_break() -> None:
    page1 = Page(
        lines=[
            line("Investigating crime", 80, 18, True),
            line("The force has a plan that it uses", 120),
            line("for all cases and it is the best in", 133),
        ],
        printed=3,
    )
    page2 = Page(lines=[line("the region.", 80), line("Main findings", 110, 14, True)], printed=4)
    text, page_lines, printed = assemble([page1, page2])
    assert text.split("\n") == [
        "Investigating crime",
        "",
        "The force has a plan that it uses",
        "for all cases and it is the best in",
        "the region.",
        "",
        "Main findings",
        "",
    ]
    assert page_lines == (1, 5) and printed == (3, 4)


@pytest.mark.parametrize(
    "pdf",
    [p for _, p in PAIRS]
    + ["fixtures/bad/bad--encrypted.pdf"]
    + sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "fixtures" / "pdf").glob("*northumbria*.pdf")
    ),
    ids=lambda p: Path(p).stem,
)
def test_engines_give_the_same_text(pdf: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    plumber = read_uncached(tmp_path_factory, pdf, "pdfplumber")
    pdfium = read_uncached(tmp_path_factory, pdf, "pdfium")
    assert pdfium["text"] == plumber["text"]
    assert pdfium["page_lines"] == plumber["page_lines"]
    assert pdfium["printed"] == plumber["printed"]


def read_uncached(
    tmp_path_factory: pytest.TempPathFactory, pdf: str, engine: str
) -> dict[str, Any]:
    """What ``engine`` reads from ``pdf`` with no loader cache (text, each page's first line,
    printed page numbers) and, for pdfplumber, its table finder's tables of every page (as
    ``_plumber_tables`` gives them): read once per session, for the engine, rotation and
    ruled-table tests."""
    from peelparse.extract._grid import page_tables

    tables: list[Any] = []

    def every_page(words: list[dict[str, Any]], find: Callable[[], Any]) -> Any:
        """The loader's own table reader, with each page's tables kept on the way."""
        found = find()
        tables.append(found)
        return page_tables(words, lambda: list(found))

    def read(folder: Path) -> None:
        options: dict[str, Any] = {"cache": False, "engine": engine}
        options["password"] = "secret" if "encrypted" in pdf else None
        if engine == "pdfplumber":
            options["tables"] = every_page
        doc = load_path(str(ROOT / pdf), options)
        found = {"text": doc.text, "page_lines": doc.page_lines, "printed": doc.printed_pages}
        (folder / "read.json").write_text(json.dumps({**found, "tables": tables}), "utf-8")

    folder = shared_folder(tmp_path_factory, f"{Path(pdf).stem}-{engine}", read)
    found: dict[str, Any] = json.loads((folder / "read.json").read_text(encoding="utf-8"))
    return found


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("bad--encrypted.pdf", "EncryptedPdf"),
        ("bad--scanned.pdf", "NoTextLayer"),
        ("bad--truncated.pdf", "CorruptPdf"),
    ],
)
def test_bad_pdfs_with_each_engine(engine: str, name: str, error: str) -> None:
    with pytest.raises(getattr(peelparse.run.errors, error)):
        load_path(str(ROOT / "fixtures" / "bad" / name), {"cache": False, "engine": engine})


def _page(texts: list[tuple[str, float]], height: float = 800.0) -> Page:
    return Page(lines=[line(t, top) for t, top in texts], height=height)


def test_running_lines_are_found_by_repetition_not_by_position() -> None:
    body = [("Body text near the top of the page", 30.0), ("more body text", 400.0)]
    pages = [
        _page([("PEEL 2023\u20132025 \u2013 Kent Police", 20.0), *body[1:], (f"Page {n}", 780.0)])
        for n in (2, 3, 4)
    ]
    pages.append(_page(body))  # no header or footer: a browser's print of a page
    text, _, printed = assemble(pages)
    assert "Kent Police" not in text and "Page 3" not in text
    assert "Body text near the top of the page" in text
    assert printed == (2, 3, 4, None)


def test_one_page_and_moving_lines_are_never_running() -> None:
    single = [_page([("A heading at the very top", 10.0), ("12", 790.0)])]
    assert "A heading at the very top" in assemble(single)[0]
    moved = [_page([("Same words", 20.0 + 50 * n), ("body", 400.0)]) for n in range(3)]
    assert assemble(moved)[0].count("Same words") == 3


def test_a_footer_with_words_stays_on_the_last_page() -> None:
    pages = [_page([("body", 300.0), ("May 2024 | \u00a9 HMICFRS 2024", 780.0)]) for _ in range(3)]
    assert assemble(pages)[0].count("HMICFRS") == 1


def test_loaders_know_no_peel() -> None:
    """No module under load/ imports the vocabulary or spells a grade (issue 22)."""
    grades = re.compile(r"\b(?:Outstanding|Adequate|Inadequate|Requires improvement)\b")
    for path in sorted((ROOT / "peelparse" / "load").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\bvocab\b", source), path.name
        assert not grades.search(source), path.name


@pytest.mark.parametrize(
    "pdf", sorted(p.name for p in (ROOT / "fixtures" / "pdf").glob("*.pdf")), ids=str
)
def test_pdfium_ruled_tables_are_pdfplumbers(
    pdf: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The ruled tables PDFium's path objects give are the cells pdfplumber's finder gives,
    on every page of every producer (grid pages or not)."""
    import pypdfium2 as pdfium

    from peelparse.load.pdfiumtext import page_words
    from peelparse.load.pdfrules import ruled_tables

    data = (ROOT / "fixtures" / "pdf" / pdf).read_bytes()
    doc = pdfium.PdfDocument(data)
    # pdfplumber's tables of each page, found as the engine test's read found them
    plumber = read_uncached(tmp_path_factory, f"fixtures/pdf/{pdf}", "pdfplumber")["tables"]
    assert len(plumber) == len(doc)
    for index, found in enumerate(plumber):
        height = float(doc[index].get_height())
        words = page_words(doc[index].get_textpage(), height)
        ours = ruled_tables(doc[index], height, words)
        theirs = [(tuple(bbox), rows) for bbox, rows in found]
        assert [rows for _, rows in ours] == [rows for _, rows in theirs], index
        for (a, _), (b, _) in zip(ours, theirs, strict=True):
            assert a == pytest.approx(b, abs=0.01)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_rotated_pdf_reads_as_the_upright_one(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, engine: str
) -> None:
    """Every page turned 90 degrees by /Rotate: the same text as the upright file, on both
    engines (issue 20: PDFium read 16 judgments from it)."""
    import pypdfium2 as pdfium

    source = "fixtures/pdf/pdf--2021-22-warwickshire.pdf"
    pdf = pdfium.PdfDocument(str(ROOT / source))
    for index in range(len(pdf)):
        pdf[index].set_rotation(90)
    turned = tmp_path / "turned.pdf"
    pdf.save(str(turned))
    pdf.close()
    upright = read_uncached(tmp_path_factory, source, engine)  # as test_engines_... reads it
    assert load_path(str(turned), {"cache": False, "engine": engine}).text == upright["text"]


def _one_page_pdf(
    content: bytes, height: int = 4100, extra: bytes = b"", xobject: bytes = b""
) -> bytes:
    """A one-page PDF (1224 points wide, Helvetica as F1) drawing ``content``; ``extra`` is
    object 6, named in the page's resources by ``xobject``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1224 %d] /Contents 4 0 R" % height
        + b" /Resources << /Font << /F1 5 0 R >> %s >> >>" % xobject,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + ([extra] if extra else [])
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_page_of_many_text_objects_is_read_in_one_pass() -> None:
    """20,000 text objects on one page (issue 20: the pdfium reader was quadratic in them, one
    scan of the page per text rectangle): every word is read, and no per-rectangle or
    per-position lookup, each a scan of the whole page, is made."""
    from peelparse.load import load_bytes, pdfiumlib

    # The loader's PDFium has no per-rectangle or per-position lookup bound at all.
    for name in ("FPDFText_GetBoundedText", "FPDFText_GetCharIndexAtPos"):
        assert name not in pdfiumlib.SIGNATURES
        with pytest.raises(AttributeError):
            getattr(pdfiumlib.library(), name)
    ops = []
    for i in range(20_000):
        row, col = divmod(i, 40)
        ops.append(b"BT /F1 6 Tf %d %d Td (w%d) Tj ET" % (10 + col * 30, 4090 - row * 8, i))
    data = _one_page_pdf(b"\n".join(ops))
    doc = load_bytes(data, "many.pdf", {"cache": False})
    found = set(doc.text.split())
    assert all(f"w{i}" in found for i in range(20_000))


def test_a_ruled_table_drawn_in_a_form_is_found_as_pdfplumber_finds_it() -> None:
    """Ruling lines inside a form XObject placed with a matrix (as some producers draw a
    table): PDFium's path objects give the cells pdfplumber's finder gives."""
    import pdfplumber
    import pypdfium2 as pdfium

    from peelparse.load.pdf import _plumber_tables
    from peelparse.load.pdfiumtext import page_words
    from peelparse.load.pdfrules import ruled_tables

    grid = b" ".join(b"%d %d 100 20 re S" % (x, y) for x in (0, 100, 200) for y in (0, 20, 40))
    form = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 60] /Length %d >>\nstream\n%s\nendstream"
        % (
            len(grid),
            grid,
        )
    )
    cells = b" ".join(
        b"BT /F1 9 Tf %d %d Td (r%dc%d) Tj ET" % (60 + 100 * c, 706 - 20 * r, r, c)
        for r in range(3)
        for c in range(3)
    )
    content = cells + b" q 1 0 0 1 50 650 cm /Fm1 Do Q"
    data = _one_page_pdf(content, 792, form, b"/XObject << /Fm1 6 0 R >>")
    doc = pdfium.PdfDocument(data)
    page = doc[0]
    height = float(page.get_height())
    ours = ruled_tables(page, height, page_words(page.get_textpage(), height))
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        theirs = _plumber_tables(plumber.pages[0])
    assert [rows for _, rows in ours] == [rows for _, rows in theirs]
    assert ours[0][1] == ["r0c0\tr0c1\tr0c2", "r1c0\tr1c1\tr1c2", "r2c0\tr2c1\tr2c2"]


@pytest.mark.parametrize(
    "pdf", sorted(p.name for p in (ROOT / "fixtures" / "pdf").glob("*.pdf")), ids=str
)
def test_the_loaders_pdfium_reads_each_page_as_pypdfium2_does(pdf: str) -> None:
    """``pdfiumlib`` binds PDFium itself (no ``import pypdfium2``): every page's height,
    rotation and text are pypdfium2's own, on every producer's fixture."""
    import pypdfium2 as pdfium

    from peelparse.load.pdfiumlib import Document
    from peelparse.load.pdfiumtext import page_text

    data = (ROOT / "fixtures" / "pdf" / pdf).read_bytes()
    theirs = pdfium.PdfDocument(data)
    ours = Document(data)
    lib = ours.lib
    try:
        assert ours.pages == len(theirs)
        for index in range(ours.pages):
            page = lib.FPDF_LoadPage(ours.raw, index)
            text = lib.FPDFText_LoadPage(page)
            assert lib.FPDF_GetPageHeightF(page) == theirs[index].get_height()
            assert lib.FPDFPage_GetRotation(page) * 90 == theirs[index].get_rotation()
            assert page_text(text, lib) == theirs[index].get_textpage().get_text_range()
            lib.FPDFText_ClosePage(text)
            lib.FPDF_ClosePage(page)
    finally:
        ours.close()
        theirs.close()


def test_the_loaders_pdfium_names_a_refused_file_as_pypdfium2_does() -> None:
    """A file PDFium cannot open, and an encrypted one without its password, raise errors
    that the loader turns into ``pdf_corrupt`` and ``pdf_encrypted``, as with pypdfium2."""
    from peelparse.load.pdfiumlib import Document, PdfiumError

    with pytest.raises(PdfiumError, match=r"\(PDFium: Data format error\)"):
        Document(b"%PDF-1.4\nnot a PDF at all")
    encrypted = (ROOT / "fixtures" / "bad" / "bad--encrypted.pdf").read_bytes()
    with pytest.raises(PdfiumError, match="password"):
        Document(encrypted, "wrong")
    Document(encrypted, "secret").close()


def test_reading_a_pdf_imports_neither_pypdfium2_nor_pdfplumber() -> None:
    """Start-up: the default engine binds the PDFium functions it calls (``pdfiumlib``)."""
    code = (
        "import sys, peelparse\n"
        f"peelparse.parse_path({str(ROOT / PAIRS[0][1])!r}, {{'cache': False}})\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pypdfium2', 'pdfplumber'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_pdfium_found_only_by_pypdfium2_is_read_through_it() -> None:
    """Where ``pypdfium2_raw`` keeps no library file of its own (a build against a system
    PDFium), the loader binds the library pypdfium2 loaded: the same text."""
    pdf = str(ROOT / PAIRS[0][1])
    code = (
        "import sys\n"
        "from peelparse.load import load_path, pdfiumlib\n"
        "pdfiumlib._library_file = lambda: None\n"
        f"text = load_path({pdf!r}, {{'cache': False}}).text\n"
        "assert 'pypdfium2' in sys.modules\n"
        "sys.stdout.write(text)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert out.decode("utf-8") == load_path(pdf, {"cache": False}).text


def test_run_boundary_is_found_from_any_guess() -> None:
    """The boundary search gives the least index from which a line's range counts two
    rectangles (the line's last index if none does), wherever its guess falls."""
    from peelparse.load.pdfiumtext import _boundary

    for start, end in ((0, 2), (3, 4), (5, 40), (10, 75)):
        for boundary in range(start, end + 2):

            def count(handle: int, first: int, size: int, b: int = boundary) -> int:
                return 2 if first + size - 1 >= b else 1

            expected = min(max(boundary, start + 1), end - 1)
            for guess in range(start - 3, end + 4):
                assert _boundary(0, start, end, guess, count) == expected, (start, end, guess)
