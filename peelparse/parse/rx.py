"""``re.compile``, deferred to the pattern's first use.

A run of ``peelparse`` used to compile the package's hundred-odd module-level
patterns at import, about 25 ms of the start-up of one report, although a report
of one cycle and format uses about two thirds of them.  ``rx.compile`` returns a
stand-in that holds the pattern's text and flags and calls ``re.compile`` the
first time it is used; from then on its methods (``search``, ``finditer``, ...)
are the compiled pattern's own bound methods, so a hot loop pays nothing extra.

Only the public ``re`` module is used: nothing is read from or written to disk.

A batch's parent compiles every pattern made so far (``compile_all``) before it
forks its children, so that each child starts with them compiled instead of
compiling the same patterns again for every input.
"""

from __future__ import annotations

import contextlib
import re
import weakref
from typing import Any, cast

#: Attributes copied from the compiled pattern onto the stand-in at first use.
_FORWARDED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A regular expression compiled when first used (see the module docstring).

    It answers every ``re.Pattern`` attribute; ``pattern`` is known without compiling.
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        _MADE.add(self)

    def compiled(self) -> re.Pattern[str]:
        """The ``re.Pattern`` itself (compiled now if it was not yet)."""
        if self._compiled is None:
            compiled = re.compile(self.pattern, self._flags)
            for name in _FORWARDED:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # only for attributes not yet forwarded
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"rx.compile({self.pattern!r}, {self._flags!r})"


#: Every stand-in alive, for ``compile_all`` (the package's are made once, at import or by
#: a cached function; one made and dropped, as a test does, leaves the set).
_MADE: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


def compile_all() -> None:
    """Compile every pattern made so far (a batch's parent, before its children fork).
    A pattern that does not compile is left: its error shows at its first use, as ever."""
    for pattern in list(_MADE):
        with contextlib.suppress(re.error):
            pattern.compiled()


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001
    """What ``re.compile(pattern, flags)`` gives, compiled at its first use.

    Typed as ``re.Pattern``: the stand-in has all its methods and attributes.
    ``re.compile(pattern)`` errors show at first use, so ``tests/test_rx.py`` compiles every
    module-level pattern of the package.
    """
    return cast("re.Pattern[str]", LazyPattern(pattern, int(flags)))
