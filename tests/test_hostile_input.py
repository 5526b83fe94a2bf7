"""Hostile and faulty input (issue #12): format sniffing, encodings, size, HTML structure.

Each case is a defect a fuzz run found; the expected answers are stated here,
not asked of peelparse.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

import peelparse
from peelparse.load import load_bytes, read_bytes, sniff_format
from peelparse.load.html import html_to_text
from peelparse.load.txt import decode
from peelparse.run import errors

from .conftest import ROOT
from .helpers import run_cli, script, snippet_report

SEED = ROOT / "seeds" / "peel-2021-22-warwickshire.txt"
PAGE = ROOT / "fixtures" / "html" / "html--2021-22-warwickshire.html"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
        (b"\x00\x00\r\n%PDF-1.4\n", "pdf"),  # a few bytes of junk, as PDF readers allow
        (b"\xef\xbb\xbf%PDF-1.5\n", "pdf"),
        (b"PEEL 2021/22\nSaved from %PDF-1.4 by a tool\n", "txt"),  # text mentioning it
        (b"A report\n" + b"x" * 500 + b"%PDF-1.7\n", "txt"),  # beyond the start
        (b"%PDF-x not a version\n", "txt"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"  <html lang=en>", "html"),
        (b"\xef\xbb\xbf<!-- saved from url -->\n<!doctype HTML>\n<html>", "html"),
        (b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="x">', "html"),
        ("\ufeff<!DOCTYPE html>".encode("utf-16-le"), "html"),
        (b"PEEL 2021/22\nThe force's <html> pages and <p> tags\n", "txt"),
        (b"<p>A fragment, not a document</p>", "txt"),
        (b"PEEL 2021/22\n", "txt"),
    ],
)
def test_format_is_sniffed_from_structure(data: bytes, fmt: str) -> None:
    assert sniff_format(data) == fmt


def test_text_mentioning_pdf_and_html_is_read_as_text() -> None:
    seed = SEED.read_bytes()
    head, rest = seed.split(b"\n", 1)
    mentioned = head + b"\nThis file was saved as %PDF-1.4 from <html> by a <body> tag.\n" + rest
    report = peelparse.to_dict(peelparse.parse_bytes(mentioned, "x.txt"))
    assert report["source"]["format"] == "txt"
    assert len(report["judgments"]) == len(
        peelparse.to_dict(peelparse.parse_path(str(SEED)))["judgments"]
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_unicode_text_with_a_bom_is_decoded(codec: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    data = ("\ufeff" + text.replace("\n", "\r\n")).encode(codec)
    assert decode(data, "x") == text
    from_bom = peelparse.to_dict(peelparse.parse_bytes(data, "x.txt"))
    plain = peelparse.to_dict(peelparse.parse_path(str(SEED)))
    assert from_bom["judgments"] == plain["judgments"]


def test_utf16_without_a_bom_is_still_binary() -> None:
    with pytest.raises(errors.BinaryInput):
        decode("PEEL 2021/22 report text".encode("utf-16-le"), "x")


def test_utf16_bom_with_broken_body_is_an_encoding_error() -> None:
    with pytest.raises(errors.UndecodableText):
        decode(codecs.BOM_UTF16_LE + b"P\x00\x00\xd8", "x")  # a lone surrogate


def test_utf16_bom_over_binary_is_binary() -> None:
    with pytest.raises(errors.BinaryInput):
        decode(codecs.BOM_UTF16_LE + b"\x01\x00\x02\x00" * 200, "x")


def test_endless_input_is_refused_at_the_limit() -> None:
    with pytest.raises(errors.InputTooLarge) as caught:
        read_bytes("/dev/zero", 4096)
    assert caught.value.exit_code == 16


def test_input_over_the_limit_is_refused_and_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(SEED.read_bytes())
    size = path.stat().st_size
    assert len(read_bytes(str(path), size)) == size
    with pytest.raises(errors.InputTooLarge):
        read_bytes(str(path), size - 1)
    with pytest.raises(errors.InputTooLarge):
        load_bytes(SEED.read_bytes(), "x", {"max_size": size - 1})
    with pytest.raises(errors.InputTooLarge):
        peelparse.parse_path(str(path), {"max_size": 100})


STRAY_END_TAGS = ["</span>", "</div></div>", "</main2>", "</p></li></ul>", "</section></article>"]


@pytest.mark.parametrize("stray", STRAY_END_TAGS)
def test_stray_end_tags_do_not_close_main(stray: str) -> None:
    page = PAGE.read_text(encoding="utf-8")
    first_heading_end = page.index("</h2>") + len("</h2>")
    broken = page[:first_heading_end] + stray + page[first_heading_end:]
    clean = peelparse.to_dict(peelparse.parse_bytes(page.encode(), "a.html"))
    dirty = peelparse.to_dict(peelparse.parse_bytes(broken.encode(), "b.html"))
    assert len(clean["judgments"]) > 5
    assert dirty["judgments"] == clean["judgments"]
    assert dirty["source"]["lines"] == clean["source"]["lines"]


def test_stray_end_tag_keeps_the_rest_of_main_and_drops_chrome() -> None:
    text = html_to_text(
        "<html><body><nav>Menu</nav><main><h2>Grades</h2></span><p>Kept text</p></main>"
        "<footer>Footer</footer></body></html>"
    )
    assert text == "Grades\n\nKept text\n"


def test_comments_do_not_split_or_leak_text() -> None:
    assert html_to_text("<html><body><main><p>a<!-- hidden -->b</p></main></body></html>") == "ab\n"


def test_html_nested_beyond_the_parser_limit_is_an_error_not_half_a_page() -> None:
    deep = "<html><body><main><p>x</p>" + "<div>" * 5000 + "y" + "</div>" * 5000 + "</main>"
    with pytest.raises(errors.MalformedHtml) as caught:
        peelparse.parse_bytes(deep.encode(), "deep.html")
    assert caught.value.exit_code == 13


# Linear time and output: each case compares sizes n and 10n with counted work
# (output bytes, calls), never with a wall clock.


def test_finding_sentences_are_capped_so_output_does_not_grow_with_the_sentence() -> None:
    """A long sentence's findings each show about 600 characters around their number (the
    number of findings from one sentence is capped too: tests/test_output_bounds.py)."""
    from peelparse.extract.findings import ELLIPSIS, SENTENCE_MAX

    seed = SEED.read_text(encoding="utf-8")

    def output_size(pad: int) -> int:
        filler = "late " * pad
        text = f"{seed}\n\nIn the cases we reviewed, 12% {filler}and 14% {filler}were late.\n"
        report = peelparse.to_dict(peelparse.parse_text(text))
        long = [
            f for f in report["findings"] if f["sentence"].startswith(("In the cases", ELLIPSIS))
        ]
        assert [f["text"] for f in long] == ["12%", "14%"]
        assert all(len(f["sentence"]) <= SENTENCE_MAX + 2 for f in long)
        assert all(f["text"] in f["sentence"] for f in long)
        return len(json.dumps(report))

    assert output_size(10_000) - output_size(1_000) < 100  # the input grew by 90,000 characters


def test_a_short_sentence_is_kept_whole() -> None:
    from peelparse.extract.findings import around

    sentence = "Plans were created in 24 of the 43 cases we reviewed."
    report = snippet_report(f"Protecting vulnerable people\n\n{sentence}\n")
    assert [f["sentence"] for f in report["findings"]] == [sentence]
    long = "word " * 400 + "24 of the 43 cases" + " word" * 400
    cut = around(long, long.index("24"), long.index("cases") + 5)
    assert cut.startswith("\u2026word") and cut.endswith("word\u2026")
    assert "24 of the 43 cases" in cut


def test_contents_leader_reads_in_one_pass() -> None:
    from peelparse.load.pdf import _contents_row

    assert _contents_row("Introduction ........ 4") == "Introduction\t4"
    assert _contents_row("Summary . . . . . 12") == "Summary\t12"
    assert _contents_row("Title .. 3") is None
    assert _contents_row("Title 12345") is None
    assert _contents_row("....3") is None
    for n in (40_000, 400_000):  # seconds each, before: the pattern backtracked
        assert _contents_row("." * n) is None
        assert _contents_row("Title " + ". " * n + "7") == "Title\t7"


def test_a_block_of_many_lines_is_joined_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from peelparse.load.document import Document
    from peelparse.parse import blocks

    calls = {"chars": 0}
    real = blocks.collapse

    def counting(text: str) -> str:
        calls["chars"] += len(text)
        return real(text)

    monkeypatch.setattr(blocks, "collapse", counting)

    def work(n: int) -> int:
        calls["chars"] = 0
        text = "\n".join(f"Heading line {i}" for i in range(n)) + "\n"
        (block,) = blocks.split_blocks(Document(text, "-", "txt", "0"))
        assert block.text == real(text)
        return calls["chars"]

    assert work(10_000) < 12 * work(1000)


# Trust nothing read back: caches.

PDF = ROOT / "fixtures" / "pdf" / "pdf--2023-25-constabulary.pdf"


@pytest.mark.parametrize(
    "entry",
    [
        "{}",
        '{"text": "x", "page_lines": [1, 2], "printed_pages": [null]}',
        '{"text": "x", "page_lines": ["1"], "printed_pages": [null]}',
        '{"text": "x\\n", "page_lines": [5], "printed_pages": [null]}',
        '{"text": 5, "page_lines": [], "printed_pages": []}',
        "[" * 50_000,
    ],
    ids=["empty", "uneven", "strings", "past-the-end", "not-text", "deep"],
)
def test_a_damaged_pdf_cache_entry_is_ignored_and_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str
) -> None:
    from peelparse.load import load_path

    monkeypatch.setenv("PEELPARSE_CACHE_DIR", str(tmp_path))
    good = load_path(str(PDF))
    (cached,) = tmp_path.glob("*.json")
    cached.write_text(entry, encoding="utf-8")
    assert load_path(str(PDF)).text == good.text
    assert json.loads(cached.read_text(encoding="utf-8"))["text"] == good.text  # rewritten


def test_a_cache_entry_that_is_a_fifo_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from peelparse.load import cache, load_path

    monkeypatch.setenv("PEELPARSE_CACHE_DIR", str(tmp_path))
    good = load_path(str(PDF), {"cache": False})
    from peelparse.load.pdf import LOADER_VERSION

    key = cache.key(good.sha256, "pdfium", LOADER_VERSION)
    os.mkfifo(tmp_path / f"{key}.json")
    assert cache.get(key) is None  # returns at once: a FIFO would block an open()


# The terminal: report text printed to stderr or a table is escaped.


def test_warnings_escape_terminal_controls_and_line_separators() -> None:
    hostile = script("make_hostile")
    result = run_cli("extract", "-", stdin=hostile.txt_control_label(0))
    assert result.returncode == 0
    err = result.stderr.decode()
    assert not any(c in err for c in "\x1b\x07\x85\u2028")
    lines = err.splitlines()
    assert all(line.startswith("peelparse: warning: ") for line in lines)
    assert any("\\u2028" in line for line in lines)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("a\u2028b\u2029c\x85d", "a\\u2028b\\u2029c\\x85d"),
        ("line\nbreak\rreturn\ttab", "line\\x0abreak\\x0dreturn\\x09tab"),
        ("\u202eevil\u2066", "\\u202eevil\\u2066"),
        ("Café – ‘quoted’", "Café – ‘quoted’"),
    ],
)
def test_printable(text: str, escaped: str) -> None:
    from peelparse.parse.textutil import printable

    assert printable(text) == escaped


def test_table_cells_are_plain_escaped_text() -> None:
    import io

    from peelparse.output.terminal import table

    out = io.StringIO()
    rows = [{"force": "[bold red]Kent[/]\x1b[31m", "grade": "good"}]
    table(rows, ["force", "grade"], out)
    text = out.getvalue()
    assert "[bold red]Kent[/]\\x1b[31m" in text
    assert "\x1b" not in text


def test_a_pdf_engine_out_of_memory_is_memory_not_corrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    from peelparse.load import pdf

    def exhausted(data: bytes, password: str | None, reader: object = None) -> list[object]:
        try:
            raise MemoryError
        except MemoryError as exc:
            raise RuntimeError("pdfminer gave up") from exc

    monkeypatch.setitem(pdf.ENGINES, "pdfplumber", exhausted)
    with pytest.raises(errors.OutOfMemory) as caught:
        pdf.read_pages(b"%PDF-1.7", "x.pdf", None, "pdfplumber")
    assert caught.value.exit_code == 18


@pytest.mark.parametrize("kind", ["html_comments", "html_open_tags", "html_stray_end_tags"])
def test_pathological_html_of_a_megabyte_ends_well_within_a_limit(kind: str) -> None:
    """A guard against a hang, not a speed test: html.parser needed minutes here."""
    from peelparse.run import isolate

    data = getattr(script("make_hostile"), kind)(1_000_000)

    def parse() -> str:
        try:
            peelparse.parse_bytes(data, "page.html")
        except errors.PeelparseError as exc:
            return exc.code
        return "report"

    assert isolate.call(parse, isolate.Limits(timeout=60)) in ("report", "not_peel")


def test_mentions_are_counted_in_one_pass_as_one_by_one() -> None:
    import random

    from peelparse.extract.initiatives import count_all, count_mentions

    rng = random.Random(3)
    words = ["Operation", "Alpha", "Beta", "Safe", "Op", "1", "2b", "(Beta)", "Alpha-Beta"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        names = {" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(80)}
        counts = count_all(sorted(names), text)  # more than FEW_NAMES: the one-pass count
        assert counts == {name: count_mentions(name, text) for name in names}


def test_a_heading_repeated_thousands_of_times_gets_distinct_ids() -> None:
    hostile = script("make_hostile")
    report = peelparse.to_dict(
        peelparse.parse_bytes(hostile.txt_repeated_sections(28 * 3000, hostile.TITLE), "x.txt")
    )
    ids = [s["id"] for s in report["sections"]]
    assert len(ids) == len(set(ids)) >= 3000
    assert "investigating-crime-3000" in ids


def test_thousands_of_causes_each_get_their_recommendation() -> None:
    hostile = script("make_hostile")
    data = hostile.txt_causes(200_000, hostile.TITLE)
    report = peelparse.to_dict(peelparse.parse_bytes(data, "x.txt"))
    causes, recs = report["causes_of_concern"], report["recommendations"]
    assert len(causes) == data.count(b"Cause of concern\n") > 1000
    assert len(recs) == len(causes)
    assert [r["parent_id"] for r in recs] == [c["id"] for c in causes]
    assert all(c["recommendation_ids"] == [r["id"]] for c, r in zip(causes, recs, strict=True))
