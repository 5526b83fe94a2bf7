#!/usr/bin/env python3
"""Build peelparse/data/words.txt.gz, the English word list that ``textfix`` consults.

The list is Debian's ``wbritish`` (SCOWL, /usr/share/dict/british-english):
lower-case entries of letters only, three letters or more, one a line.

    apt-get install wbritish && python scripts/make_wordlist.py [--source FILE]
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "peelparse" / "data" / "words.txt.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", default="/usr/share/dict/british-english")
    args = parser.parse_args()
    raw = Path(args.source).read_text(encoding="utf-8").split()
    words = sorted({w for w in raw if w.isascii() and w.isalpha() and w.islower() and len(w) >= 3})
    # mtime=0: the same list gives the same bytes
    OUT.write_bytes(gzip.compress(("\n".join(words) + "\n").encode(), mtime=0))
    print(f"wrote {OUT} ({len(words)} words)")


if __name__ == "__main__":
    main()
