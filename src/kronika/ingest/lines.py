"""Text -> lines with exact offsets, and the cheap line features the boilerplate and metadata rules share."""
from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Line:
    """One line of a text: ``text[start:end]`` is the line without its surrounding whitespace."""

    index: int
    start: int
    end: int
    s: str          # the stripped line
    low: str        # lower-cased, inner whitespace collapsed
    words: int      # whitespace-separated words
    sentence: bool  # ends like a sentence (. ! ? …)

    @property
    def blank(self) -> bool:
        return not self.s

    @property
    def body(self) -> bool:
        """A line of running prose: long enough and shaped like sentences."""
        return self.words >= 20 or (self.words >= 8 and self.sentence)


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (blank ones included) with exact character offsets."""
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.splitlines(keepends=True)):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        s = content.strip()
        lead = len(content) - len(content.lstrip())
        start = pos + lead
        out.append(Line(i, start, start + len(s), s, " ".join(s.lower().split()),
                        len(s.split()),
                        bool(_SENTENCE_END.search(s[-12:]))))
        pos += len(raw)
    return out


def body_range(lines: list[Line]) -> tuple[int, int]:
    """(index of the first body line, index of the last body line); (len, -1) when there is none."""
    first, last = len(lines), -1
    for ln in lines:
        if ln.body:
            first = min(first, ln.index)
            last = ln.index
    return first, last
