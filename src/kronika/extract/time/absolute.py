"""Regex matches in, Norm out: rules for calendar dates, years, decades, centuries, seasons, quarters, clock times."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .lexicon import (
    TENS_ONES_RE, TEENS_RE, MONTH_RE, SPOKEN, MONTHS, ORD_RE, ORD_WORD_RE, ORDINALS, SEASON_RE, SEASONS, number_value, year_of,
)
from .relative import weekday_date
from .rules import Ctx, Norm, Rule, rule
from .values import HALF_MONTHS, SEASON_MONTHS, Day, iso, julian_to_gregorian, valid_date

YEAR = r"(?:1[0-9]\d\d|20\d\d)"
YEAR_ANY = r"(?:" + YEAR + r"|" + SPOKEN + r")"
# Modifier prefixes: "early", "mid-", "the end of", "the first half of", "the turn of" ...
PFX = (
    r"(?P<pfx>(?:the\s+)?(?:very\s+)?(?:(?:early|late|later|earlier)\s+in|early|mid|middle|late|beginning\s+of|start\s+of|end\s+of|close\s+of"
    r"|middle\s+of|first\s+half\s+of|second\s+half\s+of|latter\s+half\s+of|latter\s+part\s+of|early\s+part\s+of"
    r"|later\s+part\s+of|last\s+part\s+of|dawn\s+of|turn\s+of|first\s+years\s+of|last\s+years\s+of|final\s+years\s+of)"
    r"(?:\s+the)?)"
)
PFX_OPT = r"(?:" + PFX + r"(?:\s+|-))?"
TIME = (
    r"(?:(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?(?:\s*(?P<ap>[ap]\.m\.?|[ap]m(?![a-z])))?"
    r"|(?P<hh2>1[0-2]|0?[1-9])(?::00)?\s*(?P<ap2>[ap]\.m\.?|[ap]m(?![a-z]))|(?P<noon>noon|midnight))"
    r"(?:\s*(?P<tz>UTC|GMT|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|MSK)\b)?"
)
OS_MARK = re.compile(r"^\s*(?:\(\s*)?(?:O\.\s?S\.|Old\s+Style|old\s+style|OS\b)", re.I)
OS_SENT = re.compile(r"\b(?:Old\s+Style|O\.S\.|Julian\s+calendar)", re.I)


def pfx_mod(p: str | None) -> tuple[str | None, str | None]:
    """Prefix text -> (mod, special part) where special is H1/H2/TURN for halves and turns."""
    if not p:
        return None, None
    p = re.sub(r"\s+", " ", p.lower()).replace("the ", "").replace("very ", "").strip()
    if p.startswith("first half") or p.startswith("early part"):
        return "START", "H1"
    if p.startswith(("second half", "latter half", "latter part", "later part", "last part")):
        return "END", "H2"
    if p.startswith("turn"):
        return "APPROX", "TURN"
    if p.startswith(("early", "beginning", "start", "dawn", "first years")):
        return "START", None
    if p.startswith(("mid", "middle")):
        return "MID", None
    return "END", None


def _apply_pfx(value: str, lo_hi: tuple[str, str] | None, pfx: str | None, n: Norm) -> Norm:
    mod, special = pfx_mod(pfx)
    if mod is None:
        return n
    if special in ("H1", "H2") and lo_hi:
        lo, hi = lo_hi
        if len(lo) == 4 and len(hi) == 4 and hi != lo:
            a, b = int(lo), int(hi)
            mid = (a + b) // 2
            lo, hi = (lo, iso(mid)) if special == "H1" else (iso(mid + 1), hi)
            return Norm(n.type, value, mod, n.sets_ref, lo, hi, explicit_bounds=True)
        if len(value) == 4:
            a, b = HALF_MONTHS[1 if special == "H1" else 2]
            return Norm(n.type, f"{value}-H{special[1]}", None, n.sets_ref)
    if special == "TURN" and len(value) == 2:
        y = (int(value) + 1) * 100 if n.lo == "next" else int(value) * 100
        return Norm(n.type, iso(y), "APPROX", n.sets_ref, iso(y - 5), iso(y + 5), explicit_bounds=True)
    return Norm(n.type, value, mod, n.sets_ref)


def _month(tok: str) -> int | None:
    t = tok.lower().rstrip(".")
    return MONTHS.get(t)


def _month_ok(tok: str) -> bool:
    """Month names must be capitalised (or all caps); 'may' and 'march' need care."""
    return tok[:1].isupper()


def _day(tok: str | None) -> int | None:
    if not tok:
        return None
    t = tok.lower()
    if t in ORDINALS:
        return ORDINALS[t]
    m = re.match(r"\d+", t)
    return int(m.group()) if m else None


def _old_style(m: re.Match, ctx: Ctx, y: int, mo: int, d: int) -> tuple[int, int, int]:
    after = ctx.text[m.end(): m.end() + 20]
    if (OS_MARK.match(after) or OS_SENT.search(ctx.window(m.start(), m.end()))) and y < 1918 or (
            OS_MARK.match(after) and y == 1918 and mo <= 2):
        return julian_to_gregorian(y, mo, d)
    return y, mo, d


def _time_part(m: re.Match) -> str | None:
    g = m.groupdict()
    if g.get("noon"):
        return "12:00" if g["noon"].lower() == "noon" else "24:00"
    if g.get("hh") is not None:
        h, mi = int(g["hh"]), int(g["mi"])
        ap = (g.get("ap") or "").lower()
    elif g.get("hh2") is not None:
        h, mi = int(g["hh2"]), 0
        ap = (g.get("ap2") or "").lower()
    else:
        return None
    if ap.startswith("p") and h < 12:
        h += 12
    if ap.startswith("a") and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def nearest_year(dct: date, month: int, future: bool = False) -> int:
    """Year of a month named without one in news: the next one when the sentence looks ahead, else
    up to 4 months ahead or 7 behind the DCT (as annotators read it)."""
    if future:
        return dct.year if month >= dct.month else dct.year + 1
    diff = month - dct.month
    if diff > 4:
        return dct.year - 1
    if diff < -7:
        return dct.year + 1
    return dct.year


def full_date(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    if not _month_ok(g["mon"]):
        return None
    mo = _month(g["mon"])
    d, y = _day(g["d"]), int(g["y"])
    if not mo or not d or not valid_date(y, mo, d):
        return None
    y, mo, d = _old_style(m, ctx, y, mo, d)
    t = _time_part(m) if g.get("tpart") else None
    if t:  # a time stamp (a post's byline) dates the page, not the story: it does not move the narrative's time
        return Norm("TIME", f"{iso(y, mo, d)}T{t}", None, None, iso(y, mo, d), iso(y, mo, d), explicit_bounds=True)
    return Norm("DATE", iso(y, mo, d), None, Day(y, mo, d))


def month_day(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    if not _month_ok(g["mon"]):
        return None
    mo, d = _month(g["mon"]), _day(g["d"])
    if not mo or not d or d > 31:
        return None
    ref = ctx.anaphoric()
    story = ctx.story_year(m.start())
    if story:
        y = story
    elif ctx.dct:
        y = nearest_year(ctx.dct, mo, ctx.future(m.start(), m.end()))
    elif ref:
        y = ref.year
    else:
        return Norm("DATE", f"XXXX-{mo:02d}-{d:02d}")
    if not valid_date(y, mo, d):
        return None
    y, mo, d = _old_style(m, ctx, y, mo, d)
    return Norm("DATE", iso(y, mo, d))


def month_year(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    if not _month_ok(g["mon"]):
        return None
    mo, y = _month(g["mon"]), year_of(g["y"])
    if y is None:
        return None
    n = Norm("DATE", iso(y, mo), None, Day(y, mo))
    return _apply_pfx(n.value, None, g.get("pfx"), n)


_MONTH_CONTEXT = re.compile(r"\b(?:in|of|by|until|till|since|from|during|through|throughout|before|after|early|late|mid"
                            r"|between|last|this|next|that|each|every|to|and|or|on)[\s-]*$", re.I)


_MONTH_RANGE_END = re.compile(r"\s*(?:through|to|until|till|and|-|–|—)\s*(?:the\s+(?:end|beginning|start)\s+of\s+)?(?P<mon2>"
                              + MONTH_RE + r")\s*,?\s+(?P<y2>1[0-9]\d\d|20\d\d)\b")


def month_bare(m: re.Match, ctx: Ctx) -> Norm | None:
    """'in October', 'by March' (May and March need a preposition; abbreviations always do)."""
    g = m.groupdict()
    tok = g["mon"]
    if not _month_ok(tok):
        return None
    before = ctx.text[max(0, m.start() - 12): m.start()]
    if g.get("pfx"):
        pass
    elif (tok.lower().rstrip(".") in ("may", "march") or len(tok) <= 4) and not _MONTH_CONTEXT.search(before):
        return None
    if len(tok) <= 4 and not tok.endswith(".") and tok.lower() not in ("may", "june", "july"):
        return None
    if tok.lower() == "may" and re.match(r"\s+(?:be|have|not|I|we|you|he|she|they|it)\b", ctx.text[m.end(): m.end() + 6]):
        return None
    if re.search(r"\bthe\s*$", before) or ctx.text[m.end(): m.end() + 1] in ("'", "’"):
        return None
    mo = _month(tok)
    if not mo:
        return None
    mod, _ = pfx_mod(g.get("pfx"))
    story = ctx.story_year(m.start())
    # "from March through July 1867", "between May and August 1940": the year the range ends with
    rng = _MONTH_RANGE_END.match(ctx.text, m.end())
    if rng and _month(rng.group("mon2")) and _month(rng.group("mon2")) >= mo:
        return Norm("DATE", iso(int(rng.group("y2")), mo), mod)
    if story:
        y = story
    elif ctx.dct:
        y = nearest_year(ctx.dct, mo, ctx.future(m.start(), m.end()))
    else:
        ref = ctx.anaphoric()
        if not ref:
            return Norm("DATE", f"XXXX-{mo:02d}", mod)
        y = ref.year
    return Norm("DATE", iso(y, mo), mod)


def iso_date(m: re.Match, ctx: Ctx) -> Norm | None:
    y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if not valid_date(y, mo, d):
        return None
    if m.group("t"):
        return Norm("TIME", f"{iso(y, mo, d)}T{m.group('t')}", None, Day(y, mo, d), iso(y, mo, d), iso(y, mo, d),
                    explicit_bounds=True)
    return Norm("DATE", iso(y, mo, d), None, Day(y, mo, d))


def numeric_date(m: re.Match, ctx: Ctx) -> Norm | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if y < 100:
        y += 1900 if y > 30 else 2000
    mo, d = (b, a) if a > 12 else (a, b)
    if not valid_date(y, mo, d):
        return None
    return Norm("DATE", iso(y, mo, d), None, Day(y, mo, d))


_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:page|pages|p\.|pp\.|no\.|number|nos\.|vol\.|volume|chapter|route|room|flight|model|version|code|about|some"
    r"|nearly|almost|over|than|only|of|the)\s*|[$£€#]\s*|\d[,.]?)$", re.I)
_YEAR_CONTEXT = re.compile(r"\b(?:in|of|since|by|from|until|till|to|during|before|after|around|circa|c\.|early|late|mid"
                           r"|the|and|or|between|fiscal|year|spring|summer|autumn|fall|winter|through|on|for|at)\s*$", re.I)
_NOUN_AFTER = re.compile(r"^\s+(?!(?:and|or|to|was|were|is|when|while|as|he|she|they|it|we|i|the|a|an|but|with|at|in|on"
                         r"|by|for|from|until|after|before|saw|brought|marked)\b)([a-z]+s)\b")
_UNIT_AFTER = re.compile(r"^\s*(?:%|percent|per\s*cent|(?:kilo|centi|milli|square\s+|cubic\s+)?(?:meters?|metres?|km|kg|miles?|feet|tons?|tonnes?|pounds?|dollars?|"
                         r"francs?|roubles?|rubles?|marks?|copies|men|women|people|troops|soldiers|workers|pages|members)\b|[,.]\d)", re.I)


#: "1522 Vyse Avenue", "1200 rue de Rivoli": a house number, not a year.
_STREET_AFTER = re.compile(r"^\s+(?:(?:rue|via|calle|avenida|avenue|boulevard|strasse|straße|ulica)\b|(?:(?:[NSEW]\.?|North|South|East"
                           r"|West)\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|Lane"
                           r"|Drive|Place|Square|Terrace|Parkway|Highway|Court|Way)\b)")
#: "Op. 1850", "BWV 1050", "catalogue number 1901", "No. 1812": a catalogue or serial number.
_CATALOGUE_BEFORE = re.compile(r"\b(?:op\.?|opus|bwv|hob\.?|kv?\.|cat\.|inv\.|nr\.|no\.|nos\.|catalogue\s+(?:number|no\.)"
                               r"|serial\s+(?:number|no\.)|house\s+number|apartment|suite|box|p\.|pp\.|page|pages|folio|fol\.)\s*$",
                               re.I)


def year(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    y = int(g["y"])
    before = ctx.text[max(0, m.start() - 12): m.start()]
    after = ctx.text[m.end(): m.end() + 40]
    if _UNIT_AFTER.match(after):
        return None
    if not g.get("pfx") and not g.get("fy") and not g.get("ca") and (
            (_STREET_AFTER.match(after) and not re.search(r"\b(?:in|since|until|till|by|during|from|of|after|before)\s*$",
                                                          before, re.I)) or _CATALOGUE_BEFORE.search(before)):
        return None
    if not g.get("pfx") and not g.get("fy") and not g.get("ca"):
        if _NOT_YEAR_BEFORE.search(before) and not _YEAR_CONTEXT.search(before):
            return None
        if _NOUN_AFTER.match(after) and not _YEAR_CONTEXT.search(before):
            return None
    if y < 1000 or y > 2100:
        return None
    if g.get("ca"):
        return Norm("DATE", iso(y), "APPROX", Day(y), iso(y - 2), iso(y + 2), explicit_bounds=True)
    n = Norm("DATE", iso(y), None, Day(y))
    return _apply_pfx(n.value, (iso(y), iso(y)), g.get("pfx"), n)


def year_range(m: re.Match, ctx: Ctx) -> Norm | None:
    """'1936-39' / '1936–1939': the first year here; a four-digit second year is its own match."""
    y1 = int(m.group("y"))
    rest = re.match(r"\s*[-–/]\s*\d+", ctx.text[m.end():])
    after = ctx.text[m.end() + (rest.end() if rest else 0):][:20]
    before = ctx.text[max(0, m.start() - 12): m.start()]
    if _UNIT_AFTER.match(after) or (_NOUN_AFTER.match(after) and not _YEAR_CONTEXT.search(before)):
        return None
    return Norm("DATE", iso(y1), None, Day(y1))


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def decade(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    if g.get("dec") and g["dec"].endswith("00"):   # "the 1800s": the century
        cent = int(g["dec"][:2])
        return _apply_pfx(f"{cent:02d}", (iso(cent * 100), iso(cent * 100 + 99)), g.get("pfx"), Norm("DATE", f"{cent:02d}"))
    if g.get("dec"):
        c = int(g["dec"][:3])
    else:
        digit = int(g["dec2"][0]) if g.get("dec2") else _DECADE_WORDS[g["decw"].lower()]
        if g.get("decw") and not (g.get("the") or g.get("pfx")):
            return None
        base = ctx.anaphoric()
        cent = (base.year // 100) if base else 19
        if base and digit * 10 > base.year % 100 + 10:
            cent -= 1
        c = cent * 10 + digit
    value = f"{c:03d}"
    n = Norm("DATE", value)
    return _apply_pfx(value, (iso(c * 10), iso(c * 10 + 9)), g.get("pfx"), n)


def century(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    n_ = _day(g["n"])
    if not n_ or n_ < 1 or n_ > 21:
        return None
    c = n_ - 1
    bc = bool(g.get("bc"))
    if bc:
        return Norm("DATE", f"BC{c:02d}")
    value = f"{c:02d}"
    pfx = g.get("pfx") or ""
    if re.search(r"turn", pfx, re.I):
        return Norm("DATE", iso(c * 100), "APPROX", None, iso(c * 100 - 5), iso(c * 100 + 5), explicit_bounds=True)
    n = Norm("DATE", value)
    return _apply_pfx(value, (iso(c * 100), iso(c * 100 + 99)), pfx, n)


def season(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    s = SEASONS[g["season"].lower()]
    rel = (g.get("rel") or "").lower()
    after = ctx.text[m.end(): m.end() + 25]
    if g["season"].lower() == "fall" and not g.get("y") and not rel:
        return None
    if g.get("det") and not g.get("y") and re.match(r"\s+of\s+(?!\d|that|the\s+(?:same|following|next|previous)\s+year)", after):
        return None
    mod, _ = pfx_mod(g.get("pfx"))
    if g.get("y"):
        y = year_of(g["y"]) or 0
        return Norm("DATE", f"{y:04d}-{s}", mod, Day(y, SEASON_MONTHS[s][0]))
    if rel in ("last", "this", "next", "past", "coming") and rel != "that":
        a = ctx.deictic()
        if not a:
            return Norm("DATE", f"XXXX-{s}", mod)
        y = a.year
        start = SEASON_MONTHS[s][0]
        if rel in ("last", "past"):
            y = y - 1 if start > a.month or (s == "WI") else y
            if start <= a.month and s != "WI" and a.month - start < 3:
                y -= 1
        elif rel in ("next", "coming"):
            y = y + 1 if start <= a.month else y
        return Norm("DATE", f"{y:04d}-{s}", mod)
    ref = ctx.anaphoric()
    if not ref:
        return Norm("DATE", f"XXXX-{s}", mod)
    y = ref.year
    if rel in ("following", "next", "the following", "the next"):
        if ref.month is None or SEASON_MONTHS[s][0] <= ref.month:
            y += 1
    elif rel in ("previous", "preceding"):
        y -= 1
    return Norm("DATE", f"{y:04d}-{s}", mod)


def quarter(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    q = _day(g.get("q")) or (int(g["qn"]) if g.get("qn") else None)
    if g.get("y") or g.get("y0"):
        y = int(g.get("y") or g["y0"])
    else:
        a = ctx.deictic() if ctx.dct else (ctx.anaphoric().as_date() if ctx.anaphoric() else None)
        if not a:
            return Norm("DATE", f"XXXX-Q{q}" if q and q > 0 else "XXXX-QX")
        y = a.year
        rel = (g.get("rel") or "").lower()
        if q is None or q < 0:
            q = (a.month - 1) // 3 + (0 if ctx.dct and "current" not in rel else 1)
            if q == 0:
                y, q = y - 1, 4
        elif ctx.dct and q > (a.month - 1) // 3 + 1 and not g.get("ny") and not ctx.future(m.start(), m.end()) \
                and "this year" not in m.group(0).lower():
            y -= 1
        if re.search(r"year-ago|year-earlier|last year's|previous", rel) or g.get("ly"):
            y -= 1
        if g.get("ny"):
            y += 1
    if not q or not 1 <= q <= 4:
        return None
    trim = 4 if re.match(r"the\s+\w+-quarter", m.group(0), re.I) else 0   # "third-quarter profit": the adjective only
    return Norm("DATE", f"{y:04d}-Q{q}", trim=(trim, 0))


def half(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    h = 1 if g["h"].lower() == "first" else 2
    if g.get("y"):
        y = int(g["y"])
    else:
        a = ctx.deictic()
        if not a:
            return Norm("DATE", f"XXXX-H{h}")
        y = a.year + (-1 if g.get("ly") else 1 if g.get("ny") else 0)
    return Norm("DATE", f"{y:04d}-H{h}")


def _title_case_mid_sentence(ctx: Ctx, start: int, word: str) -> bool:
    """A capitalised common time word inside a sentence ("Midnight in the Century") is a title, not a time."""
    if not word[:1].isupper() or word.isupper():
        return False
    before = ctx.text[max(0, start - 3): start].strip()
    return bool(before) and before[-1] not in ".!?:\"'“‘(\n"


def clock(m: re.Match, ctx: Ctx) -> Norm | None:
    t = _time_part(m)
    if not t:
        return None
    if m.group("noon") and _title_case_mid_sentence(ctx, m.start("noon"), m.group("noon")):
        return None
    g = m.groupdict()
    if g.get("wd"):
        dd = weekday_date(g["wd"], "", m, ctx)
        base = dd.isoformat() if isinstance(dd, date) else dd
    elif g.get("cmon") and _month(g["cmon"]):
        mo, d = _month(g["cmon"]), int(g["cday"])
        y = nearest_year(ctx.dct, mo) if ctx.dct else (ctx.ref.year if ctx.ref else None)
        if y is None or not valid_date(y, mo, d):
            base = f"XXXX-{mo:02d}-{d:02d}"
        else:
            base = iso(y, mo, d)
    elif g.get("cdw") and ctx.dct:
        base = (ctx.dct + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[g["cdw"].lower()])).isoformat()
    else:
        a = ctx.deictic() if ctx.dct else ctx.day_ref()
        base = a.isoformat() if a else "XXXX-XX-XX"
    tz = "Z" if g.get("tz") in ("UTC", "GMT") else ""
    return Norm("TIME", f"{base}T{t}{tz}", None, None, None if base.startswith("X") else base[:10],
                None if base.startswith("X") else base[:10], explicit_bounds=True)


WD_OPT = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
def spoken_year(m: re.Match, ctx: Ctx) -> Norm | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001, 'the year two thousand' -> 2000."""
    g = m.groupdict()
    if g.get("c"):
        hi = number_value(g["c"])
        lo = number_value(re.sub(r"^(?:oh|o)[- ]", "", g["r"])) if g.get("r") else 0
        if hi is None or lo is None:
            return None
        y = hi * 100 + lo
    else:
        lo = number_value(g.get("r2") or g.get("r3") or "zero")
        y = 2000 + (lo or 0)
    return Norm("DATE", iso(y), None, Day(y))


DAYN = r"(?P<d>[0-3]?\d(?:st|nd|rd|th)?|" + ORD_RE + r")"
MON = r"(?P<mon>" + MONTH_RE + r")"
TPART = r"(?P<tpart>(?:\s*(?:-|–|,|at)\s*|\s+)" + TIME + r")?"

RULES: list[Rule] = [
    rule("full_mdy", WD_OPT + MON + r"\s+" + DAYN + r"\s*,?\s+(?P<y>" + YEAR + r")" + TPART, full_date, 5, flags=0),
    rule("full_dmy", DAYN + r"(?:\s+of)?\s+" + MON + r"\s*,?\s+(?P<y>" + YEAR + r")" + TPART, full_date, 5, flags=0),
    rule("month_day", WD_OPT + MON + r"\s+" + r"(?P<d>[0-3]?\d(?:st|nd|rd|th)?)(?![\d,]*\s*\d{4})", month_day, 3, flags=0),
    rule("day_month", r"(?:the\s+)?(?P<d>[0-3]?\d(?:st|nd|rd|th)?|" + ORD_RE + r")(?:\s+of)?\s+" + MON, month_day, 3, flags=0),
    rule("month_year", PFX_OPT + MON + r"\s*,?\s+(?:of\s+)?(?P<y>" + YEAR_ANY + r")", month_year, 4),
    rule("month_bare", PFX_OPT + MON + r"(?!\s*\d)", month_bare, 1, flags=0),
    rule("iso_date", r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:T(?P<t>\d{2}:\d{2}(?::\d{2})?))?", iso_date, 5),
    rule("numeric_date", r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})", numeric_date, 4),
    rule("year", r"(?:(?P<fy>fiscal|calendar|the\s+year|model\s+year)\s+|(?P<ca>circa|c\.|ca\.)\s*)?" + PFX_OPT
         + r"(?P<y>" + YEAR + r")", year, 1),
    rule("spoken_year", r"(?:the\s+year\s+)?(?:(?P<c>" + TEENS_RE + r")[- ](?:hundred(?:\s+and)?\s+)?(?P<r>" + TENS_ONES_RE + r")"
         r"|(?<=year\s)two\s+thousand(?:[- ](?P<r3>" + TENS_ONES_RE + r"))?"
         r"|two\s+thousand(?:\s+and)?(?:[- ](?P<r2>" + TENS_ONES_RE + r"))?(?=\s*(?:[.,;]|$)|\s+(?:and|when|was|is|will|had)\b))",
         spoken_year, 1),
    rule("year_range", r"(?P<y>" + YEAR + r")(?=\s*[-–/]\s*(?:" + YEAR + r"|\d\d)(?!\d))", year_range, 2, tail=False),
    rule("decade", r"(?P<the>the\s+)?" + PFX_OPT + r"(?:(?P<dec>1[0-9]\d0|20\d0)[’']?s|[’'](?P<dec2>\d0)[’']?s"
         r"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))", decade, 3),
    rule("century", r"(?:the\s+)?" + PFX_OPT + r"(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|" + ORD_WORD_RE
         + r")[- ]centur(?:y|ies)(?P<bc>\s+B\.?C\.?)?", century, 3),
    rule("season", PFX_OPT + r"(?:(?P<rel>last|this|next|past|coming|that|the\s+following|the\s+next|the\s+previous"
         r"|the\s+preceding|following|previous)\s+|(?P<det>the\s+))?(?P<season>" + SEASON_RE + r")"
         r"(?:\s+(?:of\s+)?(?P<y>" + YEAR_ANY + r")(?:[-–/](?:\d\d|" + YEAR + r")(?!\d))?)?", season, 2),
    rule("quarter", r"(?:(?P<rel>(?:the\s+)?(?:(?:latest|current|previous|same|comparable|year-ago|year-earlier|fiscal|"
         r"calendar|this\s+year's|last\s+year's)\s+)*)(?:(?P<y0>" + YEAR + r")\s+)?)(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal\s+)?"
         r"quarter(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>" + YEAR + r")|(?P<ly>last\s+year)|(?P<ny>next\s+year)|this\s+year))?",
         quarter, 3),
    rule("quarter_q", r"Q(?P<qn>[1-4])(?:\s+(?P<y>" + YEAR + r"))?", quarter, 3, flags=0),
    rule("quarter_the", r"the\s+(?P<rel>(?:(?:latest|current|previous|same|comparable|corresponding|year-ago|year-earlier)\s+)*)"
         r"(?:quarter(?!\s+of\s+a)|(?<=latest\s)period|(?<=year-ago\s)period|(?<=year-earlier\s)period)",
         quarter, 3),
    rule("half", r"the\s+(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>" + YEAR + r")|(?P<ly>last\s+year)|(?P<ny>next\s+year)"
         r"|this\s+year|the\s+year)", half, 4),
    rule("half_adj", r"(?P<h>first|second)-half", half, 2),
    # "the final quarter of 2009", "the last half of 1989": the year's closing part (only with an explicit year:
    # "the last quarter" alone is the previous quarter)
    rule("last_part", r"the\s+(?:final|last|latter|closing)\s+(?P<part>quarter|half)\s+of\s+(?P<y>" + YEAR + r")",
         lambda m, c: Norm("DATE", f"{int(m.group('y')):04d}-{'Q4' if m.group('part').lower() == 'quarter' else 'H2'}"), 4),
    rule("clock", r"(?:(?:about|around|approximately)\s+)?" + TIME + r"(?:\s+(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|"
         r"Friday|Saturday|Sunday)|,?\s+(?P<cmon>" + MONTH_RE + r")\s+(?P<cday>[0-3]?\d)(?!\d|,?\s+\d{4})"
         r"|\s+(?P<cdw>today|yesterday|tomorrow))?", clock, 2),
]
