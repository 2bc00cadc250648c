"""TIMEX3 values in, calendar arithmetic and inclusive ISO bounds (earliest, latest) out."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # WI runs into next year
QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
HALF_MONTHS = {1: (1, 6), 2: (7, 12)}

_FULL = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<t>[0-9:A-Z.+-]*))?)?"
    r"|W(?P<w>\d{2})(?:-(?P<wd>\d|WE))?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?$"
)
_DECADE = re.compile(r"^(?P<c>\d{3})X?$")
_CENTURY = re.compile(r"^(?P<c>\d{2})(?:XX)?$")


@dataclass(frozen=True)
class Day:
    """A (possibly partial) calendar point: year, month, day; None where unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    def as_date(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)


def clamp_year(y: int) -> int:
    return max(1, min(9999, y))


def iso(y: int, m: int | None = None, d: int | None = None) -> str:
    """ISO value at the given precision ("1917", "1917-11", "1917-11-07")."""
    y = clamp_year(y)
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(clamp_year(y), m)[1]


def valid_date(y: int, m: int, d: int) -> bool:
    return 1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= last_day(y, m)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def add_days(dt: date, n: int) -> date:
    try:
        return dt + timedelta(days=n)
    except OverflowError:
        return dt


def week_value(dt: date) -> str:
    y, w, _ = dt.isocalendar()
    return f"{y:04d}-W{w:02d}"


def parse_iso_date(text: str | None) -> date | None:
    """First ISO date in a DCT-like string ("2011-09-28T12:24", "1998-01-08"), or None."""
    if not text:
        return None
    m = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", text)
    if not m:
        m2 = re.match(r"\s*(\d{4})(?:-(\d{2}))?", text)
        if not m2:
            return None
        y, mo = int(m2.group(1)), int(m2.group(2) or 1)
        return date(clamp_year(y), mo if 1 <= mo <= 12 else 1, 1)
    y, mo, d = (int(g) for g in m.groups())
    if not valid_date(y, mo, d):
        return None
    return date(y, mo, d)


def julian_to_gregorian(y: int, m: int, d: int) -> tuple[int, int, int]:
    """Convert an Old Style (Julian) date to New Style (Gregorian)."""
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    jdn = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083
    g = date.fromordinal(jdn - 1721425)
    return g.year, g.month, g.day


def _span(y: int, m1: int, m2: int) -> tuple[str, str]:
    y2, m2n = (y + 1, m2 - 12) if m2 > 12 else (y, m2)
    return iso(y, m1), iso(y2, m2n)


def _plain_bounds(value: str) -> tuple[str | None, str | None] | None:
    """Bounds of an unmodified value, or None if it is not a (fully specified) date."""
    m = _FULL.match(value)
    if m:
        y = int(m.group("y"))
        if m.group("d"):
            s = iso(y, int(m.group("m")), int(m.group("d")))
            return s, s
        if m.group("m"):
            s = iso(y, int(m.group("m")))
            return s, s
        if m.group("w"):
            try:
                first = date.fromisocalendar(y, int(m.group("w")), 1)
            except ValueError:
                return iso(y), iso(y)
            wd = m.group("wd")
            if wd == "WE":
                return (add_days(first, 5).isoformat(), add_days(first, 6).isoformat())
            if wd:
                one = add_days(first, int(wd) - 1).isoformat()
                return one, one
            return first.isoformat(), add_days(first, 6).isoformat()
        if m.group("q"):
            a, b = QUARTER_MONTHS[int(m.group("q"))]
            return iso(y, a), iso(y, b)
        if m.group("h"):
            a, b = HALF_MONTHS[int(m.group("h"))]
            return iso(y, a), iso(y, b)
        if m.group("s"):
            a, b = SEASON_MONTHS[m.group("s")]
            return _span(y, a, b)
        return iso(y), iso(y)
    m = _DECADE.match(value)
    if m:
        c = int(m.group("c"))
        return iso(c * 10), iso(c * 10 + 9)
    m = _CENTURY.match(value)
    if m:
        c = int(m.group("c"))
        return iso(c * 100), iso(c * 100 + 99)
    return None


def _month_index(s: str) -> int:
    p = s.split("-")
    return int(p[0]) * 12 + (int(p[1]) - 1 if len(p) > 1 else 0)


def _cut(a: int, b: int, part: str) -> tuple[int, int]:
    """START/MID/END part of the integer range a..b (inclusive)."""
    n = b - a + 1
    if n < 3:
        return a, b
    if n >= 10:
        k = round(n * 0.3)
        return {"START": (a, a + k), "MID": (a + k, b - k + 1), "END": (b - k + 1, b)}[part]
    k = max(1, n // 3)
    return {"START": (a, a + k - 1), "MID": (a + k, b - k), "END": (b - k + 1, b)}[part]


def _part(lo: str, hi: str, part: str) -> tuple[str, str]:
    """START/MID/END part of an interval: years for long spans, months or days otherwise."""
    if len(lo) == 4 and len(hi) == 4 and int(hi) > int(lo):
        a, b = _cut(int(lo), int(hi), part)
        return iso(a), iso(b)
    if len(lo) == 4:
        lo, hi = lo + "-01", hi + "-12"
    if len(lo) == 7 and lo == hi:
        y, m = int(lo[:4]), int(lo[5:7])
        a, b = {"START": (1, 10), "MID": (11, 20), "END": (21, last_day(y, m))}[part]
        return iso(y, m, a), iso(y, m, b)
    if len(lo) == 10 or len(hi) == 10:
        return lo, hi
    a, b = _cut(_month_index(lo), _month_index(hi), part)
    return iso(a // 12, a % 12 + 1), iso(b // 12, b % 12 + 1)


def bounds(value: str, mod: str | None = None) -> tuple[str | None, str | None]:
    """Inclusive ISO bounds (earliest, latest) of a TIMEX3 DATE value under a TIMEX3 mod.

    ``("193", "MID") -> ("1933", "1937")``, ``("19", None) -> ("1900", "1999")``,
    ``("1917-SU", None) -> ("1917-06", "1917-08")``; BEFORE/AFTER give an open side;
    durations, references (PAST_REF) and underspecified values give (None, None).
    """
    if not isinstance(value, str) or not value:
        return None, None
    core = value.split("T")[0] if "T" in value and _FULL.match(value) else value
    try:
        b = _plain_bounds(core)
    except (ValueError, OverflowError):
        return None, None
    if b is None:
        if value == "PAST_REF":
            return None, None
        return None, None
    lo, hi = b
    if mod in ("START", "MID", "END"):
        return _part(lo, hi, mod)
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return None, hi if mod == "ON_OR_BEFORE" else lo
    if mod in ("AFTER", "ON_OR_AFTER"):
        return (lo if mod == "ON_OR_AFTER" else hi), None
    if mod == "APPROX" and len(lo) == 4 and len(hi) == 4:
        span = int(hi) - int(lo) + 1
        pad = 1 if span <= 10 else 5
        return iso(int(lo) - pad), iso(int(hi) + pad)
    return lo, hi
