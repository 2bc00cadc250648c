"""Text + timexes -> calendar dates (span, surface text, ISO value at the text's precision) for facts.

Timex values from extract/time are preferred; a small reader of our own covers
"13 March 1963", "March 13, 1963", "March 1963", "1963" and "c. 1820" when the
timex stage gives nothing for a span (it may be empty while it is developed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...records import EventDate, Timex

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_APPROX = r"(?:(?P<approx>c\.|ca\.|circa|about|around|approximately|c)\s*)?"
_DMY = re.compile(_APPROX + r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>" + _MON + r")\s*,?\s+(?P<y>\d{3,4})\b")
_MDY = re.compile(_APPROX + r"\b(?P<m>" + _MON + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{3,4})\b")
_MY = re.compile(_APPROX + r"\b(?P<m>" + _MON + r")\s*,?\s+(?P<y>\d{3,4})\b")
_Y = re.compile(_APPROX + r"(?<![\d.,/-])\b(?P<y>1\d{3}|20\d{2}|[1-9]\d{2})\b(?![\d/]|\s*(?:BC|BCE|AD)?\s*[-–]\s*\d{2}\b(?!\d))(?!\s*(?:%|per|km|kg|m\b|people|years|metres|meters|miles))")


@dataclass(frozen=True)
class DateSpan:
    """A date read from the text: offsets, surface text, ISO value ('1947', '1947-11', '1947-11-17')."""

    start: int
    end: int
    text: str
    iso: str
    approx: bool = False
    earliest: str | None = None
    latest: str | None = None

    def event_date(self) -> EventDate:
        return EventDate(self.earliest or self.iso, self.latest or self.iso, self.text, False)


def _iso(y: str, m: str | None = None, d: str | None = None) -> str | None:
    year = int(y)
    if not 100 <= year <= 2100:
        return None
    if m is None:
        return f"{year:04d}"
    mon = MONTHS.get(m.lower().rstrip("."))
    if mon is None:
        return None
    if d is None:
        return f"{year:04d}-{mon:02d}"
    day = int(d)
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{mon:02d}-{day:02d}"


def read_dates(text: str) -> list[DateSpan]:
    """Every date our own reader finds in ``text``, longest forms first, non-overlapping, in text order."""
    taken: list[tuple[int, int]] = []
    out: list[DateSpan] = []
    for rx in (_DMY, _MDY, _MY, _Y):
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            g = m.groupdict()
            iso = _iso(g["y"], g.get("m"), g.get("d"))
            if iso is None:
                continue
            if rx is _Y and len(g["y"]) == 3 and not g.get("approx"):
                continue  # a bare three-digit number is rarely a year
            taken.append((s, e))
            out.append(DateSpan(s, e, text[s:e], iso, bool(g.get("approx"))))
    return sorted(out, key=lambda d: d.start)


_ISO_RX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_APPROX_RX = re.compile(r"(?:\bc\.|\bca\.|\bcirca\b|\babout\b|\baround\b)\s*\d", re.I)


def dates_in(text: str, timexes: list[Timex]) -> list[DateSpan]:
    """Timex DATE values where they are calendar dates, plus our own reader's dates that no timex covers."""
    out: list[DateSpan] = []
    for t in timexes:
        if t.type != "DATE" or not _ISO_RX.match(t.value or "") or t.inferred:
            continue  # a fact states its date; inferred (anchored) values are not statements
        approx = t.mod == "APPROX" or bool(_APPROX_RX.search(text[max(0, t.start - 8):t.start + 8]))
        out.append(DateSpan(t.start, t.end, text[t.start:t.end], t.value, approx, t.earliest, t.latest))
    for d in read_dates(text):
        if not any(d.start < o.end and o.start < d.end for o in out):
            out.append(d)
    return sorted(out, key=lambda d: d.start)
