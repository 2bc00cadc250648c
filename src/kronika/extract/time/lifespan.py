"""A biography's opening text in, the subject's birth and death dates out (the parenthesis after the lead name).

Reads "(14 November 1840 – 5 December 1926)", "(1802–1871)", "(born 1869)", "( – 21 August 1940)",
Old Style pairs ("27 April [O.S. 15 April] 1891" is 1891-04-27) and the forms a text dump garbles when it
drops the dash of a template: "(3 May 18501 June 1920)", "(June 26, 1819January 26, 1893)". Never raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicons import words
from .lexicon import MONTHS
from .values import iso, last_day

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_TEMPLATE = re.compile(r"\{\{(?:[^{}]|\{\{[^{}]*\}\})*\}\}")
_REF = re.compile(r"\[(?:\d+|[a-z]|note \d+|n \d+)\]", re.I)
_OS = re.compile(r"[\[(]\s*(?:O\.\s?S\.|N\.\s?S\.|Old Style|New Style|Julian)[^\])]*[\])]", re.I)
# a year glued to the day that follows it: "18501 June" -> "1850 – 1 June"; "1819January" -> "1819 – January"
_GLUED_DAY = re.compile(r"\b(1\d{3}|20\d{2})(\d{1,2})(?=\s+" + _MON + r")")
_GLUED_MON = re.compile(r"\b(1\d{3}|20\d{2})(?=" + _MON + r")")
# "7 November 1728[1]14 February 1779" once the reference mark is gone: two dates with nothing between them
_SPACED_DATES = re.compile(r"\b(1\d{3}|20\d{2})\s+(?=(?:[0-3]?\d\s+)?" + _MON + r"\s)")
_GLUED_YEARS = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(1\d{3}|20\d{2})(?!\d)")
_DASH = re.compile(r"\s*(?:–|—|−|‒|\s-\s|(?<=\d)-(?=\s*\d)|\bto\b)\s*")
_APPROX = r"(?P<ca>c\.|ca\.|circa|about|around|fl\.)?\s*"
_DMY = re.compile(r"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m>" + _MON + r")\s*,?\s+(?P<y>\d{3,4})\b")
_MDY = re.compile(r"(?P<m>" + _MON + r")\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)\s*,?\s*(?P<y>\d{3,4})\b")
_MY = re.compile(r"(?P<m>" + _MON + r")\s*,?\s+(?P<y>\d{3,4})\b")
_Y = re.compile(r"(?<![\d/])(?P<y>\d{3,4})(?:\s*(?:/|or)\s*(?P<y2>\d{1,4}))?(?![\d])")
_BORN = re.compile(r"\b(?:born|b\.|baptised|baptized|christened)\s", re.I)
_DIED = re.compile(r"\b(?:died|d\.|buried)\s", re.I)


@dataclass(frozen=True)
class LifeDate:
    """One end of a life: inclusive ISO bounds and the text it was read from."""

    earliest: str
    latest: str
    text: str
    start: int = 0
    end: int = 0


def _clean(s: str) -> str:
    s = _TEMPLATE.sub(" ", s)
    s = _REF.sub(" ", s)
    s = _OS.sub(" ", s)
    s = _GLUED_DAY.sub(r"\1 – \2", s)
    s = _SPACED_DATES.sub(r"\1 – ", s)
    s = _GLUED_MON.sub(r"\1 – ", s)
    return _GLUED_YEARS.sub(lambda m: f"{m.group(1)} – {m.group(2)}"
                            if int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 110 else m.group(0), s)


def read_date(s: str) -> tuple[str, str] | None:
    """The last calendar date of a short text ("Paris, 14 November 1840", "c. 1820", "1368 or 1369") as bounds."""
    best = None
    for rx in (_DMY, _MDY):
        for m in rx.finditer(s):
            mo, d, y = MONTHS.get(m.group("m").lower().rstrip(".")), int(m.group("d")), int(m.group("y"))
            if mo and 100 <= y <= 2100 and 1 <= d <= last_day(y, mo):
                if best is None or m.start() > best[0]:
                    best = (m.start(), iso(y, mo, d), iso(y, mo, d))
    if best:
        return best[1], best[2]
    for m in _MY.finditer(s):
        mo, y = MONTHS.get(m.group("m").lower().rstrip(".")), int(m.group("y"))
        if mo and 100 <= y <= 2100:
            best = (iso(y, mo), iso(y, mo))
    if best:
        return best
    for m in _Y.finditer(s):
        y = int(m.group("y"))
        if not 100 <= y <= 2100:
            continue
        lo, hi = y, y
        if m.group("y2"):
            y2 = m.group("y2")
            y2v = int(str(y)[: 4 - len(y2)] + y2) if len(y2) < 4 else int(y2)
            if y < y2v <= y + 5:
                hi = y2v
        pre = s[max(0, m.start() - 7): m.start()].lower()
        if re.search(r"(?:c\.|ca\.|circa|about|around)\s*$", pre):
            lo, hi = lo - 2, hi + 2
        best = (iso(lo), iso(hi))
    return best


def _paren(text: str, start: int, limit: int = 700) -> int | None:
    depth = 0
    for j in range(start, min(len(text), start + limit)):
        ch = text[j]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
        elif ch == "\n" and j > start and text[j - 1] == "\n":
            return None
    return None


def lead_life_dates(text: str, window: int = 600) -> tuple[LifeDate | None, LifeDate | None]:
    """Birth and death of the subject from the first parenthesis of the opening sentence that holds a year."""
    if not isinstance(text, str) or not text:
        return None, None
    head = text[:window]
    i = 0
    while True:
        i = head.find("(", i)
        if i < 0:
            return None, None
        j = _paren(text, i)
        if j is None:
            return None, None
        before = _REF.sub("", text[max(0, i - 12):i]).strip()
        inner = text[i + 1:j]
        cut = max(text.rfind("\n", 0, i) + 1, text.rfind("]]", 0, i) + 2 if "]]" in text[:i] else 0)
        line = text[cut:i]
        if before and (before[-1].isalpha() or before[-1] in "_'\"’”.,)") and re.search(r"\d{3,4}", _clean(inner)) \
                and _only_a_name(line):
            got = _split_life(inner, i + 1)
            if got != (None, None):
                return got
        i = j + 1
        # the opening sentence only: stop at its end
        if re.search(r"[.!?]\s", text[:i][-3:]) or "\n" in text[:i]:
            return None, None


#: Lower-case words a name and its titles may hold ("de", "von", "ibn", "née", "also known as").
_PARTICLES = words("time", "name_particles")


def _only_a_name(s: str) -> bool:
    """Is the text before the parenthesis the subject's name and titles ("ADA KOWAL, BARONESS OF NOWHERE,"),
    not a sentence about someone else ("Ada Brill married Tomas Veld")?"""
    s = re.sub(r"\([^()]*\)|\[[^\[\]]*\]|_[^_]*_", " ", s)
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in re.findall(r"(?<![\w])[^\W\d_][\w'’.-]*", s))


def _split_life(inner: str, offset: int) -> tuple[LifeDate | None, LifeDate | None]:
    s = _clean(inner)
    # keep the part after the last semicolon that holds a year (names and spellings come first)
    parts = [p for p in s.split(";") if re.search(r"\d{3,4}", p)]
    if not parts:
        return None, None
    s = parts[-1] if len(parts) == 1 or not _DASH.search(parts[-1]) else parts[-1]
    if len(parts) > 1 and not _DASH.search(s) and not _BORN.search(s) and not _DIED.search(s):
        s = " – ".join(parts[-2:])
    dash = None
    for m in _DASH.finditer(s):
        if m.group().strip() == "to" and not re.search(r"\d", s[:m.start()]):
            continue
        dash = m
        break
    text_at = offset
    if dash is None:
        if _DIED.search(s) and not _BORN.search(s):
            d = read_date(s)
            return None, (LifeDate(d[0], d[1], s.strip(), text_at, text_at + len(inner)) if d else None)
        if _BORN.search(s):
            d = read_date(s[_BORN.search(s).end():])
            return (LifeDate(d[0], d[1], s.strip(), text_at, text_at + len(inner)) if d else None), None
        return None, None
    left, right = s[:dash.start()], s[dash.end():]
    b = read_date(left) if re.search(r"\d{3,4}", left) else None
    d = read_date(right) if re.search(r"\d", right) else None
    if re.fullmatch(r"\s*\d{2}\s*", right) and b:       # "1936-39"
        y = int(b[0][:4])
        d2 = int(str(y)[:2] + right.strip().zfill(2))
        d = (iso(d2), iso(d2)) if d2 > y else None
    if b and d and d[1] < b[0]:
        return None, None
    birth = LifeDate(b[0], b[1], left.strip(), text_at, text_at + len(inner)) if b else None
    death = LifeDate(d[0], d[1], right.strip(), text_at, text_at + len(inner)) if d else None
    if birth and death and int(death.latest[:4]) - int(birth.earliest[:4]) > 125:
        return None, None
    return birth, death
