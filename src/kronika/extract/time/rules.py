"""Text + reference times in, normalised TIMEX3 candidates out: the rule engine (match, de-overlap, resolve in order)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from .values import Day, bounds, parse_iso_date


@dataclass(frozen=True)
class Norm:
    """What a rule makes of a match: TIMEX3 type, value, mod, and optional overrides."""

    type: str
    value: str
    mod: str | None = None
    sets_ref: Day | None = None          # an absolute date that becomes the narrative's reference time
    lo: str | None = None                # explicit bounds (otherwise computed from value/mod)
    hi: str | None = None
    trim: tuple[int, int] = (0, 0)       # characters to drop from (start, end) of the match extent
    explicit_bounds: bool = False


@dataclass
class Ctx:
    """The time the text is read against: creation time and the narrative's running reference time."""

    text: str
    dct: date | None = None
    ref: Day | None = None
    sentence_bounds: list[tuple[int, int]] = field(default_factory=list)
    ref_end: int = -1                    # where the reference time was last set
    ref_day: Day | None = None           # the last reference time precise to the day (for clock times, weekdays)
    last_value: str | None = None        # value of the last DATE read, and where it ended
    last_end: int = -1

    def day_ref(self) -> date | None:
        """The latest day-precise reference time, if the story has not moved to another year since."""
        if self.ref_day and (self.ref is None or self.ref.year == self.ref_day.year):
            return self.ref_day.as_date()
        return None

    def deictic(self) -> date | None:
        """'today', 'last year': the DCT, else the narrative's reference time."""
        if self.dct:
            return self.dct
        return self.ref.as_date() if self.ref else None

    def anaphoric(self) -> Day | None:
        """'two years later', 'the following spring': the narrative's time, else the DCT."""
        if self.ref:
            return self.ref
        if self.dct:
            return Day(self.dct.year, self.dct.month, self.dct.day)
        return None

    def window(self, start: int, end: int) -> str:
        """The sentence (roughly) around a span."""
        a = max(self.text.rfind(".", 0, start), self.text.rfind("\n", 0, start), start - 200)
        b_candidates = [i for i in (self.text.find(".", end), self.text.find("\n", end)) if i != -1]
        b = min(b_candidates + [end + 200, len(self.text)])
        return self.text[a + 1:b]

    def story_year(self, start: int) -> int | None:
        """The story's year when the text has just dated a story told long after it ("In 1919 ... in October").

        Only for a gap of 30 years or more: news mentions background years and then returns to
        its own time; a review published in 2011 about a life in 1919 stays in 1919."""
        if self.ref and self.dct and start - self.ref_end < 400 and abs(self.ref.year - self.dct.year) >= 30:
            return self.ref.year
        return None

    def recent_quarter(self, start: int) -> str | None:
        """The quarter ("1989-Q3") the text was just talking about, if any (financial reports)."""
        v = self.last_value
        if v and start - self.last_end < 400 and len(v) == 7 and v[5] == "Q":
            return v
        return None

    def future(self, start: int, end: int) -> bool:
        """Does the sentence look ahead at this span (the nearest tense cue is a future one)?"""
        a = max(self.text.rfind(".", 0, start), self.text.rfind("\n", 0, start), start - 200) + 1
        w = self.window(start, end)
        pos = start - a

        def nearest(rx: re.Pattern) -> int | None:
            d = [abs(m.start() - pos) for m in rx.finditer(w)]
            return min(d) if d else None
        f = nearest(_FUTURE)
        if f is None:
            return False
        p = nearest(_PAST)
        return p is None or f < p


_FUTURE = re.compile(r"\b(?:will|shall|'ll|going to|plans? to|is to|are to|scheduled|expected to|next|upcoming|coming)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|had|did|said|ago|last)\b", re.I)

Handler = Callable[[re.Match, Ctx], "Norm | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    handler: Handler
    priority: int = 0


def rule(name: str, pattern: str, handler: Handler, priority: int = 0, flags: int = re.I, tail: bool = True) -> Rule:
    """Compile a rule; the pattern is wrapped in word boundaries (``tail=False``: the pattern guards its own end)."""
    end = r"(?![\w@]|[-/]\d)" if tail else ""
    return Rule(name, re.compile(r"(?<![\w$£€#@/])(?:" + pattern + r")" + end, flags), handler, priority)


@dataclass(frozen=True)
class Cand:
    start: int
    end: int
    type: str
    value: str
    mod: str | None
    earliest: str | None
    latest: str | None
    rule: str


_TRIGGER = re.compile(
    r"\d|(?<![\w-])(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar"
    r"|apr|jun|jul|aug|sept?|oct|nov|dec|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|years?"
    r"|months?|weeks?|days?|decades?|century|centuries|hours?|minutes?|seconds?|fortnights?|quarters?|half|spring|summer"
    r"|autumn|fall|winter|now|current|currently|recent|recently|formerly|lately|past|future|present|presently|today|tonight"
    r"|yesterday|tomorrow|mornings?|afternoons?|evenings?|nights?|noon|midnight|daily|weekly|monthly|yearly|hourly"
    r"|nightly|biweekly|fortnightly|biannually|christmas|easter|thanksgiving|new|halloween|armistice|bastille|valentine['’]s"
    r"|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|millennium|millennia|nineteen|thousand"
    r"|nowadays|someday|once|weekends?|period|q[1-4]|year-(?:ago|earlier)|[a-z]+-(?:year|month|week|day|hour|minute|decade|quarter|half|century)s?)(?![\w])",
    re.I)


def windows(text: str, margin: int = 80) -> list[tuple[int, int]]:
    """Disjoint stretches of text around time words, cut at whitespace; rules only look inside them."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for m in _TRIGGER.finditer(text):
        a, b = max(0, m.start() - margin), min(n, m.end() + margin)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    snapped = []
    for a, b in out:
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < n and not text[b].isspace():
            b += 1
        if snapped and a <= snapped[-1][1]:
            snapped[-1] = (snapped[-1][0], b)
        else:
            snapped.append((a, b))
    return snapped


def run_rules(rules: list[Rule], text: str, dct: str | None = None, ref: Day | None = None) -> list[Cand]:
    """Apply the rules to a text; relative expressions resolve in reading order against dct / running reference."""
    ctx = Ctx(text=text, dct=parse_iso_date(dct), ref=ref)
    found: list[tuple[int, int, int, Rule, re.Match]] = []
    spans = windows(text)
    for r in rules:
        for a, b in spans:
            for m in r.regex.finditer(text, a, b):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), r.priority, r, m))
    # leftmost-longest, higher priority first on ties; a match whose rule rejects it frees its span
    found.sort(key=lambda t: (t[0], -(t[1] - t[0]), -t[2]))
    out: list[Cand] = []
    taken = -1
    for s, e, _p, r, m in found:
        if s < taken:
            continue
        try:
            n = r.handler(m, ctx)
        except (ValueError, OverflowError, KeyError, IndexError, TypeError, AttributeError):
            n = None
        if n is None:
            continue
        taken = e
        s2, e2 = s + n.trim[0], e - n.trim[1]
        while s2 < e2 and text[s2] in " ,-\t\n":
            s2 += 1
        while e2 > s2 and text[e2 - 1] in " ,-\t\n":
            e2 -= 1
        if e2 <= s2:
            continue
        if n.explicit_bounds:
            lo, hi = n.lo, n.hi
        elif n.type in ("DATE", "TIME"):
            lo, hi = bounds(n.value, n.mod)
        else:
            lo, hi = None, None
        if lo and hi and lo > hi:
            lo, hi = hi, lo
        out.append(Cand(s2, e2, n.type, n.value, n.mod, lo, hi, r.name))
        if n.sets_ref is not None:
            ctx.ref, ctx.ref_end = n.sets_ref, e2
            if n.sets_ref.day is not None:
                ctx.ref_day = n.sets_ref
        if n.type == "DATE":
            ctx.last_value, ctx.last_end = n.value, e2
    return out
