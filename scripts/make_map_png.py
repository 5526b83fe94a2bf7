#!/usr/bin/env python3
"""Render the grades map of the seed and the text fixtures to a PNG for the README.

    python scripts/make_map_png.py [--out docs/map.png] [--width 1000] [--height 1300]

Runs ``peelparse map seeds/ fixtures/txt/`` and screenshots the page with headless
Chromium (the Debian package ``chromium``); ``render_png`` is shared with the test
that checks the map in a real browser.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "map.png")
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=1300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "grades.html"
        subprocess.run(
            [sys.executable, "-m", "peelparse", "map", "seeds/", "fixtures/txt/", "-q"]
            + ["-o", str(page)],
            cwd=ROOT,
            check=True,
        )
        render_png(page, args.out, args.width, args.height)
    print(args.out)


if __name__ == "__main__":
    main()
