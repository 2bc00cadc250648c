"""Date strings from bylines, datelines and metadata ("28 September, 2011 - 12:24") -> ISO 8601."""
from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_TIME = r"(?:(?:at|@|[-–—,|])?\s*(?P<h>[0-2]?\d)[:.h](?P<mi>[0-5]\d)(?:\s*(?P<ap>[ap]\.?m\.?))?)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)?"

#: A date anywhere in a short string; named groups pick the form that matched.
DATE = re.compile(
    _WEEKDAY + r"(?:"
    rf"(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})"          # 28 September, 2011
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})"                    # March 3, 2015
    rf"|(?P<y3>{_YEAR})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)"                          # 2011-09-28
    rf"|(?P<d4>[0-3]?\d)[/.](?P<m4>[01]?\d)[/.](?P<y4>{_YEAR})"                   # 28/09/2011 (day first)
    rf"|(?P<m5>{_MONTH})\s+(?P<y5>{_YEAR})"                                       # March 2015
    r")"
    rf"(?:\s*{_TIME})?",
    re.IGNORECASE,
)


def _month(word: str) -> int:
    return MONTHS.get(word.lower().rstrip(".")[:3], 0)


def _iso_from(m: re.Match) -> str | None:
    g = m.groupdict()
    if g["y1"]:
        y, mo, d = int(g["y1"]), _month(g["m1"]), int(re.sub(r"\D", "", g["d1"]))
    elif g["y2"]:
        y, mo, d = int(g["y2"]), _month(g["m2"]), int(re.sub(r"\D", "", g["d2"]))
    elif g["y3"]:
        y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
    elif g["y4"]:
        y, mo, d = int(g["y4"]), int(g["m4"]), int(g["d4"])
    elif g["y5"]:
        mo = _month(g["m5"])
        return f"{int(g['y5']):04d}-{mo:02d}" if mo else None
    else:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    iso = f"{y:04d}-{mo:02d}-{d:02d}"
    if g.get("h") is not None:
        h, mi = int(g["h"]), int(g["mi"])
        ap = (g.get("ap") or "").replace(".", "").lower()
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        if h < 24:
            iso += f"T{h:02d}:{mi:02d}"
    return iso


def find_date(text: str) -> tuple[str, int, int] | None:
    """(ISO date or date-time, start, end) of the first date in ``text``, or None."""
    for m in DATE.finditer(text):
        iso = _iso_from(m)
        if iso:
            return iso, m.start(), m.end()
    return None


def parse_date(text: str | None) -> str | None:
    """ISO form of the first date in ``text`` ("2011-09-28T12:24", "2015-03-03", "2015-03"), or None."""
    if not text:
        return None
    found = find_date(text)
    return found[0] if found else None


def normalise_iso(value: str | None) -> str | None:
    """Metadata dates ("2020-08-17T09:30:00+00:00", "2020-08-17") -> "2020-08-17T09:30" / "2020-08-17"."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?", value)
    if not m:
        return parse_date(value)
    y, mo, d, h, mi = m.groups()
    out = y + (f"-{mo}" if mo else "") + (f"-{d}" if d else "")
    if h and (h, mi) != ("00", "00"):
        out += f"T{h}:{mi}"
    return out
