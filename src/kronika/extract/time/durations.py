"""Regex matches in, Norm out: rules for durations ("two years", "a little over 10 years"), sets ("every year") and PAST/PRESENT/FUTURE_REF."""
from __future__ import annotations

import re

from ...lexicons import mapping
from .lexicon import MONTHS, NUM_RE, PARTS_OF_DAY, UNIT_RE, UNITS, WEEKDAY_RE, WEEKDAYS, word_number
from .rules import Ctx, Norm, Rule, rule

QUAL = (
    r"(?P<qual>(?:about|around|approximately|roughly|some|nearly|almost|close\s+to|more\s+than|less\s+than|under"
    r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|(?:a\s+little|just|well|slightly)"
    r"\s+(?:over|under|more\s+than|less\s+than)|upwards\s+of|fully|a\s+full|an\s+estimated|another"
    r"|the\s+better\s+part\s+of)\s+)?"
)


def qual_mod(q: str | None) -> str | None:
    if not q:
        return None
    q = re.sub(r"\s+", " ", q.strip().lower())
    if q.endswith(("over", "more than")) or q.startswith("upwards"):
        return "MORE_THAN"
    if q.endswith(("under", "less than")):
        return "LESS_THAN"
    if q in ("almost", "barely"):
        return "LESS_THAN"
    if q in ("nearly", "up to", "at most", "no more than", "not more than", "the better part of"):
        return "EQUAL_OR_LESS"
    if q in ("at least", "no less than", "fully", "a full"):
        return "EQUAL_OR_MORE"
    if q in ("about", "around", "approximately", "roughly", "some", "close to", "an estimated"):
        return "APPROX"
    return None


def _unit(u: str) -> str:
    u = u.lower()
    for k, v in UNITS.items():
        if u.startswith(k[:5]) or u.startswith(k):
            return v
    if u.startswith("centur"):
        return "CE"
    if u.startswith("millenni"):
        return "ML"
    raise KeyError(u)


def duration_value(n, unit: str) -> str:
    """(2.5, 'Y') -> 'P2Y6M'; ('X', 'DE') -> 'PXDE'; (90, 'M' minutes) handled by caller with 'MIN'."""
    if unit == "W2":
        unit, n = "W", (n * 2 if isinstance(n, (int, float)) else n)
    time_unit = unit in ("S", "MIN", "H")
    u = "M" if unit == "MIN" else unit
    pre = "PT" if time_unit else "P"
    if n == "X" or not isinstance(n, (int, float)):
        return f"{pre}X{u}"
    if unit == "DE":
        n, u = n * 10, "Y"
    elif unit == "CE":
        n, u = n * 100, "Y"
    if float(n).is_integer():
        return f"{pre}{int(n)}{u}"
    whole, frac = int(n), n - int(n)
    sub = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"), "MIN": (60, "S"),
           "DE": (10, "Y"), "CE": (100, "Y")}.get(unit)
    if not sub:
        return f"{pre}{n:g}{u}"
    k, su = sub
    parts = f"{whole}{u}" if whole else ""
    if unit == "D":
        return f"P{whole}DT{int(round(frac * k))}H" if whole else f"PT{int(round(frac * k))}H"
    return f"{pre}{parts}{int(round(frac * k))}{su}"


def _num_unit(m: re.Match) -> tuple[object, str]:
    n = word_number(m.group("num"))
    u = m.group("unit").lower()
    unit = "MIN" if u.startswith("minute") else _unit(u)
    if n is None:
        raise ValueError(m.group("num"))
    return n, unit


def duration(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    num = g["num"].lower()
    u = g["unit"].lower()
    if num in ("a", "an", "one") and u.startswith("second") and not re.match(r"\s*[.,;)]", ctx.text[m.end(): m.end() + 3]):
        return None
    if num in ("some", "many") and not u.endswith("s"):
        return None
    after = ctx.text[m.end(): m.end() + 12]
    if re.match(r"(?:-|\s+)(?:old|of\s+age)\b", after) or (u.startswith("quarter") and "-" in m.group(0)):
        return None
    if u in ("second", "minute") and re.match(r"\s+(?:quarter|half|time|place|term|round)\b", after):
        return None   # "the 1988 second quarter", "a second term": an ordinal, not a unit
    n, unit = _num_unit(m)
    if m.group("half") and isinstance(n, (int, float)):
        n = n + 0.5
    if isinstance(n, float) and n > 5000:
        return None
    before = ctx.text[max(0, m.start() - 14): m.start()]
    if num in ("a", "an") and re.search(r"(?:\d|cents?|dollars?|times|once|twice|per|percent|%)\s*$", before, re.I):
        return Norm("SET", duration_value(1, unit))
    mod = qual_mod(g.get("qual")) or ("APPROX" if num.startswith(("a couple", "couple")) else None)
    return Norm("DURATION", duration_value(n, unit), mod)


def bare_plural(m: re.Match, ctx: Ctx) -> Norm | None:
    return Norm("DURATION", duration_value("X", _unit(m.group("unit"))))


_SET_ADV = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H",
            "nightly": "P1D", "biweekly": "P2W", "fortnightly": "P2W", "biannually": "P6M"}


def set_adv(m: re.Match, ctx: Ctx) -> Norm | None:
    return Norm("SET", _SET_ADV[m.group("w").lower()])


def set_every(m: re.Match, ctx: Ctx) -> Norm | None:
    g = m.groupdict()
    w = g["what"].lower().rstrip(".")
    if w in WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[w]}")
    if w in MONTHS:
        return Norm("SET", f"XXXX-{MONTHS[w]:02d}")
    if w in ("spring", "summer", "autumn", "fall", "winter"):
        return Norm("SET", "XXXX-" + {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[w])
    if w in ("morning", "afternoon", "evening", "night"):
        return Norm("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[w]}")
    n = word_number(g.get("num") or "1")
    n = 1 if n is None or n == "X" else (2 if g.get("other") else n)
    unit = "MIN" if w.startswith("minute") else _unit(w)
    return Norm("SET", duration_value(n, unit))


def set_freq(m: re.Match, ctx: Ctx) -> Norm | None:
    unit = "MIN" if m.group("unit").lower().startswith("minute") else _unit(m.group("unit"))
    return Norm("SET", duration_value(1, unit))


_REF = mapping("time", "reference_words")


def ref_word(m: re.Match, ctx: Ctx) -> Norm | None:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w == "now" and ctx.text[m.end(): m.end() + 1] == "," and \
            ctx.text[max(0, m.start() - 3): m.start()].strip()[-1:] in ("", ".", '"', "“", "!", "?"):
        return None   # "Now, he says ...": a discourse marker
    rec = re.fullmatch(r"(in |the )?recent (years|months|weeks|days|decades)", w)
    if rec:
        # "in recent years": a stretch of unspecified length up to now (TimeML: DURATION PXY, as annotated
        # in most newswire); "recent times" stays a PAST_REF date
        return Norm("DURATION", duration_value("X", _unit(rec.group(2))), trim=(len(rec.group(1) or ""), 0))
    if w.startswith("in recent "):
        return Norm("DATE", "PAST_REF", trim=(3, 0))
    if w.startswith("at "):
        w = w[3:]
    if w.endswith("recently"):
        return Norm("DATE", "PAST_REF")
    if w.startswith("recent ") or w.startswith("the recent ") or w.startswith("in recent "):
        return Norm("DATE", "PAST_REF")
    if w.startswith(("coming ", "the coming ", "upcoming ")):
        return Norm("DATE", "FUTURE_REF")
    if "future" in w:
        return Norm("DATE", "FUTURE_REF")
    return Norm("DATE", _REF.get(w, "PRESENT_REF"))


RULES: list[Rule] = [
    rule("duration", r"(?:" + QUAL + r"|(?:the\s+)?(?:past|last|next|coming|first|previous|following|final|latter|ensuing|"
         r"remaining|entire|whole|same)\s+|the\s+(?=\d|[a-z]+\s+(?:days|weeks|months|years|decades)))"
         r"(?P<num>" + NUM_RE + r")[\s-]+(?:more\s+)?(?:(?:trading|business|working|straight|consecutive)\s+)?(?P<unit>" + UNIT_RE + r")(?P<half>\s+and\s+a\s+half)?(?:-long)?",
         duration, 1),
    rule("over_years", r"over\s+the\s+(?P<unit>years|decades|centuries|months)", lambda m, c: Norm(
        "DURATION", duration_value("X", _unit(m.group("unit")))), 2),
    rule("bare_plural", r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\bfor\smany\s))(?P<unit>years|months|weeks|days|decades|hours|centuries)"
         r"(?!\s+(?:of|ago|later|earlier|before|after|old)\b)", bare_plural, 0),
    rule("set_adv", r"(?P<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly|fortnightly|biannually)",
         set_adv, 1),
    rule("set_every", r"(?:every|each|per)\s+(?:(?P<other>other)\s+|(?P<num>\d+|two|three|four|five|six|ten|few)\s+)?"
         r"(?P<what>" + UNIT_RE + r"|" + WEEKDAY_RE + r"|January|February|March|April|May|June|July|August|September|"
         r"October|November|December|spring|summer|autumn|winter|morning|afternoon|evening|night)", set_every, 3),
    rule("set_weekday", r"(?P<what>" + WEEKDAY_RE + r")(?:s|\s+(?P<pod>mornings|afternoons|evenings|nights))",
         lambda m, c: Norm("SET", f"XXXX-WXX-{WEEKDAYS[m.group('what').lower()]}"
                       + (f"T{PARTS_OF_DAY[m.group('pod')[:-1].lower()]}" if m.group("pod") else "")), 3, flags=0),
    rule("set_freq", r"(?:once|twice|thrice|(?:\d+|two|three|four|five|six|several|many)\s+times)\s+(?:a|an|per|each|every)\s+"
         r"(?P<unit>" + UNIT_RE + r")", set_freq, 4),
    rule("ref_word", r"(?P<w>now|currently|current|nowadays|at\s+present|these\s+days|presently|(?:more\s+|most\s+)?recently|recent|formerly|lately"
         r"|the\s+past|the\s+(?:near|distant|foreseeable)\s+future|the\s+future|in\s+future|someday|once\s+upon\s+a\s+time"
         r"|(?:in\s+)?recent\s+(?:years|months|weeks|days|decades|times)|(?:the\s+)?coming\s+(?:years|months|weeks|days|decades))"
         , ref_word, 1),
]
