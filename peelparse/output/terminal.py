"""What a person sees in a terminal: messages, the progress bar, tables, ``show``, JSON.

rich is imported only here, and only when a terminal (or ``--format table``)
asks for it.  Every string from a report is printed as plain text (never rich
markup) with control characters escaped (``textutil.printable``).

- ``message``: one line on stderr; while a progress bar is live, through the
  bar's console, so the line prints above the bar instead of through it.
- ``progress``: a bar that names what it counts and shows done/total.
- ``table``: fits the terminal's width; grades whole when they fit, else a
  coloured short code and a legend; long text wraps.
- ``show``: one report on one screen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from peelparse.data.vocab import GRADE_CODES
from peelparse.parse.textutil import printable

GRADE_STYLES = {
    "outstanding": "bold green",
    "good": "green",
    "adequate": "yellow",
    "requires_improvement": "dark_orange",
    "inadequate": "bold red",
}
#: Columns a terminal table shows (all of them go to CSV, JSON and xlsx).
TERMINAL_COLUMNS = {
    "findings": ["force", "cycle", "area", "kind", "text", "sentence", "line"],
    "recommendations": ["force", "cycle", "area", "timescale", "text", "line"],
    # the evidence behind a cell (grades --matrix --long, --explain): the document matters
    "grades_matrix_long": [
        "force",
        "cycle",
        "area",
        "grade",
        "status",
        "source",
        "line",
        "statement",
    ],
    "grades_long": ["force", "cycle", "area", "heading", "grade", "source", "line", "statement"],
}
#: Text columns may fold down to this width to make room.
FOLD_WIDTH = 8
#: Not shown in a terminal table (unless its TERMINAL_COLUMNS names them): long paths and
#: keys the other columns repeat.
HIDDEN = {"force_slug", "published", "source", "section_id", "warnings"}
#: The console of the live progress bar, while there is one.
_LIVE: dict[str, Any] = {}


def _console(file: IO[str] | None = None, stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(file=file, stderr=stderr, highlight=False, soft_wrap=False)


def message(line: str) -> None:
    """One line on stderr, above the progress bar when one is live."""
    live = _LIVE.get("console")
    if live is not None:
        from rich.text import Text

        live.print(Text(line), soft_wrap=True)
    else:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def progress(items: Iterator[Any], total: int, what: str) -> Iterator[Any]:
    """Yield ``items``, with a bar 'what done/total' on stderr (no refresh thread).

    It is redrawn as each item arrives: the batch forks a process per input, and
    forking a process that runs threads can deadlock.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    bar = Progress(*columns, transient=True, auto_refresh=False, console=_console(stderr=True))
    with bar:
        _LIVE["console"] = bar.console
        try:
            task = bar.add_task(what, total=total)
            bar.refresh()
            for item in items:
                bar.advance(task)
                bar.refresh()
                yield item
        finally:
            _LIVE.pop("console", None)


def _text(value: Any, grades: str = "whole") -> Any:
    from rich.text import Text

    if value is None or value == []:
        return Text("")
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    style = GRADE_STYLES.get(text, "")
    if style and grades == "code":
        return Text(GRADE_CODES[text], style=style)
    if style:
        return Text(text.replace("_", " "), style=style)
    return Text(printable(text))


def _is_grade_column(rows: list[dict[str, Any]], column: str) -> bool:
    return any(str(r.get(column)) in GRADE_CODES for r in rows)


def initials(column: str, length: int = 1) -> str:
    """'investigating_crime' -> 'IC', 'treatment_of_the_public' -> 'TP'; ``length`` letters
    of the first word ('effectiveness', 2 -> 'EF') tell apart columns whose initials agree."""
    small = {"of", "the", "and", "to", "a", "for"}
    words = [w for w in column.split("_") if w not in small] or [column]
    return (words[0][:length] + "".join(w[0] for w in words[1:])).upper()


def abbreviations(columns: list[str]) -> dict[str, str]:
    """A short, unique header for each column (``initials``, longer where two agree)."""
    length = dict.fromkeys(columns, 1)
    while True:
        codes = {c: initials(c, length[c]) for c in columns}
        clashes = [c for c in columns if list(codes.values()).count(codes[c]) > 1]
        if not clashes or all(length[c] >= len(c) for c in clashes):
            return codes
        for c in clashes:
            length[c] += 1


def _build(rows: list[dict[str, Any]], shown: list[str], grades: str) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, expand=False)
    short = abbreviations(shown)
    for c in shown:
        graded = _is_grade_column(rows, c)
        header = short[c] if graded and grades == "code" else c.replace("_", " ")
        # Grades wrap only between words and never shrink below their longest word
        # (never "requ…"); other text folds to fit.
        # A header may be data (a file path, in the turned matrix): plain text, escaped,
        # never rich markup ("a[/b].txt").
        title = Text(printable(header))
        if graded:
            words = header.split() + [w for r in rows for w in str(_text(r.get(c), grades)).split()]
            table.add_column(title, overflow="fold", min_width=max(map(len, words)))
        else:
            table.add_column(title, overflow="fold")
    for row in rows:
        table.add_row(*[_text(row.get(c), grades) for c in shown])
    return table


def _transposed(rows: list[dict[str, Any]], shown: list[str]) -> list[dict[str, Any]]:
    """The matrix turned: a row per area, a column per force and cycle (for a few forces)."""
    heads = [f"{r.get('force')} {r.get('cycle') or ''}".strip() for r in rows]
    turned = []
    for c in shown:
        if not _is_grade_column(rows, c):
            continue
        line: dict[str, Any] = {"area": c.replace("_", " ")}
        line.update({head: r.get(c) for head, r in zip(heads, rows, strict=True)})
        turned.append(line)
    return turned or [{"area": ""}]


def _needed(rows: list[dict[str, Any]], shown: list[str], grades: str) -> int:
    """The narrowest the table can be without cutting a grade or a header word.

    Grade columns need their longest word (whole or coded), other columns may fold
    their text down to ``FOLD_WIDTH``; columns are two apart.
    """
    total = 0
    short = abbreviations(shown)
    for c in shown:
        graded = _is_grade_column(rows, c)
        header = short[c] if graded and grades == "code" else c.replace("_", " ")
        words = header.split()
        if graded:
            for r in rows:
                value = str(r.get(c))
                shown_as = (
                    GRADE_CODES.get(value, "") if grades == "code" else value.replace("_", " ")
                )
                words += shown_as.split()
            total += max((len(w) for w in words), default=1)
        else:
            total += min(FOLD_WIDTH, max((len(w) for w in words), default=1))
    return total + 2 * max(0, len(shown) - 1)


def width_of(out: IO[str]) -> int:
    """$COLUMNS, else the terminal's width, else 100 columns (a file, a pipe, an unsized pty)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if hasattr(out, "isatty") and out.isatty():
        try:
            size = os.get_terminal_size(out.fileno()).columns
        except (OSError, ValueError):
            size = 0
        if size > 0:
            return size
    return 100


def table(rows: list[dict[str, Any]], columns: list[str], out: IO[str], name: str = "") -> None:
    """A table that fits the terminal: grades whole when they fit, else coded with a legend."""
    wanted = TERMINAL_COLUMNS.get(name, columns)
    shown = [
        c
        for c in wanted
        if c in columns
        and (c not in HIDDEN or name in TERMINAL_COLUMNS)
        and any(r.get(c) not in (None, "", []) for r in rows)
    ]
    console = _console(file=out)
    console.width = width_of(out)
    coded = _needed(rows, shown, "whole") > console.width
    if coded and name == "grades_matrix":
        turned = _transposed(rows, shown)
        if _needed(turned, list(turned[0]), "whole") <= console.width:
            console.print(_build(turned, list(turned[0]), "whole"))
            return
    grid = _build(rows, shown, "code" if coded else "whole")
    console.print(grid)
    graded = [c for c in shown if _is_grade_column(rows, c)]
    if coded and graded:
        console.print(legend(graded))


def legend(columns: list[str]) -> Any:
    """What the codes of a coded table stand for: grades, then area columns."""
    from rich.text import Text

    line = Text("")
    for grade, code in GRADE_CODES.items():
        line.append(code, style=GRADE_STYLES[grade])
        line.append(f" {grade.replace('_', ' ')}  ")
    line.append("\n")
    short = abbreviations(columns)
    line.append("  ".join(f"{short[c]} {c.replace('_', ' ')}" for c in columns))
    return line


#: Warnings about grade sentences that ``show`` counts on a line of their own.
UNREAD_COUNTS = (
    ("grade_statement_unread", "grade sentence(s) not read"),
    ("grade_area_unknown", "grade sentence(s) about no graded area"),
    ("not_sure_report", "doubt that this is a report page"),
)


def show(report: dict[str, Any], out: IO[str]) -> None:
    """One report on one screen: who, when, each area's grade, the counts, the warnings."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = _console(file=out)
    console.width = min(width_of(out), 100)
    doc = report.get("document") or {}
    title = Text(printable(str(doc.get("force") or report["source"].get("path"))), style="bold")
    title.append(f"  PEEL {printable(str(doc.get('cycle') or '?'))}")
    if doc.get("published"):
        title.append(f"  published {printable(str(doc['published']))}")
    console.print(title)
    documents = report.get("documents") or []
    if len(documents) > 1:  # an assessment (assess.merge): say what it rests on
        paths = ", ".join(printable(str(d.get("path"))) for d in documents)
        console.print(Text(f"{len(documents)} documents: {paths}", style="dim"))
    grades = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False)
    grades.add_column("area")
    grades.add_column("grade")
    for j in report.get("judgments", []):
        area = j.get("heading") or j.get("label") or j.get("area") or "?"
        grades.add_row(Text(printable(str(area))), _text(j.get("grade")))
    console.print(grades)
    counts = [
        ("areas for improvement", "areas_for_improvement"),
        ("causes of concern", "causes_of_concern"),
        ("recommendations", "recommendations"),
        ("findings", "findings"),
        ("initiatives", "initiatives"),
    ]
    console.print(", ".join(f"{len(report.get(key, []))} {label}" for label, key in counts))
    codes = [w.get("code") for w in report.get("warnings", [])]
    unread = [(codes.count(code), label) for code, label in UNREAD_COUNTS if code in codes]
    if unread:  # the grade sentences no rule read: where a reader should look by hand
        console.print(Text(", ".join(f"{n} {label}" for n, label in unread), style="bold"))
    for w in report.get("warnings", []):
        line = f" (line {w['location']['line']})" if w.get("location") else ""
        text = f"warning: {printable(str(w['code']))}: {printable(str(w['message']))}{line}"
        console.print(Text(text, style="dim"))


def json_on_terminal(data: Any, out: IO[str]) -> None:
    """Indented, coloured JSON (as jq prints to a terminal)."""
    from peelparse.output.emit import dumps

    console = _console(file=out)
    console.print_json(dumps(data), indent=2)
