"""The PDFium functions the loader calls, bound straight from the library pypdfium2 ships.

``import pypdfium2`` builds ctypes bindings for every function of PDFium's API
(about 45 ms, as long as pdftotext takes to read a whole report); the loader
calls about thirty.  This module finds the library file that ``pypdfium2_raw``
installs (without importing it), binds only those functions, each with its C
types (handles as plain addresses: no argument conversion beyond ctypes' own),
and initialises PDFium as pypdfium2 does.  Where the file is not there (a
pypdfium2 built against a system PDFium), pypdfium2's own library is used.

``LIB`` answers the names pypdfium2's ``raw`` module uses (``LIB.FPDF_LoadPage``,
``LIB.FPDF_PAGEOBJ_PATH``, ``LIB.FS_MATRIX``), so code written against one reads
the other.  Each function is a prototype of its own: binding here never changes
how pypdfium2 calls the same library in the same process (the test suite uses
both), and initialising twice is harmless (PDFium does it once).
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from typing import Any

VOID_P = ctypes.c_void_p
INT = ctypes.c_int
DOUBLE = ctypes.c_double

#: Name: (result, arguments).  Every handle, buffer and out-parameter is a ``void *``.
SIGNATURES: dict[str, tuple[Any, tuple[Any, ...]]] = {
    "FPDF_InitLibraryWithConfig": (None, (VOID_P,)),
    "FPDF_LoadMemDocument64": (VOID_P, (VOID_P, ctypes.c_size_t, ctypes.c_char_p)),
    "FPDF_GetLastError": (ctypes.c_ulong, ()),
    "FPDF_CloseDocument": (None, (VOID_P,)),
    "FPDF_GetPageCount": (INT, (VOID_P,)),
    "FPDF_LoadPage": (VOID_P, (VOID_P, INT)),
    "FPDF_ClosePage": (None, (VOID_P,)),
    "FPDF_GetPageHeightF": (ctypes.c_float, (VOID_P,)),
    "FPDFPage_GetRotation": (INT, (VOID_P,)),
    "FPDFPage_SetRotation": (None, (VOID_P, INT)),
    "FPDFText_LoadPage": (VOID_P, (VOID_P,)),
    "FPDFText_ClosePage": (None, (VOID_P,)),
    "FPDFText_CountChars": (INT, (VOID_P,)),
    "FPDFText_GetText": (INT, (VOID_P, INT, INT, VOID_P)),
    "FPDFText_GetTextIndexFromCharIndex": (INT, (VOID_P, INT)),
    "FPDFText_GetUnicode": (ctypes.c_uint, (VOID_P, INT)),
    "FPDFText_GetTextObject": (VOID_P, (VOID_P, INT)),
    "FPDFText_CountRects": (INT, (VOID_P, INT, INT)),
    "FPDFText_GetRect": (INT, (VOID_P, INT, VOID_P, VOID_P, VOID_P, VOID_P)),
    "FPDFText_GetCharBox": (INT, (VOID_P, INT, VOID_P, VOID_P, VOID_P, VOID_P)),
    "FPDFText_GetLooseCharBox": (INT, (VOID_P, INT, VOID_P)),
    "FPDFText_GetFontInfo": (ctypes.c_ulong, (VOID_P, INT, VOID_P, ctypes.c_ulong, VOID_P)),
    "FPDFText_GetFontSize": (DOUBLE, (VOID_P, INT)),
    "FPDFPage_CountObjects": (INT, (VOID_P,)),
    "FPDFPage_GetObject": (VOID_P, (VOID_P, INT)),
    "FPDFPageObj_GetType": (INT, (VOID_P,)),
    "FPDFPageObj_GetMatrix": (INT, (VOID_P, VOID_P)),
    "FPDFFormObj_CountObjects": (INT, (VOID_P,)),
    "FPDFFormObj_GetObject": (VOID_P, (VOID_P, ctypes.c_ulong)),
    "FPDFPath_CountSegments": (INT, (VOID_P,)),
    "FPDFPath_GetPathSegment": (VOID_P, (VOID_P, INT)),
    "FPDFPathSegment_GetType": (INT, (VOID_P,)),
    "FPDFPathSegment_GetPoint": (INT, (VOID_P, VOID_P, VOID_P)),
    "FPDFPathSegment_GetClose": (INT, (VOID_P,)),
}

#: ``FPDF_GetLastError`` codes, worded as pypdfium2 words them.
ERRORS = {
    0: "Success",
    1: "Unknown error",
    2: "File access error",
    3: "Data format error",
    4: "Incorrect password error",
    5: "Unsupported security scheme error",
    6: "Page not found or content error",
}


class PdfiumError(RuntimeError):
    """PDFium refused a call (named as pypdfium2 names its own: an error record says it)."""


class FS_MATRIX(ctypes.Structure):  # noqa: N801 - PDFium's name
    _fields_ = tuple((name, ctypes.c_float) for name in "abcdef")


class FS_RECTF(ctypes.Structure):  # noqa: N801 - PDFium's name
    _fields_ = tuple((name, ctypes.c_float) for name in ("left", "top", "right", "bottom"))


class _Config(ctypes.Structure):
    """``FPDF_LIBRARY_CONFIG`` version 2 (what pypdfium2 passes), room to spare after it."""

    _fields_ = (
        ("version", ctypes.c_int),
        ("m_pUserFontPaths", VOID_P),
        ("m_pIsolate", VOID_P),
        ("m_v8EmbedderSlot", ctypes.c_uint),
        ("spare", VOID_P * 8),
    )


class Library:
    """PDFium's functions (``SIGNATURES``) and the constants the loader uses."""

    FPDF_PAGEOBJ_PATH = 2
    FPDF_PAGEOBJ_FORM = 5
    FPDF_SEGMENT_BEZIERTO = 1
    FPDF_SEGMENT_MOVETO = 2
    FS_MATRIX = FS_MATRIX

    def __init__(self, dll: Any) -> None:
        for name, (result, arguments) in SIGNATURES.items():
            setattr(self, name, ctypes.CFUNCTYPE(result, *arguments)((name, dll)))

    def __getattr__(self, name: str) -> Any:  # for mypy: the functions are set in __init__
        raise AttributeError(name)


def _library_file() -> str | None:
    """Where ``pypdfium2_raw`` keeps its PDFium (found, not imported), if it does."""
    spec = importlib.util.find_spec("pypdfium2_raw")
    if spec is None or not spec.submodule_search_locations:
        return None
    if sys.platform.startswith(("win32", "cygwin", "msys")):
        name = "pdfium.dll"
    else:
        name = "libpdfium.dylib" if sys.platform.startswith(("darwin", "ios")) else "libpdfium.so"
    path = os.path.join(list(spec.submodule_search_locations)[0], name)
    return path if os.path.isfile(path) else None


def _load() -> Library:
    path = _library_file()
    if path is None:  # a system PDFium: pypdfium2 finds and initialises it
        import pypdfium2  # noqa: F401
        from pypdfium2_raw.bindings import _libs

        return Library(_libs["pdfium"])
    lib = Library(ctypes.CDLL(path))
    config = _Config(version=2)
    lib.FPDF_InitLibraryWithConfig(ctypes.byref(config))
    return lib


_LOADED: list[Library] = []


def library() -> Library:
    """The bound library, loaded and initialised at the first call."""
    if not _LOADED:
        _LOADED.append(_load())
    return _LOADED[0]


def handle_of(obj: Any) -> int:
    """A handle as its address: given as one, or a pypdfium2 object's (``.raw``)."""
    if isinstance(obj, int):
        return obj
    return ctypes.cast(obj.raw, VOID_P).value or 0


class Document:
    """A PDF opened from bytes (kept alive while it is open); ``close`` frees it."""

    def __init__(self, data: bytes, password: str | None = None) -> None:
        self.lib = lib = library()
        self.data = data
        secret = None if password is None else password.encode("utf-8")
        self.raw = lib.FPDF_LoadMemDocument64(data, len(data), secret)
        self.pages = lib.FPDF_GetPageCount(self.raw) if self.raw else 0
        if self.pages < 1:
            code = lib.FPDF_GetLastError()
            self.close()
            raise PdfiumError(f"Failed to load document (PDFium: {ERRORS.get(code)}).")

    def close(self) -> None:
        if self.raw:
            self.lib.FPDF_CloseDocument(self.raw)
            self.raw = None
