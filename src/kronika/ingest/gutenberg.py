"""Project Gutenberg e-texts -> their licence header and footer as Stripped passages, and Title/Author metadata."""
from __future__ import annotations

import re

from ..records import Stripped

_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$", re.IGNORECASE | re.MULTILINE)
_END = re.compile(r"^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$", re.IGNORECASE | re.MULTILINE)
_FIELD = re.compile(r"^(Title|Author|Release [Dd]ate|Language):[ \t]*(.+?)[ \t]*\r?$", re.MULTILINE)


def gutenberg(text: str) -> tuple[dict, list[Stripped]]:
    """({"title", "author"} from the header, [header passage, footer passage]) for a Gutenberg e-text, else ({}, [])."""
    if "GUTENBERG" not in text[:20000].upper():
        return {}, []
    start = _START.search(text, 0, 60000)
    if start is None:
        return {}, []
    end = _END.search(text, start.end())
    meta = {}
    for m in _FIELD.finditer(text, 0, start.start()):
        key = m.group(1).lower()
        if key in ("title", "author"):
            meta.setdefault(key, m.group(2))
    passages = [Stripped(0, start.end(), text[:start.end()], "licence")]
    if end is not None:
        tail = text.rstrip()
        passages.append(Stripped(end.start(), len(tail), tail[end.start():], "licence"))
    return meta, passages
