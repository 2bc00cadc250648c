"""A document's text + its time expressions in, the time the text is talking about at any point out.

A biography tells a life in order, paragraph by paragraph, each near an explicit date; an event with no
time expression of its own happened at the narrative's reference time: after the last explicit date the
text gave and, while the text moves forward, before the next one. The reference time is reset by a
paragraph or section change that goes back in time and by flashback cues ("as a child", "years
earlier"); a section title with a range ("Exile (1929–1940)") bounds its section; the lead (the summary
before the first heading) and thematic sections (legacy, works, personal life, honours) carry no
narrative time at all. Birth and death come from the lead's parenthesis (``lifespan``) and bound the
subject's life; ages ("at the age of 17", "aged 30") are read against the birth year.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ...records import Timex
from .lexicon import word_number
from .lifespan import LifeDate, lead_life_dates

_THEMATIC = re.compile(
    r"\b(?:legacy|honou?rs|awards?|recognition|works|bibliography|filmography|discography|publications|writings"
    r"|personal\s+life|private\s+life|family|influences?|reception|style|technique|views|beliefs|philosophy"
    r"|religio(?:n|us)|memorials?|tributes?|commemorations?|popular\s+culture|portrayals?|in\s+fiction"
    r"|personality|assessment|historiography|references|notes|sources|further\s+reading|external\s+links|gallery"
    r"|selected|list\s+of|see\s+also|criticism|analysis|themes|bibliographies|honorary|methods|fame|impact|appraisal"
    r"|evaluation|controversy|controversies|trivia)\b", re.I)
_TITLE_RANGE = re.compile(r"(?<!\d)(1\d{3}|20\d{2})\s*(?:–|—|-|to)\s*(1\d{3}|20\d{2}|\d{2})(?!\d)|(?<!\d)(1\d{3}|20\d{2})(?!\d)")
_CHILDHOOD = re.compile(r"\b(?:as\s+a\s+(?:young\s+)?(?:child|boy|girl|toddler|baby|youngster)|in\s+(?:his|her|their)\s+"
                        r"(?:early\s+)?(?:childhood|infancy|boyhood|girlhood)|from\s+an\s+early\s+age|at\s+an\s+early\s+age)\b",
                        re.I)
_YOUTH = re.compile(r"\b(?:as\s+a\s+(?:teenager|youth|young\s+(?:man|woman))|in\s+(?:his|her|their)\s+(?:youth|teens|adolescence))\b",
                    re.I)
_EARLIER = re.compile(r"\b(?:years|months|decades|some\s+time|long)\s+(?:earlier|before)\b|\bpreviously\b|\bhad\s+(?:once|earlier)\b",
                      re.I)
_SEQUENCE = re.compile(r"\b(?:later|eventually|subsequently|afterwards|thereafter|then|finally|ultimately|soon\s+after)\b", re.I)
_NUM = r"(\d{1,3}|[a-z]+(?:[- ][a-z]+)?)"
_AGE = re.compile(r"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?" + _NUM + r"|aged\s+" + _NUM + r"|at\s+" + _NUM +
                  r"\s+years\s+(?:old|of\s+age)|when\s+(?:he|she|they)\s+(?:was|were)\s+" + _NUM +
                  r"(?:\s+years\s+old)?(?=[\s,.;)])|at\s+(\d{1,2})(?=,|\s+(?:he|she|they)\b))", re.I)
_SENT_END = re.compile(r"[.!?](?:[\"'”’)\]]|\[\d+\])*\s+(?=[A-Z\"“'(_])|\n")


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    title: str
    kind: str            # "lead", "theme" or "" (chronological narrative)
    lo: str | None = None
    hi: str | None = None


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    lo: str
    hi: str
    text: str


@dataclass(frozen=True)
class Reading:
    """What the narrative says about the time at one point: bounds (ISO, None = open), the text, the evidence."""

    lo: str | None
    hi: str | None
    text: str | None
    evidence: str        # "age", "narrative", "section", "childhood", "" (nothing)


def _is_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 80 or s[-1] in ".!?;:,\"”’'])" and not re.search(r"\(\s*\d{4}\s*[–—-]\s*\d{2,4}\s*\)$", s):
        return False
    if s.startswith(("-", "*", "•", "|", "[", "{")) or len(s.split()) > 12:
        return False
    return s[0].isupper() or s[0].isdigit()


def _year_bounds(a: str, b: str | None) -> tuple[str, str]:
    if b is None:
        return a, a
    if len(b) == 2:
        b = a[:2] + b
    return (a, b) if b >= a else (a, a)


def sections(text: str) -> list[Section]:
    """The document cut at its headings: the lead, then one section per heading (title, kind, year range).

    A text without headings (a review, a letter) is one narrative with no lead."""
    out: list[Section] = []
    pos = 0
    cur_start, cur_title, cur_kind, cur_range = 0, "", "lead", (None, None)
    for line in text.splitlines(keepends=True):
        s = line.strip()
        if s and pos > 0 and text[pos - 1] == "\n" and _is_heading(s):
            out.append(Section(cur_start, pos, cur_title, cur_kind, *cur_range))
            cur_start, cur_title = pos, s
            cur_kind = "theme" if _THEMATIC.search(s) else ""
            m = _TITLE_RANGE.search(s)
            cur_range = (None, None)
            if m and m.group(1):
                cur_range = _year_bounds(m.group(1), m.group(2))
            elif m and not cur_kind:
                cur_range = (m.group(3), None)     # "1917" alone: the section starts then
        pos += len(line)
    if not out:
        return [Section(0, len(text), "", "", None, None)]
    out.append(Section(cur_start, len(text), cur_title, cur_kind, *cur_range))
    return out


def paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n\s*\n|\n(?=\S)", text):
        starts.append(m.end())
    return starts


def lifespan_paren(text: str, start: int, end: int) -> bool:
    """'Aleksandra (1872–1938)', 'Moiseyeva (1921–1977)': a person's years in parentheses, not the story's time."""
    a = text.rfind("(", max(0, start - 40), start)
    if a < 0 or ")" in text[a:start]:
        return False
    b = text.find(")", end, end + 40)
    if b < 0:
        return False
    inner = text[a + 1:b]
    if not re.fullmatch(r"[\s\dA-Za-z.,;–—−-]*", inner):
        return False
    m = re.search(r"(\d{4})\s*[–—−-]\s*(\d{4})", inner)
    if not (m and 15 <= int(m.group(2)) - int(m.group(1)) <= 110) and not re.search(r"\b(?:born|died|b\.|d\.)\s", inner):
        return False
    before = text[max(0, a - 30):a].rstrip()
    return bool(before) and (before[-1].isalpha() or before[-1] in "_'\"’”.)")


class NarrativeTime:
    """The reference time of one document at any character position."""

    def __init__(self, text: str, timexes: list[Timex]):
        self.text = text
        self.birth, self.death = lead_life_dates(text)
        self.sections = sections(text)
        self._sec_starts = [s.start for s in self.sections]
        self.paras = paragraph_starts(text)
        lead_paren = (self.birth or self.death)
        anchors = []
        for t in timexes:
            if t.inferred or t.type not in ("DATE", "TIME") or not t.earliest or not t.latest:
                continue
            if not t.earliest[:1].isdigit() or not t.latest[:1].isdigit():
                continue
            if int(t.latest[:4]) - int(t.earliest[:4]) > 10:
                continue
            if lead_paren and lead_paren.start <= t.start < lead_paren.end:
                continue
            if lifespan_paren(text, t.start, t.end):
                continue
            if re.search(r"\b(?:an?|the)\s+$", text[max(0, t.start - 5):t.start], re.I) and \
                    re.match(r"\s+[A-Z]", text[t.end:t.end + 2]) and len(t.text) == 4:
                continue                       # "an 1851 Research Fellowship", "the 1900 Exhibition": a name
            sec = self.section_at(t.start)
            if sec.title and t.start < sec.start + len(sec.title) + 1:
                continue                       # a heading's years are the section's range, not a point of the story
            anchors.append(Anchor(t.start, t.end, t.earliest, t.latest, t.text))
        anchors.sort(key=lambda a: a.start)
        self.anchors = anchors
        self._a_starts = [a.start for a in anchors]
        self.backbone = self._backbone()
        self._b_starts = [a.start for a in self.backbone]

    def _backbone(self) -> list[Anchor]:
        """The explicit dates of the chronological sections that tell the story forward: the longest run that
        never goes back in time. A forward glance ("... which the Society still holds since 1871") and a
        flashback ("his father had died in 1850") fall outside it and do not move the reference time."""
        cands = [a for a in self.anchors if not self.kind_at(a.start)]
        tails: list[tuple[str, str]] = []       # (lo, hi) of the smallest tail of a run of each length
        tail_idx: list[int] = []
        prev_of: list[int] = [-1] * len(cands)
        for k, a in enumerate(cands):
            key = (a.lo, a.hi)
            j = bisect_right(tails, key)
            if j == len(tails):
                tails.append(key)
                tail_idx.append(k)
            else:
                tails[j] = key
                tail_idx[j] = k
            prev_of[k] = tail_idx[j - 1] if j > 0 else -1
        out = []
        k = tail_idx[-1] if tail_idx else -1
        while k >= 0:
            out.append(cands[k])
            k = prev_of[k]
        return out[::-1]

    # -- layout ---------------------------------------------------------------------------------------
    def section_at(self, pos: int) -> Section:
        i = bisect_right(self._sec_starts, pos) - 1
        return self.sections[max(0, i)]

    def kind_at(self, pos: int) -> str:
        return self.section_at(pos).kind

    def paragraph_at(self, pos: int) -> int:
        return self.paras[max(0, bisect_right(self.paras, pos) - 1)]

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        a = max((m.end() for m in _SENT_END.finditer(self.text, max(0, start - 400), start + 1) if m.end() <= start),
                default=max(0, start - 400))
        m = _SENT_END.search(self.text, end)
        return a, (m.start() + 1 if m else len(self.text))

    # -- evidence -------------------------------------------------------------------------------------
    def age_at(self, start: int, end: int) -> Reading | None:
        """'at the age of 17', 'aged 30', 'when she was twelve' in the sentence, read against the birth year."""
        if self.birth is None:
            return None
        a, b = self.sentence_span(start, end)
        found = []
        for m in _AGE.finditer(self.text, a, b):
            word = next(g for g in m.groups() if g)
            n = word_number(word.replace("-", " "))
            if isinstance(n, (int, float)) and 0 < n < 110 and float(n).is_integer():
                found.append((abs(m.start() - start), int(n), m.group(0)))
        if not found:
            return None
        _, n, txt = min(found)
        y0 = int(self.birth.earliest[:4]) + n
        y1 = int(self.birth.latest[:4]) + n + 1
        return Reading(f"{y0:04d}", f"{y1:04d}", txt.strip(), "age")

    def childhood_at(self, start: int, end: int) -> Reading | None:
        a, b = self.sentence_span(start, end)
        window = self.text[a:b]
        if self.birth is None:
            return None
        y = int(self.birth.earliest[:4])
        m = _CHILDHOOD.search(window)
        if m:
            return Reading(f"{y:04d}", f"{y + 13:04d}", m.group(0), "childhood")
        m = _YOUTH.search(window)
        if m:
            return Reading(f"{y + 10:04d}", f"{y + 25:04d}", m.group(0), "childhood")
        return None

    def reading(self, start: int, end: int, ages: bool = True) -> Reading:
        """The tightest interval the narrative gives a statement at [start, end) that has no date of its own
        (``ages``: the statement is about the subject, so "at the age of 17" counts from the subject's birth)."""
        sec = self.section_at(start)
        got = (self.age_at(start, end) or self.childhood_at(start, end)) if ages else None
        if got is not None:
            return got
        if sec.kind:
            return Reading(sec.lo, sec.hi, sec.title or None, "section" if (sec.lo or sec.hi) else "")
        sa, sb = self.sentence_span(start, end)
        sentence = self.text[sa:sb]
        # the sentence's own date, if it has one before the event (in another clause: "In 1906, ..., where he met X")
        i = bisect_left(self._a_starts, start)
        own = self.anchors[i - 1] if i > 0 and self.anchors[i - 1].start >= sa else None
        i = bisect_left(self._b_starts, start)
        prev = self.backbone[i - 1] if i > 0 else None
        nxt = self.backbone[i] if i < len(self.backbone) else None
        if prev is not None and prev.start < sec.start and not (nxt is not None and nxt.start < sec.end):
            prev = None        # a new section with no date of its own: the story's time is not carried into it
        # a paragraph that goes back in time: its first date, earlier than the story's, rules it
        para = self.paragraph_at(start)
        j = bisect_left(self._a_starts, para)
        first = self.anchors[j] if j < len(self.anchors) and self.anchors[j].start >= para else None
        back = (first is not None and prev is not None and first.start > start and first not in self.backbone
                and first.hi < prev.lo and self.paragraph_at(first.start) == para)
        if own is not None and not _SEQUENCE.search(self.text[own.end:start]):
            prev, nxt, sa = own, None, -1
        lo, hi, txt = sec.lo, sec.hi, sec.title or None
        if _EARLIER.search(sentence):
            # "years earlier": before the reference time, not at it
            if prev is not None:
                return Reading(lo, prev.hi, prev.text, "narrative")
            return Reading(lo, hi, txt, "section" if (lo or hi) else "")
        if sa < 0:
            lo, hi, txt = prev.lo, prev.hi, prev.text
        elif back:
            lo, hi, txt = sec.lo, first.hi, first.text
        elif prev is not None:
            lo, txt = prev.lo, prev.text
            if nxt is not None and (nxt.start < sec.end or not sec.hi):
                hi = max(nxt.hi, prev.hi)
            elif sec.hi and sec.hi >= prev.lo:
                hi = sec.hi
            else:
                hi = None
        elif nxt is not None and (nxt.start < sec.end or not sec.lo):
            if not sec.lo or nxt.hi >= sec.lo:
                hi = nxt.hi if not sec.hi or nxt.hi <= sec.hi else sec.hi
        if sec.lo and lo and lo < sec.lo:
            lo = sec.lo
        if sec.hi and hi and hi > sec.hi:
            hi = sec.hi
        if lo and hi and hi < lo:
            return Reading(sec.lo, sec.hi, sec.title or None, "section" if (sec.lo or sec.hi) else "")
        ev = "narrative" if prev is not None or hi != sec.hi else ("section" if (lo or hi) else "")
        return Reading(lo, hi, txt, ev)


def life_bounds(text: str) -> tuple[LifeDate | None, LifeDate | None]:
    return lead_life_dates(text)
