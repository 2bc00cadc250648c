"""Words in, numbers out: the vocabulary of English time expressions (months, units, number words) as regex fragments."""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Full names (any case handled by the rules' guards) and abbreviations with a dot.
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_RE = r"(?:spring|summer|autumn|fall|winter)"
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W2",
    "month": "M", "year": "Y", "decade": "DE", "century": "CE", "millennium": "ML", "quarter": "Q",
}
UNIT_RE = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|millenni(?:um|a)|quarters?)"

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
}
ORD_WORD_RE = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"
)
ORD_RE = r"(?:\d{1,2}(?:st|nd|rd|th)|" + ORD_WORD_RE + r")"
VAGUE = {"a few": "X", "few": "X", "several": "X", "many": "X", "some": "X", "a couple of": 2, "couple of": 2,
         "a number of": "X", "numerous": "X", "a dozen": 12, "dozens of": "X", "a handful of": "X"}

_WORD_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|a hundred|one hundred|hundred)"
)
# A count: digits (with halves), number words, "a"/"an", or vague quantities.
NUM_RE = (
    r"(?:\d+(?:\.\d+)?(?:\s+1/2)?|" + _WORD_NUM + r"(?:[- ]and[- ]a[- ]half)?"
    r"|a\s+couple\s+of|a\s+few|few|a\s+number\s+of|a\s+dozen|a\s+handful\s+of|several|many|some|a|an|one\s+and\s+a\s+half)"
)


def word_number(text: str) -> float | str | None:
    """'twenty-four' -> 24, '2 1/2' -> 2.5, 'a few' -> 'X', 'a' -> 1; None when not a count."""
    t = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    if not t:
        return None
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")].strip()
    if t.endswith(" 1/2"):
        half, t = 0.5, t[:-4].strip()
    if t in ("a", "an", "one"):
        return 1 + half
    if t in VAGUE:
        return VAGUE[t]
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    if t in ("a hundred", "one hundred", "hundred"):
        return 100 + half
    parts = t.split()
    total = 0
    for p in parts:
        if p in TENS:
            total += TENS[p]
        elif p in ONES:
            total += ONES[p]
        else:
            return None
    return total + half


def number_value(text: str) -> int | None:
    """Digits or number words -> int, for years and days ('nineteen' -> 19)."""
    v = word_number(text)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, int):
        return v
    return None


TEENS_RE = r"(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
TENS_ONES_RE = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven"
              r"|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
              r"|(?:oh|o)[- ](?:one|two|three|four|five|six|seven|eight|nine))")


SPOKEN = (r"(?:" + TEENS_RE + r")[- ](?:hundred(?:\s+and)?\s+)?(?:" + TENS_ONES_RE + r")")


def year_of(text: str) -> int | None:
    """'1917' -> 1917, 'nineteen ninety-four' -> 1994."""
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    m = re.match(r"(" + TEENS_RE + r")[- ](?:hundred(?:\s+and)?\s+)?(.+)$", t)
    if not m:
        return None
    hi, lo = number_value(m.group(1)), number_value(re.sub(r"^(?:oh|o)[- ]", "", m.group(2)))
    return None if hi is None or lo is None else hi * 100 + lo
