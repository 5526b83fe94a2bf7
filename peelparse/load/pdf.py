"""PDF loader: PDF pages -> the same plain-text layout as the text exports.

Two engines read a page's words (text, box, size, font, spacing): PDFium
(the default: the library that ``pypdfium2`` ships, bound in ``pdfiumlib.py``) and
pdfplumber (``--engine pdfplumber``, imported only then).  Inside the loader only:
- running headers and footers, found by what repeats across pages
  (``running.py``), are dropped, and the page number printed in them is kept as
  ``printed_pages``; a page without them loses no line;
- the cover's lines become the title block; the contents page's dotted-leader
  entries become ``Title<TAB>page`` rows (the section splitter skips them);
- tables are laid out as tab-separated rows under their header row, at their
  place, when the table reader asks for them (``TableReader``: the pipeline's is
  the judgments grid reader, ``extract/_grid.py``; the loader knows no table's
  meaning); ruled tables come from the page's path objects (``pdfrules.py``) on
  PDFium, from pdfplumber's table finder on pdfplumber;
- a page's ``/Rotate`` is ignored: text is read upright, as it was laid out;
- lines are grouped into blocks by font size, weight and vertical gaps, so
  headings and boxed labels stand alone; bullet glyphs become ``- `` items;
- a word hyphenated at a line end is joined only when the joined word occurs
  elsewhere in the document and the hyphenated form does not (``anti-social``
  and ``non-emergency`` survive);
- a paragraph cut by a page break continues on the next page's first line.
One output line per PDF text line, a blank line between blocks; ``page_lines``
maps every page to its first line, so ``location.page`` is the physical page.
The result is cached by content hash (``cache.py``) unless asked not to.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from peelparse.load.document import Document
from peelparse.load.running import keep_on_last_page, page_number, running_lines
from peelparse.parse import rx
from peelparse.run.errors import CorruptPdf, EncryptedPdf, NoTextLayer, OutOfMemory


def _quiet_libraries() -> None:
    """pdfminer and pdfplumber log what they skip in a damaged file ("Data-loss while
    decompressing corrupted data") to stderr, unescaped and not in peelparse's
    one-line form: their loggers are silenced.  What matters reaches the user as
    an error (a corrupt PDF) or in the report (a warning)."""
    import logging

    for name in ("pdfminer", "pdfplumber", "pypdfium2"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


_quiet_libraries()

#: A contents entry ends in a leader of at least this many dots and a page number.
LEADER_DOTS = 3
BULLET_GLYPHS = "\u2022\u2013\u2014\u25aa\u25cf\u25e6\u00b7\uf0a7\uf0b7*-"
RE_BULLET_GLYPH = rx.compile(f"^(?:[{BULLET_GLYPHS}]|\\(cid:\\d+\\))\\s+")
#: What a bulleted line can open with (a cheap test before the pattern).
BULLET_OPENERS = frozenset(BULLET_GLYPHS + "(")
#: A line this far (points) right of the body's left margin after a stem ("should:") is a
#: list item whose bullet is drawn, not written.
LIST_INDENT = 12.0
PARAGRAPH_GAP = 0.45  # a vertical gap above this share of the body size starts a block
#: ... and above the document's usual gap between the lines of a paragraph by this share:
#: loosely set text (line height 1.45 and more) has wide gaps inside its paragraphs.
LEADING_MARGIN = 0.3
LOADER_VERSION = "5"


@dataclass
class Line:
    """One text line; ``size`` is to a tenth of a point (``_lines`` rounds it), so that lines
    of one style (size and weight) compare equal without rounding again."""

    text: str
    top: float
    bottom: float
    x0: float
    size: float
    bold: bool


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    tables: list[tuple[float, list[str]]] = field(default_factory=list)  # (top, rows)
    printed: int | None = None
    height: float = 0.0


_BOLD: dict[str, bool] = {}


def _is_bold(fontname: str) -> bool:
    bold = _BOLD.get(fontname)
    if bold is None:
        bold = _BOLD[fontname] = any(
            k in fontname for k in ("Bold", "Black", "Heavy", "Semibold", "Demi")
        )
    return bold


def _join_row(row: list[dict[str, Any]]) -> str:
    """Words of one line, a space only where the page shows a gap."""
    parts = [row[0]["text"]]
    for prev, word in zip(row, row[1:], strict=False):
        if "space_after" not in prev:  # pdfplumber splits words at spaces
            parts.append(" " + word["text"])
            continue
        gap = float(word["x0"]) - float(prev["x1"])
        spaced = prev["space_after"] or word["space_before"] or gap > 0.25 * float(word["size"])
        parts.append((" " if spaced else "") + word["text"])
    return "".join(parts)


def _lines(words: list[dict[str, Any]]) -> list[Line]:
    rows: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= 2.0:
            rows[-1].append(w)
        else:
            rows.append([w])
    out = []
    for row in rows:
        if len(row) == 1:  # most lines of a Word-made PDF: one run
            w = row[0]
            out.append(
                Line(
                    w["text"],
                    w["top"],
                    w["bottom"],
                    w["x0"],
                    round(w["size"], 1),
                    _is_bold(w["fontname"]),
                )
            )
            continue
        out.append(_row_line(row))
    return out


def _row_line(row: list[dict[str, Any]]) -> Line:
    """A line of several words: of the size most of its characters have, bold if all are."""
    row.sort(key=itemgetter("x0"))
    sizes: dict[float, int] = {}
    bold = True
    for w in row:
        size = round(w["size"], 1)
        sizes[size] = sizes.get(size, 0) + len(w["text"])
        bold = bold and _is_bold(w["fontname"])
    return Line(
        _join_row(row),
        min([w["top"] for w in row]),
        max([w["bottom"] for w in row]),
        row[0]["x0"],
        max(sizes, key=sizes.__getitem__),  # the first of the most common, as most_common
        bold,
    )


def _inside(w: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    cx = (float(w["x0"]) + float(w["x1"])) / 2
    cy = (float(w["top"]) + float(w["bottom"])) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _table_rows(table: Any) -> list[str]:
    rows = []
    for row in table.extract():
        cells = [" ".join((c or "").split()) for c in row]
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _overprinted(chars: list[dict[str, Any]]) -> set[int]:
    """ids of the characters drawn a second time within a point of the same character.

    Overprinted bold draws each glyph twice a fraction of a point apart; read
    twice, it gives "VVeettttiinngg".  (pdfplumber's ``dedupe_chars`` does the
    same job but costs five times the whole page's reading.)
    """
    seen: dict[tuple[str, int, int], float] = {}
    twice: set[int] = set()
    for ch in chars:
        x, text, row = float(ch["x0"]), ch["text"], round(float(ch["top"]))
        cell = int(x)
        for key in ((text, cell, row), (text, cell - 1, row), (text, cell + 1, row)):
            other = seen.get(key)
            if other is not None and abs(other - x) <= 1:
                twice.add(id(ch))
                break
        else:
            seen[(text, cell, row)] = x
    return twice


def _plumber_words(page: Any) -> list[dict[str, Any]]:
    """Words of a page, glyphs drawn twice at (almost) one place (overprinted bold) once."""
    twice = _overprinted(page.chars)
    if twice:
        page = page.filter(lambda obj: id(obj) not in twice)
    return list(page.extract_words(extra_attrs=["size", "fontname"], x_tolerance=1.5))


def _plumber_tables(page: Any) -> list[tuple[tuple[float, float, float, float], list[str]]]:
    return [(tuple(map(float, t.bbox)), _table_rows(t)) for t in page.find_tables()]  # type: ignore[misc]


#: Which tables of a page to lay out as tab rows: given the page's words and a way to find
#: its ruled tables, (bounding box, tab rows) of each.  The judgments grid reader
#: (``extract/_grid.py``) is the pipeline's; the loader knows no table's meaning.
TableReader = Callable[
    [list[dict[str, Any]], Callable[[], list[tuple[tuple[float, float, float, float], list[str]]]]],
    list[tuple[tuple[float, float, float, float], list[str]]],
]


def no_tables(words: list[dict[str, Any]], find_tables: Callable[[], Any]) -> list[Any]:
    """The table reader that lays out no table: every page read as lines."""
    return []


def _read_page(
    words: list[dict[str, Any]], height: float, tables: Any, reader: TableReader
) -> Page:
    """One page from its words; ``tables()`` is called only when ``reader`` asks for them."""
    out = Page(height=height)
    body = words
    for bbox, rows in reader(words, tables):
        body = [w for w in body if not _inside(w, bbox)]
        out.tables.append((bbox[1], rows))
    out.lines = _lines(body)
    return out


def _body_size(pages: list[Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _bullet(text: str) -> str | None:
    """'• item' (or a glyph the font maps to no character, '(cid:127) item') -> '- item'."""
    if text[:1] not in BULLET_OPENERS:
        return None
    m = RE_BULLET_GLYPH.match(text)
    return "- " + text[m.end() :] if m else None


def _contents_row(text: str) -> str | None:
    """'Title ........ 12' -> 'Title\t12'; None for any other line.

    Read from the right in one pass (a pattern with a lazy title before the
    leader backtracked: one 40 KB line of dots took seconds).
    """
    if not text[-1:].isdigit():
        return None
    body = text.rstrip("0123456789")
    page = text[len(body) :]
    if not 1 <= len(page) <= 4:
        return None
    cut = len(body)
    while cut and (body[cut - 1] == "." or body[cut - 1].isspace()):
        cut -= 1
    if not cut or body.count(".", cut) < LEADER_DOTS:
        return None
    return f"{body[:cut]}\t{page}"


def _line_gap(pages: list[Page]) -> float:
    """The most common gap between two lines of one style: the gap inside a paragraph."""
    gaps: Counter[float] = Counter()
    for page in pages:
        for prev, line in zip(page.lines, page.lines[1:], strict=False):
            gap = line.top - prev.bottom
            if line.size == prev.size and line.bold == prev.bold and -line.size < gap < line.size:
                gaps[round(gap * 2) / 2] += 1
    return gaps.most_common(1)[0][0] if gaps else 0.0


def _left_margin(pages: list[Page]) -> float:
    """The x where most body lines start."""
    starts: Counter[int] = Counter()
    for page in pages:
        for line in page.lines:
            starts[round(line.x0)] += len(line.text)
    return float(starts.most_common(1)[0][0]) if starts else 0.0


class _Lists:
    """List items whose bullets are drawn, not written (a browser's list markers).

    After a line ending with a colon, lines indented past the body's left margin
    are list items: one starts on each such line that follows a line ending an
    item (";", "; and", "." or ":"), the others continue it.
    """

    def __init__(self, margin: float) -> None:
        self.margin = margin
        self.open = False  # the lines above were a stem ("should:") or list items

    def mark(self, line: Line, prev: Line | None) -> str | None:
        if line.text.strip() in ("and", "or"):
            return None  # the end of an item's "; and", wrapped onto a line of its own
        indented = line.x0 >= self.margin + LIST_INDENT
        if not indented:
            self.open = line.text.rstrip().endswith(":")
            return None
        if not self.open:
            return None
        ends_item = prev is not None and (
            prev.text.rstrip().endswith((":", ";", "; and", "; or", "."))
            or prev.text.strip() in ("and", "or")
        )
        return "- " + line.text if ends_item else None


def _page_blocks(
    page: Page, body: float, line_gap: float = 0.0, margin: float | None = None
) -> list[list[str]]:
    """Blocks of one page (each a list of output lines), tables at their place."""
    items: list[tuple[float, Line | list[str]]] = [(ln.top, ln) for ln in page.lines]
    items += [(top, rows) for top, rows in page.tables]
    items.sort(key=lambda pair: pair[0])
    blocks: list[list[str]] = []
    prev: Line | None = None
    lists = _Lists(margin if margin is not None else 1e9)
    for _, item in items:
        if isinstance(item, list):
            blocks.append(list(item))
            prev = None
            continue
        line = item
        text = line.text  # the tests below skip calls that cannot match
        contents = _contents_row(text) if text[-1:].isdigit() else None
        bullet = (_bullet(text) if text[:1] in BULLET_OPENERS else None) or lists.mark(line, prev)
        text = contents or bullet or line.text
        new_block = (
            prev is None
            or contents is not None
            or bullet is not None
            or line.size != prev.size
            or line.bold != prev.bold
            or line.top - prev.bottom
            > max(
                PARAGRAPH_GAP * max(body, line.size, prev.size),
                line_gap + LEADING_MARGIN * max(line.size, prev.size),
            )
        )
        if new_block or not blocks:
            blocks.append([text])
        else:
            blocks[-1].append(text)
        prev = line
    return blocks


def _hyphen_breaks(per_page: list[list[list[str]]]) -> bool:
    """Whether any block holds a line ending in a hyphen (``_fix_hyphens`` has work)."""
    return any(ln.endswith("-") for blocks in per_page for b in blocks for ln in b[:-1])


#: Punctuation around a word that the hyphen vocabulary leaves out.
WORD_PUNCTUATION = ".,;:()"


class _Vocabulary:
    """The document's words (lower case, without the punctuation around them), for the few
    words a hyphen break asks about: each is looked for in the document's lowered text
    instead of building the set of all its words.  Where lowering is not one character
    for one (a capital sigma, a dotted capital I), the set is built."""

    def __init__(self, per_page: list[list[list[str]]]) -> None:
        self.text = "\n".join(ln for blocks in per_page for b in blocks for ln in b)
        self.lower = self.text.lower()
        self.words: set[str] | None = None
        if "\u03a3" in self.text or len(self.lower) != len(self.text):
            self.words = self._all()

    def _all(self) -> set[str]:
        return {w.strip(WORD_PUNCTUATION).lower() for w in set(self.text.split())}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self.words is not None:
            return word in self.words
        if not word:
            return word in self._all()
        if any(ch.isspace() for ch in word):
            return False  # no word holds a space
        if word[0] in WORD_PUNCTUATION or word[-1] in WORD_PUNCTUATION:
            return False  # the vocabulary's words are stripped of it
        return any(self._alone(at, len(word)) for at in _finds(self.lower, word))

    def _alone(self, at: int, size: int) -> bool:
        """Whether the text at ``at`` is a whole word, but for punctuation around it."""
        text, left, right = self.lower, at, at + size
        while left and text[left - 1] in WORD_PUNCTUATION:
            left -= 1
        while right < len(text) and text[right] in WORD_PUNCTUATION:
            right += 1
        return (not left or text[left - 1].isspace()) and (
            right == len(text) or text[right].isspace()
        )


def _finds(text: str, word: str) -> Iterator[int]:
    """Every index where ``word`` occurs in ``text`` (overlapping ones too)."""
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def _fix_hyphens(blocks: list[list[str]], vocabulary: Container[str]) -> None:
    """Join words split by a line-end hyphen where the joined word is the document's."""
    for block in blocks:
        for i in range(len(block) - 1):
            line, nxt = block[i], block[i + 1]
            if not line.endswith("-") or not nxt[:1].islower() or "\t" in line:
                continue
            head = line.rsplit(" ", 1)[-1][:-1]
            tail, _, rest = nxt.partition(" ")
            word = (head + tail).rstrip(".,;:").lower()
            compound = f"{head}-{tail}".rstrip(".,;:").lower()
            joiner = "" if word in vocabulary and compound not in vocabulary else "-"
            block[i] = line[:-1] + joiner + tail
            block[i + 1] = rest


def _continues(prev: list[str], nxt: list[str]) -> bool:
    last, first = prev[-1].rstrip(), nxt[0].lstrip()
    if not last or not first or "\t" in last or last.endswith((".", ":", ";", "!", "?")):
        return False
    return first[0].islower() or (first[0].isdigit() and sum(len(x) for x in prev) >= 200)


def strip_running(pages: list[Page]) -> None:
    """Drop running headers and footers (``running.py``); keep each page's printed number."""
    marks = running_lines(pages)  # type: ignore[arg-type]
    last = max((i for i, p in enumerate(pages) if p.lines), default=-1)
    for p, (page, running) in enumerate(zip(pages, marks, strict=True)):
        if not running:
            continue
        number = page_number([page.lines[i].text for i in sorted(running)])
        page.printed = number if number is not None else page.printed
        keep = {
            i
            for i, zone in running.items()
            if p == last and keep_on_last_page(page.lines[i].text, zone)
        }
        page.lines = [ln for i, ln in enumerate(page.lines) if i not in running or i in keep]


def assemble(pages: list[Page]) -> tuple[str, tuple[int, ...], tuple[int | None, ...]]:
    """Pages -> (text, first line of each page, printed page numbers)."""
    strip_running(pages)
    body = _body_size(pages)
    line_gap = _line_gap(pages)
    margin = _left_margin(pages)
    per_page = [_page_blocks(p, body, line_gap, margin) for p in pages]
    if _hyphen_breaks(per_page):
        vocabulary = _Vocabulary(per_page)
        for blocks in per_page:
            _fix_hyphens(blocks, vocabulary)
    out, page_lines = _joined(per_page)
    return "\n".join(out) + "\n", tuple(page_lines), tuple(p.printed for p in pages)


def _joined(per_page: list[list[list[str]]]) -> tuple[list[str], list[int]]:
    """Every page's blocks as lines, a blank line between blocks (not where a block runs on
    from the page before), and the line each page starts on."""
    out: list[str] = []
    page_lines: list[int] = []
    prev: list[str] | None = None
    for blocks in per_page:
        page_lines.append(
            len(out) + 1 + (0 if prev is None or not blocks or _continues(prev, blocks[0]) else 1)
        )
        for j, block in enumerate(blocks):
            block = [ln for ln in block if ln.strip()] or [""]
            if out and not (j == 0 and prev is not None and _continues(prev, block)):
                out.append("")
            out.extend(block)
            prev = block
    return out, page_lines


def _plumber_pages(data: bytes, password: str | None, reader: TableReader) -> list[Page]:
    import pdfplumber  # lazy: heavy

    pages = []
    with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
        for page in pdf.pages:
            height = float(page.height)
            if page.rotation % 180:
                height = float(page.width)  # the upright page's height
            page.page_obj.rotate = 0  # read upright, as PDFium does (the file is not changed)
            pages.append(
                _read_page(
                    _plumber_words(page),
                    height,
                    lambda p=page: _plumber_tables(p),
                    reader,
                )
            )
            page.close()  # release pdfminer's per-page objects: keeps memory flat
    return pages


def _pdfium_pages(data: bytes, password: str | None, reader: TableReader) -> list[Page]:
    """Pages through PDFium; ruled tables from the page's own path objects (``pdfrules.py``).

    A page's ``/Rotate`` turns only how a viewer shows it: text is read in the page's
    own upright coordinates, as the producer laid it out (a rotated copy of a report
    reads as the report)."""
    from peelparse.load.pdfiumlib import Document, PdfiumError
    from peelparse.load.pdfiumtext import page_words
    from peelparse.load.pdfrules import ruled_tables

    pdf = Document(data, password)
    lib = pdf.lib
    try:
        pages = []
        for index in range(pdf.pages):
            page = lib.FPDF_LoadPage(pdf.raw, index)
            if not page:
                raise PdfiumError("Failed to load page.")
            try:
                if lib.FPDFPage_GetRotation(page):
                    lib.FPDFPage_SetRotation(page, 0)  # in memory only: the file is never written
                height = float(lib.FPDF_GetPageHeightF(page))
                text = lib.FPDFText_LoadPage(page)
                if not text:
                    raise PdfiumError("Failed to load text page.")
                try:
                    words = page_words(text, height)
                finally:
                    lib.FPDFText_ClosePage(text)
                tables = lambda p=page, h=height, w=words: ruled_tables(p, h, w)  # noqa: E731
                pages.append(_read_page(words, height, tables, reader))
            finally:
                lib.FPDF_ClosePage(page)  # each page freed once read: memory stays flat
        return pages
    finally:
        pdf.close()


def warm(engine: str = "pdfium") -> None:
    """Import an engine and the loader's helpers now (a batch parent, before it forks)."""
    import encodings.utf_16_le  # noqa: F401 - PDFium's text
    import heapq  # noqa: F401 - Counter.most_common(n)

    from peelparse.load import cache  # noqa: F401

    if engine == "pdfplumber":
        import pdfplumber  # noqa: F401
    else:
        from peelparse.load import pdfrules  # noqa: F401
        from peelparse.load.pdfiumtext import bare_calls

        bare_calls()  # PDFium loaded and initialised, its functions bound


ENGINES: dict[str, Callable[[bytes, str | None, TableReader], list[Page]]] = {
    "pdfium": _pdfium_pages,
    "pdfplumber": _plumber_pages,
}


def read_pages(
    data: bytes,
    path: str,
    password: str | None,
    engine: str = "pdfium",
    reader: TableReader = no_tables,
) -> list[Page]:
    """Pages of a PDF through one engine; every failure becomes a one-line error."""
    try:
        return ENGINES[engine](data, password, reader)
    except Exception as exc:  # noqa: BLE001 - classify every engine failure
        chain: list[BaseException] = []
        cause: BaseException | None = exc
        while cause is not None and len(chain) < 5:
            chain.append(cause)
            cause = cause.__cause__ or cause.__context__
        if any(isinstance(c, MemoryError) for c in chain):
            raise OutOfMemory("ran out of memory reading the PDF (--max-memory)", path) from None
        names = " ".join(f"{type(c).__name__} {c}" for c in chain)
        if "PDFPasswordIncorrect" in names or "password" in names.lower():
            hint = "wrong password" if password else "give --password"
            raise EncryptedPdf(f"PDF is encrypted ({hint})", path) from None
        raise CorruptPdf(f"PDF is truncated or corrupt ({type(exc).__name__})", path) from None


def _valid_entry(entry: dict[str, Any]) -> bool:
    """A cache entry of the shape ``load`` writes: text, and one line and number per page."""
    text, lines, printed = entry.get("text"), entry.get("page_lines"), entry.get("printed_pages")
    if not isinstance(text, str) or not isinstance(lines, list) or not isinstance(printed, list):
        return False
    if len(lines) != len(printed) or not all(type(n) is int and n >= 1 for n in lines):
        return False
    if any(a > b for a, b in zip(lines, lines[1:], strict=False)):
        return False
    if lines and lines[-1] > text.count("\n") + 1:
        return False
    return all(n is None or type(n) is int for n in printed)


def load(
    data: bytes,
    path: str,
    sha: str,
    password: str | None = None,
    use_cache: bool = True,
    engine: str = "pdfium",
    reader: TableReader = no_tables,
) -> Document:
    """PDF bytes -> Document (cached by content hash, engine and table reader)."""
    from peelparse.load import cache

    use_cache = use_cache and not password  # never keep a protected report's text on disk
    version = LOADER_VERSION if reader is not no_tables else f"{LOADER_VERSION}-lines"
    key = cache.key(sha, engine, version)
    hit = cache.get(key, _valid_entry) if use_cache else None
    if hit is None:
        pages = read_pages(data, path, password, engine, reader)
        if not any(p.lines or p.tables for p in pages):
            raise NoTextLayer(
                "PDF has no text layer (scanned?): OCR it first, e.g. with ocrmypdf", path
            )
        text, page_lines, printed = assemble(pages)
        hit = {"text": text, "page_lines": list(page_lines), "printed_pages": list(printed)}
        if use_cache:
            cache.put(key, hit)
    return Document(
        text=hit["text"],
        path=path,
        format="pdf",
        sha256=sha,
        page_lines=tuple(hit["page_lines"]),
        printed_pages=tuple(hit["printed_pages"]),
    )
