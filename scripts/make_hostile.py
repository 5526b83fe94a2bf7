"""Hostile inputs of the kinds a fuzz run found peelparse weak on (issue #12).

Each maker returns bytes built from its arguments alone: the expected outcome
(an error code, a bound on time or output) is stated by the test or benchmark
that uses it, never asked of peelparse.

    python scripts/make_hostile.py --out /tmp/hostile [--scale 1.0]

writes one file per kind (``KINDS``); ``--scale`` multiplies the sizes.
"""

from __future__ import annotations

import argparse
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "peel-2021-22-warwickshire.txt"
MIB = 1024 * 1024


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF file of ``objects`` (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data)
    head = b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), extra)
    return head + packed + b"\nendstream"


def inflating(size: int) -> bytes:
    """A zlib stream of about 1/1000 of ``size`` that inflates to ``size`` spaces.

    Built from one compressed mebibyte repeated (each ends in a full flush, so
    the copies are identical), with the checksum of the whole: fast to make.
    """
    chunk = b" " * MIB
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    count = max(1, size // MIB)
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    return b"\x78\xda" + block * count + packer.flush() + checksum.to_bytes(4, "big")


def _bomb_stream(size: int, extra: bytes = b"") -> bytes:
    packed = inflating(size)
    head = b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), extra)
    return head + packed + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (PEEL 2021/22 An inspection of a police force) Tj ET"
PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >> >>"
)
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def pdf_content_bomb(size: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``size`` bytes."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", PAGES, PAGE, _bomb_stream(size), FONT])


def pdf_metadata_bomb(size: int) -> bytes:
    """A PDF whose ``/Metadata`` stream inflates to ``size`` bytes (pdfium reads it on open)."""
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>"
    metadata = _bomb_stream(size, b"/Type /Metadata /Subtype /XML ")
    return _pdf([catalog, PAGES, PAGE, _stream(TEXT), FONT, metadata])


def pdf_reference_loops() -> bytes:
    """Pages that are their own kids, a form that draws itself, an xref that is its own /Prev."""
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 6 0 R >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R 7 0 R] /Count 3 >>",
        page,
        _stream(TEXT + b" /X1 Do"),
        FONT,
        b"<< /Font << /F1 5 0 R >> /XObject << /X1 7 0 R >> >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources 6 0 R /Length 6 >>\n"
        b"stream\n/X1 Do\nendstream",
    ]
    data = _pdf(objects)
    xref = data[data.rindex(b"startxref\n") + 10 :].split(b"\n")[0]
    return data.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev " + xref + b" ")


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


#: A report's title alone: enough for a text to be read as a report.
TITLE = "PEEL 2021/22\n\nAn inspection of Kent Police\n\nInvestigating crime\n\n"


def txt_number_line(size: int, base: str | None = None) -> bytes:
    """A report (the seed, or ``base``) with one sentence of ``size`` bytes of '12% '."""
    line = "In the cases we reviewed, " + "12% " * (size // 4) + "were late.\n"
    return ((_seed() if base is None else base) + "\n" + line).encode()


def txt_number_sentences(size: int, base: str | None = None) -> bytes:
    """A report with one paragraph of ``size`` bytes of one-number sentences ('In 12% . ')."""
    line = "In 12%. " * (size // 8) + "\n"
    return ((_seed() if base is None else base) + "\n" + line).encode()


def txt_long_block(size: int, base: str | None = None) -> bytes:
    """A report (the seed, or ``base``) with one block of short lines, ``size`` bytes in all."""
    lines = "\n".join(f"Heading line {i}" for i in range(size // 18))
    return ((_seed() if base is None else base) + "\n" + lines + "\n").encode()


def txt_contents_leaders(size: int, base: str | None = None) -> bytes:
    """A report with one contents line of ``size`` bytes of leader dots (no page number)."""
    return ((_seed() if base is None else base) + "Contents " + "." * size + "\n").encode()


def txt_control_label(size: int = 0) -> bytes:  # noqa: ARG001 - one size fits
    """The seed with a grid label that holds terminal controls and line separators."""
    seed = _seed()
    row = "\t\tGood use of resources\t\t\n"
    evil = "\t\x1b]0;owned\x07Made up area\u2028peelparse: error: fake\x85line\t\t\t\n"
    return seed.replace(row, row + evil, 1).encode()


def txt_repeated_sections(size: int, base: str | None = None) -> bytes:
    """One graded heading repeated: thousands of sections of one name (ids, judgments)."""
    body = "Investigating crime\n\nGood\n\n" * (size // 28)
    return ((_seed() if base is None else base) + "\n" + body).encode()


def txt_causes(size: int, base: str | None = None) -> bytes:
    """Thousands of causes of concern, each with its recommendation."""
    one = (
        "Cause of concern\n\nThe force must improve its response.\n\n"
        "Recommendation\n\nWithin six months, the force should act.\n\n"
    )
    return ((_seed() if base is None else base) + "\n" + one * (size // len(one))).encode()


def txt_initiatives(size: int, base: str | None = None) -> bytes:
    """One sentence naming thousands of operations (each counted across the text)."""
    names = " and ".join(f"Operation Alpha{i}" for i in range(size // 22))
    return ((_seed() if base is None else base) + "\nThe force runs " + names + ".\n").encode()


def html_page(body: str) -> bytes:
    return f"<!DOCTYPE html>\n<html><body><main>\n{body}</main></body></html>\n".encode()


def html_comments(size: int) -> bytes:
    """Thousands of unclosed ``<!--`` (quadratic in Python 3.11's html.parser)."""
    return html_page("<p>PEEL 2021/22</p>" + "<!--" * (size // 4))


def html_open_tags(size: int) -> bytes:
    """Thousands of unfinished ``<a`` tags."""
    return html_page("<p>PEEL 2021/22</p><p>" + "<a" * (size // 2))


def html_stray_end_tags(size: int) -> bytes:
    """Paragraphs separated by stray end tags."""
    return html_page("".join(f"<p>Paragraph {i}.</p></span></div>" for i in range(size // 30)))


def html_sections(size: int) -> bytes:
    """Thousands of graded ``<h2>`` sections of one name."""
    return html_page(
        "<h1>PEEL 2021/22</h1>" + "<h2>Investigating crime</h2><p>Good</p>" * (size // 42)
    )


def html_nested(size: int) -> bytes:
    """Elements nested ``size / 5`` deep (beyond any parser's depth limit)."""
    depth = size // 5
    return html_page("<div>" * depth + "deep" + "</div>" * depth)


#: kind -> (maker, default size in bytes); the file name is ``<kind>.<suffix>``.
KINDS: dict[str, tuple[Callable[[int], bytes], int, str]] = {
    "pdf-content-bomb": (pdf_content_bomb, 1100 * MIB, "pdf"),
    "pdf-metadata-bomb": (pdf_metadata_bomb, 1200 * MIB, "pdf"),
    "pdf-reference-loops": (lambda size: pdf_reference_loops(), 0, "pdf"),
    "txt-number-line": (txt_number_line, 100_000, "txt"),
    "txt-number-sentences": (txt_number_sentences, 100_000, "txt"),
    "txt-long-block": (txt_long_block, 180_000, "txt"),
    "txt-contents-leaders": (txt_contents_leaders, 40_000, "txt"),
    "txt-repeated-sections": (txt_repeated_sections, 100_000, "txt"),
    "txt-causes": (txt_causes, 100_000, "txt"),
    "txt-initiatives": (txt_initiatives, 100_000, "txt"),
    "txt-control-label": (txt_control_label, 0, "txt"),
    "html-comments": (html_comments, 200_000, "html"),
    "html-open-tags": (html_open_tags, 200_000, "html"),
    "html-stray-end-tags": (html_stray_end_tags, 200_000, "html"),
    "html-nested": (html_nested, 200_000, "html"),
    "html-sections": (html_sections, 100_000, "html"),
}


def write_all(out: Path, scale: float = 1.0) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, (maker, size, suffix) in KINDS.items():
        path = out / f"{kind}.{suffix}"
        path.write_bytes(maker(int(size * scale)))
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    args = parser.parse_args()
    for path in write_all(args.out, args.scale):
        print(path)


if __name__ == "__main__":
    main()
