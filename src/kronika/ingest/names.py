"""File names and paths (any bytes the file system holds) -> text that can be stored and printed, and back.

On POSIX a file name is bytes; Python shows a byte that is not UTF-8 as a lone
surrogate (``os.fsdecode``: b"\\xff" -> "\\udcff"), which SQLite and a UTF-8
terminal refuse. Such a name is stored and shown with each such byte written
as ``\\xNN`` (b"caf\\xe9.txt" -> "caf\\\\xe9.txt"); ``file_bytes`` turns it back
into the bytes on disk (a name that really contains a backslash followed by
"x" and two hex digits is the one ambiguity). Names that are valid UTF-8 are
unchanged.
"""
from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPE = re.compile(r"\\x([89a-fA-F][0-9a-fA-F])")


def printable(name: str) -> str:
    """``name`` with every byte that is not UTF-8 written as ``\\xNN``; unchanged when it is valid UTF-8."""
    if not _SURROGATE.search(name):
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte (e.g. from a JSON "\\ud800")
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def file_bytes(shown: str) -> bytes:
    """The file-system bytes of a name ``printable`` produced (``\\xNN`` back to the byte)."""
    return _ESCAPE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), shown).encode("utf-8", "surrogateescape")


def clean_text(text: str) -> str:
    """Lone surrogates (which no UTF-8 text can hold) replaced by U+FFFD, one code point each, so offsets hold."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
