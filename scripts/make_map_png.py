#!/usr/bin/env python3
"""Render the grades map of real report data to a PNG for the README.

    python scripts/make_map_png.py [--out docs/map.png] [--width 1000] [--height 1300]
                                   [--real-pages DIR]

Real data only: the seed (``seeds/``, the Warwickshire 2021/22 report) and the real pages
of the inspectorate's site (``../shared/real-pages``, or ``$PEELPARSE_REAL_PAGES``, or
``--real-pages``; the pages its ``manifest.json`` lists as ``report_page``).  No synthetic
fixture is drawn.  Runs ``peelparse map`` and screenshots the page with headless Chromium
(the Debian package ``chromium``); ``render_png`` is shared with the test that checks the
map in a real browser.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def chromium() -> str | None:
    """The headless browser's command, or None when none is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_args(browser: str) -> list[str]:
    return [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def render_png(page: Path, png: Path, width: int = 1000, height: int = 1300) -> None:
    browser = chromium()
    if browser is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    subprocess.run(
        [*browser_args(browser), f"--window-size={width},{height}", f"--screenshot={png}"]
        + [page.resolve().as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )


def dump_dom(page: Path) -> str:
    browser = chromium()
    if browser is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    result = subprocess.run(
        [*browser_args(browser), "--dump-dom", page.resolve().as_uri()],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout


def real_inputs(pages: Path) -> list[str]:
    """The seed and the real report pages (never a synthetic fixture)."""
    found = [str(ROOT / "seeds" / "peel-2021-22-warwickshire.txt")]
    manifest = pages / "manifest.json"
    if manifest.exists():
        listed = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        found += [str(pages / f["file"]) for f in listed if f.get("kind") == "report_page"]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "map.png")
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=1300)
    parser.add_argument(
        "--real-pages",
        type=Path,
        default=Path(os.environ.get("PEELPARSE_REAL_PAGES", ROOT.parent / "shared" / "real-pages")),
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "grades.html"
        subprocess.run(
            [sys.executable, "-m", "peelparse", "map", *real_inputs(args.real_pages), "-q"]
            + ["-o", str(page)],
            cwd=ROOT,
            check=True,
        )
        render_png(page, args.out, args.width, args.height)
    print(args.out)


if __name__ == "__main__":
    main()
