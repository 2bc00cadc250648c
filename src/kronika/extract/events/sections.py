"""A document's text in, the parts that are not the life out: sections by their headings, and the life's span.

A biography goes on after the life: works lists, legacy, portrayals in film and fiction, things named after the
person, references. Those sections are recognised from their headings (a short line without sentence
punctuation between blank lines, or a Markdown/wiki heading); a sub-heading the tables do not know keeps the
state of the section it sits in, so "Legacy" -> "Buildings" -> "Streets" stays outside the life until a heading
of the life ("Later years", "Death", "1917-1920") comes back.
"""
from __future__ import annotations

import re

from ...lexicons import words
from ..time.lifespan import lead_life_dates

#: Words of headings of sections that are not the life (matched on lower-case words of the heading).
NON_LIFE_HEADINGS = words("events", "non_life_headings")
#: Words of headings of sections that are not the life when their body is a list ("Works", "Honours"): a
#: "Works" section told in paragraphs is the working life.
LIST_HEADINGS = words("events", "list_section_headings")
#: Phrases of such headings ("in popular culture", "named after").
NON_LIFE_PHRASES = words("events", "non_life_heading_phrases")
#: Words of headings of the life itself: they end a non-life zone.
LIFE_HEADINGS = words("events", "life_headings")

_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|=+[ \t]*)?([^\n]{1,80}?)[ \t]*=*[ \t]*$", re.M)
_WORD = re.compile(r"[a-z]+")
_YEAR = re.compile(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b")


def _is_heading(text: str, start: int, end: int, line: str) -> bool:
    s = line.strip().strip("#=").strip()
    if not s or len(s) > 80 or len(s.split()) > 10 or s[-1] in ".!?,;:" or not (s[0].isupper() or s[0].isdigit()):
        return False
    if s.startswith(("-", "*", "•", "|")) or s.count("(") != s.count(")"):
        return False
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return (start == 0 or before.endswith("\n\n") or line.lstrip().startswith(("#", "="))) and (
        after.startswith("\n\n") or after == "\n" or end >= len(text) - 1 or line.lstrip().startswith(("#", "=")))


def heading_kind(heading: str) -> str | None:
    """'other' for a heading of a section that is not the life, 'list' for one that is not the life when its body
    is a list, 'life' for one of the life, else None."""
    low = heading.lower()
    ws = set(_WORD.findall(low))
    if any(p in low for p in NON_LIFE_PHRASES):
        return "other"                 # "Items named in honour of his life and work"
    if ws & LIFE_HEADINGS or _YEAR.search(low):
        return "life"                  # "Death and legacy" is the life
    if ws & NON_LIFE_HEADINGS:
        return "other"
    if ws & LIST_HEADINGS:
        return "list"
    return None


def _list_like(body: str) -> bool:
    """Most of the section's lines are list items or short title-like lines, not paragraphs."""
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    if not lines:
        return True
    short = sum(1 for ln in lines if ln.startswith(("-", "*", "•")) or len(ln.split()) <= 14)
    return short >= 0.6 * len(lines)


def non_life_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` under headings of sections that are not the life."""
    heads = [(m.start(), m.end(), heading_kind(m.group(1))) for m in _HEADING.finditer(text)
             if _is_heading(text, m.start(), m.end(), m.group(0))]
    out: list[tuple[int, int]] = []
    zone_start: int | None = None
    for i, (start, end, kind) in enumerate(heads):
        if kind == "list":
            nxt = heads[i + 1][0] if i + 1 < len(heads) else len(text)
            kind = "other" if _list_like(text[end:nxt]) else None
        if kind == "other" and zone_start is None:
            zone_start = start
        elif kind == "life" and zone_start is not None:
            out.append((zone_start, start))
            zone_start = None
    if zone_start is not None:
        out.append((zone_start, len(text)))
    return out


def life_span(text: str) -> tuple[int | None, int | None]:
    """(birth year, death year) from a biography's opening parenthesis, as the time stage reads it
    (``time.lifespan.lead_life_dates``: garbled dashes, "(born 1869)", Old/New Style); None where it states none."""
    birth, death = lead_life_dates(text)
    return (_year(birth.earliest) if birth else None), (_year(death.latest) if death else None)


def _year(iso: str) -> int | None:
    m = re.match(r"-?\d+", iso or "")
    return int(m.group(0)) if m else None


def in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)
