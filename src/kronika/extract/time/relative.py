"""Regex matches in, Norm out: rules for relative dates ("last year", "two years later", "the following spring"), weekdays, holidays."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .lexicon import MONTH_RE, MONTHS, NUM_RE, PARTS_OF_DAY, UNIT_RE, WEEKDAY_RE, WEEKDAYS
from .durations import QUAL, _num_unit, duration_value, qual_mod
from .rules import Ctx, Norm, Rule, rule
from .values import Day, add_days, add_months, iso, week_value

_NEAR_FUTURE = re.compile(r"\b(?:will|shall|'ll|going\s+to|scheduled|expected|planned|plans|planning|due|until|begins?|starting"
                          r"|might|(?:is|are)\s+to|as\s+(?:early|soon)\s+as)\b[^.;]*$",
                          re.I)


def weekday_date(wd: str, rel: str, m: re.Match, ctx: Ctx) -> date | str:
    target = WEEKDAYS[wd.lower()]
    a = ctx.dct or ctx.day_ref()
    if not a:
        return f"XXXX-WXX-{target}"
    rel = (rel or "").lower().split()[-1] if rel else ""
    cur = a.isoweekday()
    if rel in ("next", "coming", "following"):
        delta = (target - cur) % 7 or 7
        if rel == "next" and delta < 3 and ctx.dct:
            delta += 7 if False else 0
        return a + timedelta(days=delta)
    if rel in ("last", "past", "previous"):
        delta = (cur - target) % 7 or 7
        return a - timedelta(days=delta)
    if rel == "this":
        return a + timedelta(days=target - cur)
    if _NEAR_FUTURE.search(ctx.text[max(0, m.start() - 45): m.start()]):
        return a + timedelta(days=(target - cur) % 7)
    return a - timedelta(days=(cur - target) % 7)


def weekday(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    if not g["wd"][0].isupper():
        return None
    d = weekday_date(g["wd"], g.get("rel") or "", m, ctx)
    pod = g.get("pod")
    v = d.isoformat() if isinstance(d, date) else d
    mod = _pfx_mod(g.get("pfx"))
    if pod:
        # "Friday night": a part of a day; TimeBank annotators mostly typed these DATE
        return Norm("DATE", f"{v}T{PARTS_OF_DAY[pod.lower()]}", mod, None, v if isinstance(d, date) else None,
                    v if isinstance(d, date) else None, explicit_bounds=True)
    return Norm("DATE", v, mod)


_DAYWORD = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def day_word(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    w = g["w"].lower()
    if w in ("the day before yesterday",):
        off = -2
    elif w == "the day after tomorrow":
        off = 2
    elif w == "last night":
        off = -1
    elif w.startswith("this"):
        off = 0
    else:
        off = _DAYWORD[w.split()[0]]
    a = ctx.dct
    pod = g.get("pod") or ("night" if "night" in w else None)
    if pod is None and w.startswith("this "):
        pod = w.split()[1]
    if not a:
        if ctx.ref and ctx.ref.day and w not in ("today", "tonight", "now"):
            a = ctx.ref.as_date()
        else:
            if w == "today":
                return Norm("DATE", "PRESENT_REF")
            return Norm("DATE", "XXXX-XX-XX") if not pod else Norm("TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[pod.lower()]}")
    d = add_days(a, off).isoformat()
    mod = _pfx_mod(g.get("pfx"))
    if pod:
        return Norm("TIME", f"{d}T{PARTS_OF_DAY[pod.lower()]}", mod, None, d, d, explicit_bounds=True)
    return Norm("DATE", d, mod)


def _pfx_mod(p: str | None) -> str | None:
    if not p:
        return None
    return "START" if p.lower().startswith("earl") else "END"


def _shift(a: Day | date, unit: str, n: int) -> str:
    """The period n units away from a, at that unit's granularity."""
    if isinstance(a, Day):
        base = a.as_date()
        has_m, has_d = a.month is not None, a.day is not None
    else:
        base, has_m, has_d = a, True, True
    if unit == "Y":
        return iso(base.year + n)
    if unit == "DE":
        return f"{(base.year + 10 * n) // 10:03d}"
    if unit == "CE":
        return f"{(base.year + 100 * n) // 100:02d}"
    if unit == "M":
        if not has_m:
            return iso(base.year)
        y, mo = add_months(base.year, base.month, n)
        return iso(y, mo)
    if unit == "Q":
        y, mo = add_months(base.year, base.month, 3 * n)
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    if unit in ("W", "W2"):
        if not has_d:
            return iso(base.year, base.month) if has_m else iso(base.year)
        return week_value(add_days(base, 7 * n * (2 if unit == "W2" else 1)))
    if unit == "D":
        if not has_d:
            return iso(base.year, base.month) if has_m else iso(base.year)
        return add_days(base, n).isoformat()
    return base.isoformat()


_PERIOD = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q", "weekend": "WE",
           "day": "D"}


def rel_period(m: re.Match, ctx: Ctx) -> Norm | None:
    """'last year', 'this week', 'the following month', 'that year', 'earlier this year', 'early next year'."""
    g = m.groupdict()
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    unit = _PERIOD[g["unit"].lower()]
    if g["unit"][:1].isupper() and not (ctx.text[max(0, m.start("unit") - 2): m.start("unit")].strip() == ""
                                        and m.start("unit") == m.start()):
        return None  # "the Century", "This Week": a title
    deictic = rel in ("last", "this", "next", "past", "coming", "current", "the past", "the last", "the current")
    if rel in ("the previous", "the following", "the next", "that", "the same", "the preceding", "following",
               "the", "that same", "the full"):
        deictic = False
    if rel == "previous":
        deictic = False
    if rel == "the" and re.match(r"\s+(?:ended|ending|to\s+date)\b", ctx.text[m.end(): m.end() + 12]):
        return Norm("DURATION", {"Y": "P1Y", "M": "P1M", "W": "P1W", "Q": "P3M"}.get(unit, "P1Y"))   # "the year ended June 30"
    a = ctx.deictic() if deictic else ctx.anaphoric()
    if a is None:
        return Norm("DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "DE": "XXX", "CE": "XX", "Q": "XXXX-QX",
                             "WE": "XXXX-WXX-WE", "D": "XXXX-XX-XX"}[unit])
    off = {"last": -1, "past": -1, "the past": -1, "the last": -1, "previous": -1, "the previous": -1, "the preceding": -1, "next": 1, "coming": 1,
           "the following": 1, "the next": 1, "following": 1}.get(rel, 0)
    if unit == "WE":
        base = a if isinstance(a, date) else (a.as_date() if a.day else None)
        if base is None:
            return Norm("DATE", "XXXX-WXX-WE")
        if off == 0 and rel == "the" and base.isoweekday() <= 4 and not ctx.future(m.start(), m.end()):
            off = -1
        v = week_value(add_days(base, 7 * off)) + "-WE"
    else:
        v = _shift(a, unit, off)
    pfx = (g.get("pfx") or "").lower()
    mod = None
    if pfx.startswith(("earlier", "early", "the beginning", "the start")):
        mod = "START"
    elif pfx.startswith(("later", "late", "the end", "the close")):
        mod = "END"
    elif pfx.startswith(("mid", "the middle")):
        mod = "MID"
    return Norm("DATE", v, mod)


def rel_month(m: re.Match, ctx: Ctx) -> Norm | None:
    """'last October', 'this June', 'January this year', 'June last year'."""
    g = m.groupdict()
    if not g["mon"][0].isupper():
        return None
    mo = MONTHS[g["mon"].lower().rstrip(".")]
    rel = (g.get("rel") or g.get("rel2") or "").lower()
    a = ctx.deictic()
    if not a:
        return Norm("DATE", f"XXXX-{mo:02d}")
    y = a.year
    if g.get("rel2"):
        y += {"last": -1, "next": 1}.get(rel, 0)
    elif rel == "last":
        y = y if mo < a.month else y - 1
    elif rel == "next":
        y = y if mo > a.month else y + 1
    return Norm("DATE", iso(y, mo))


def offset(m: re.Match, ctx: Ctx) -> Norm | None:
    """'two years ago', 'a year earlier', 'three months later', 'ten days ago'."""
    g = m.groupdict()
    n, unit = _num_unit(m)
    direction = g["dir"].lower()
    if direction in ("before", "after", "afterwards") and not re.match(r"\s*(?:[.,;:)!?]|$|and\b|when\b)",
                                                                        ctx.text[m.end(): m.end() + 6]):
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back", "prior") else 1
    mod = qual_mod(g.get("qual"))
    deictic = direction in ("ago", "hence", "from now", "back")
    a = ctx.deictic() if deictic else ctx.anaphoric()
    if n == "X":
        if sign < 0 and deictic:
            return Norm("DATE", "PAST_REF")
        if a is None:
            return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        y0 = a.year
        lo, hi = (y0 + 1, y0 + 5) if sign > 0 else (y0 - 5, y0 - 1)
        return Norm("DATE", iso(y0 + 3 * sign), "APPROX", None, iso(lo), iso(hi), explicit_bounds=True)
    if a is None:
        return Norm("DURATION", duration_value(n, unit), mod)
    q = ctx.recent_quarter(m.start()) if unit == "Y" and n == 1 and sign < 0 else None
    if q and q[5:] != "QX":
        return Norm("DATE", f"{int(q[:4]) - 1:04d}-{q[5:]}", mod)
    if unit in ("S", "MIN", "H"):
        return Norm("DATE", a.isoformat() if isinstance(a, date) else _shift(a, "D", 0), mod)
    k = int(n) if float(n).is_integer() else None
    if k is None:
        months = int(round(n * {"Y": 12, "DE": 120, "M": 1}.get(unit, 0)))
        if months:
            base = a.as_date() if isinstance(a, Day) else a
            y, mo = add_months(base.year, base.month, sign * months)
            return Norm("DATE", iso(y) if unit != "M" else iso(y, mo), mod or "APPROX")
        k = int(round(n))
    if unit == "DE":
        base = a.year if isinstance(a, (Day, date)) else a
        y = base + sign * 10 * k
        return Norm("DATE", iso(y), mod or "APPROX", None, iso(y - 2), iso(y + 2), explicit_bounds=True)
    v = _shift(a, unit, sign * k)
    if isinstance(a, Day) and a.month is None and unit == "Y" and g.get("num", "").lower().startswith("a couple"):
        mod = "APPROX"
    if mod == "APPROX" and unit == "Y":
        y = int(v[:4])
        return Norm("DATE", v, mod, None, iso(y - 1), iso(y + 1), explicit_bounds=True)
    if g.get("num", "").lower() in ("a couple of",) and unit == "Y":
        y = int(v[:4])
        return Norm("DATE", v, "APPROX", None, iso(y - 1), iso(y + 1), explicit_bounds=True)
    return Norm("DATE", v, mod if mod in ("APPROX", "BEFORE", "AFTER") else mod)


def year_ago_adj(m: re.Match, ctx: Ctx) -> Norm | None:
    """'year-earlier', 'the year-ago period': the same period a year before the one being reported."""
    q = ctx.recent_quarter(m.start())
    if q and q[5:] != "QX":
        return Norm("DATE", f"{int(q[:4]) - 1:04d}-{q[5:]}")
    a = ctx.deictic()
    return Norm("DATE", iso(a.year - 1) if a else "XXXX")


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * mm + 114) // 31
    day = (h + l_ - 7 * mm + 114) % 31 + 1
    return date(y, month, day)


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "new year's": (1, 1), "may day": (5, 1), "bastille day": (7, 14),
             "boxing day": (12, 26), "halloween": (10, 31), "armistice day": (11, 11), "valentine's day": (2, 14),
             "independence day": (7, 4), "easter": None, "easter sunday": None, "thanksgiving": None,
             "thanksgiving day": None}


def _holiday_date(name: str, y: int) -> date:
    """The date of a named holiday in year ``y`` (Easter and Thanksgiving computed, the rest fixed)."""
    if name.startswith("easter"):
        return _easter(y)
    if name.startswith("thanksgiving"):
        first = date(y, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    mo, dd = _HOLIDAYS[name]
    return date(y, mo, dd)


def holiday_prev(m: re.Match, ctx: Ctx, y: int) -> Norm | None:
    name = re.sub(r"\s+", " ", m.group("h").lower().replace("’", "'"))
    d = _holiday_date(name, y)
    return Norm("DATE", d.isoformat())


def holiday(m: re.Match, ctx: Ctx) -> Norm | None:
    name = re.sub(r"\s+", " ", m.group("h").lower().replace("’", "'"))
    if m.group("y"):
        y = int(m.group("y"))
    else:
        a = ctx.deictic() if ctx.dct else ctx.anaphoric()
        if a is None:
            md = _HOLIDAYS.get(name)
            return Norm("DATE", f"XXXX-{md[0]:02d}-{md[1]:02d}" if md else "XXXX-XX-XX")
        y = a.year
    d = _holiday_date(name, y)
    if not m.group("y") and ctx.dct and d > ctx.dct + timedelta(days=14) and not ctx.future(m.start(), m.end()):
        return holiday_prev(m, ctx, y - 1)
    return Norm("DATE", d.isoformat(), None, Day(d.year, d.month, d.day) if m.group("y") else None)


_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_REL = r"(?P<rel>last|this|next|past|coming|current|previous|the\s+previous|the\s+following|the\s+next|the\s+preceding|following|that|that\s+same|the\s+same|the\s+past|the\s+last|the\s+current|the\s+full|the)"
_TPFX = r"(?:(?P<pfx>earlier|later|early|late|mid|the\s+beginning\s+of|the\s+start\s+of|the\s+end\s+of|the\s+close\s+of|the\s+middle\s+of|the\s+rest\s+of)[\s-]+)?"

RULES: list[Rule] = [
    rule("weekday", r"(?:(?P<pfx>early|late|earlier|later)\s+)?(?:(?P<rel>last|this|next|coming|past|previous|the\s+previous|the\s+following)\s+)?"
         r"(?P<wd>" + WEEKDAY_RE + r")(?:\s+(?P<pod>morning|afternoon|evening|night))?(?!,?\s+" + MONTH_RE + r")",
         weekday, 2),
    rule("day_word", r"(?:(?P<pfx>early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight"
         r"|last\s+night|this\s+(?:morning|afternoon|evening))(?:\s+(?P<pod>morning|afternoon|evening|night))?", day_word, 2),
    rule("rel_period", _TPFX + _REL + r"\s+(?:fiscal\s+|calendar\s+)?(?P<unit>week|month|year|decade|century|quarter|weekend)(?!\s*-|'s\s+\w+\s+(?:quarter|half))"
         r"(?!\s+(?:ago|earlier|later|of\s+(?:the|his|her|their)\b|or\s+so))", rel_period, 2),
    rule("rel_month", r"(?:(?P<rel>last|this|next)\s+(?P<mon>" + MONTH_RE + r")|(?P<mon2>" + MONTH_RE + r")\s+(?P<rel2>last|this|next)\s+year)",
         lambda m, c: rel_month(_MonthProxy(m), c), 3),
    rule("offset", QUAL + r"(?P<num>" + NUM_RE + r")[\s-]+(?P<unit>" + UNIT_RE + r")(?:\s+or\s+so)?\s+"
         r"(?P<dir>ago|earlier|later|before|after|afterwards|previously|hence|from\s+now|back|prior)", offset, 4),
    rule("year_ago_adj", r"(?:the\s+)?year-(?:ago|earlier)(?:\s+(?:period|quarter|results))?", year_ago_adj, 2),
    rule("holiday", r"(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Easter(?:\s+Sunday)?|Thanksgiving(?:\s+Day)?"
         r"|May\s+Day|Bastille\s+Day|Boxing\s+Day|Halloween|Armistice\s+Day|Valentine['’]s\s+Day)(?:,?\s+(?P<y>" + _YEAR + r"))?",
         holiday, 2, flags=0),
]
class _MonthProxy:
    """Unifies the two alternatives of rel_month into one match-like view."""

    def __init__(self, m: re.Match):
        self._m = m

    def groupdict(self):
        g = dict(self._m.groupdict())
        if not g.get("mon"):
            g["mon"] = g.get("mon2")
        return g

    def start(self):
        return self._m.start()

    def end(self):
        return self._m.end()
