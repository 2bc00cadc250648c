"""Event trigger + time expressions -> the governing date (EventDate) and the ordering cue of the clause."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from ...records import Event, EventDate, Source, Timex
from ..time.narrative import NarrativeTime, lifespan_paren
from .lexicon import CUE_MARKERS, CUE_WORDS

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})(s)?\b")
_DAY = re.compile(r"\b([0-3]?[0-9])(?:st|nd|rd|th)?\b")
DATE_DEPS = {"prep", "npadvmod", "advmod", "pobj", "obl", "tmod", "nmod", "appos", "advcl", "dobj"}


def fallback_timexes(sdoc: Doc) -> list[Timex]:
    """Year-bearing DATE entities of spaCy as Timexes, for when the timex stage gave none."""
    out = []
    for ent in sdoc.ents:
        if ent.label_ != "DATE":
            continue
        text = ent.text
        m = _YEAR.search(text)
        if not m:
            continue
        year = m.group(1)
        low = text.lower()
        if m.group(2):
            dec = year[:3]
            early, late = dec + "0", dec + "9"
            if "mid" in low:
                early, late = dec + "3", dec + "7"
            out.append(Timex(ent.start_char, ent.end_char, text, "DATE", dec, None, early, late))
            continue
        month = next((v for w, v in MONTHS.items() if re.search(r"\b" + w + r"\b", low)), None)
        value = year
        if month:
            value = f"{year}-{month:02d}"
            rest = low.replace(m.group(0), " ")
            d = _DAY.search(rest)
            if d and 1 <= int(d.group(1)) <= 31:
                value = f"{value}-{int(d.group(1)):02d}"
        early = late = value
        mod = None
        if re.search(r"\b(from|since|after)\b", sdoc.text[max(0, ent.start_char - 8):ent.start_char].lower()):
            late, mod = None, "AFTER"
        out.append(Timex(ent.start_char, ent.end_char, text, "DATE", value, mod, early, late))
    return out


def timex_tokens(sdoc: Doc, timexes: list[Timex]) -> dict[int, Timex]:
    """Token index -> the time expression covering it (only those with at least one bound)."""
    out: dict[int, Timex] = {}
    for tx in timexes:
        if tx.earliest is None and tx.latest is None:
            continue
        span = sdoc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            prev = out.get(t.i)
            if prev is None or (prev.end - prev.start) > (tx.end - tx.start):
                out[t.i] = tx
    return out


UNTIL = {"until", "till", "til", "before", "by"}
SINCE = {"since", "from", "after"}


def _to_date(tx: Timex, doc: Doc | None = None) -> EventDate:
    """The timex's interval, opened on one side when a preposition bounds it ("until 1945", "from 1919")."""
    start, end = tx.earliest, tx.latest
    if doc is not None:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None:
            prep = span.root.head if span.root.dep_ == "pobj" else None
            word = prep.lower_ if prep is not None else (doc[span.start - 1].lower_ if span.start else "")
            if word in UNTIL and tx.mod is None:
                start = None
            elif word in SINCE and tx.mod is None and word != "after":
                end = None
    return EventDate(start, end, tx.text, tx.inferred)


_RANGE_GAP = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*$", re.I)


def _range(cands: list[Timex], doc: Doc) -> EventDate | None:
    """'the years 1912 to 1917', 'between 1923 and 1926': two direct dates joined as one interval."""
    direct = sorted((t for t in cands if not t.inferred and t.type == "DATE" and t.earliest and t.latest),
                    key=lambda t: t.start)
    for a, b in zip(direct, direct[1:]):
        if _RANGE_GAP.match(doc.text[a.end:b.start]) and a.earliest <= b.latest:
            return EventDate(a.earliest, b.latest, doc.text[a.start:b.end], False)
    return None


def _pick(cands: list[Timex]) -> Timex | None:
    if not cands:
        return None
    # direct readings beat inferred ones; then the narrowest interval
    return sorted(cands, key=lambda tx: (tx.inferred, tx.end - tx.start > 60, len(tx.earliest or "") * -1))[0]


def date_for(head: Token, clause: set[int], ttok: dict[int, Timex]) -> EventDate:
    """The tightest time expression governing the event: its clause, then its governors, then an anchor."""
    doc = head.doc
    own = {id(ttok[i]): ttok[i] for i in clause if i in ttok and not _lifespan(doc[i])}
    if own:
        rng = _range(list(own.values()), doc)
        return rng or _to_date(_pick(list(own.values())), doc)
    cur = head
    child = None
    for step in range(10):
        if step > 0:
            if cur.head.i == cur.i:
                break
            child = cur
            cur = cur.head
        found = {}
        for c in cur.children:
            if (child is not None and c.i == child.i) or c.dep_ not in DATE_DEPS:
                continue
            if child is not None and child.dep_ == "conj" and c.i > cur.i:
                continue     # "lived in London until 1945 and spent ...": the first conjunct's own date
            if c.dep_ in ("advcl",) and not any(w.lower_ in ("in", "during", "by") for w in c.children):
                continue
            for w in c.subtree:
                if w.i in ttok and w.dep_ != "conj" and _same_clause(w, head) and \
                        not lifespan_paren(doc.text, w.idx, w.idx + len(w.text)):
                    found[id(ttok[w.i])] = ttok[w.i]
        for w in cur.children:
            if w.i in ttok and w.dep_ in ("npadvmod", "tmod", "obl"):
                found[id(ttok[w.i])] = ttok[w.i]
        if found:
            return _to_date(_pick(list(found.values())), doc)
        if cur.dep_ in ("relcl",) or cur.pos_ == "NOUN" and cur.dep_ not in ("pobj", "dobj", "conj", "nsubj"):
            break
    # an event-anchored expression earlier in the sentence ("The eventual armistice arrives, ... and they
    # are exchanged"), never one inside a relative clause about something else
    anchored = {id(tx): tx for w in head.sent if w.i in ttok and w.i < head.i and _same_clause(w, head, ("relcl",))
                for tx in [ttok[w.i]] if tx.inferred}
    if anchored:
        tx = _pick(list(anchored.values()))
        if cue_for(head) in SEQUENCE_CUES or _own_subclause(head, tx):
            # "The armistice arrives, ... and they are eventually exchanged": after the anchor, not at it
            return EventDate(tx.earliest, None, tx.text, True)
        return EventDate(tx.earliest, tx.latest, tx.text, True)
    return EventDate()


def _own_subclause(head: Token, tx: Timex) -> bool:
    """Is the event in a subordinate clause of its own, away from the anchor ("..., and secured an exit
    as he became a refugee in Mexico")? Then the anchor only bounds it from below."""
    cur = head
    while cur.head.i != cur.i:
        if cur.dep_ in ("advcl", "relcl") and not (cur.left_edge.idx <= tx.start < cur.right_edge.idx + len(cur.right_edge)):
            return True
        cur = cur.head
    return False


#: Cues that put an event after the anchor its sentence opens with, rather than at it.
SEQUENCE_CUES = {"eventually", "later", "then", "subsequently", "afterwards", "soon", "finally", "ultimately"}


def _same_clause(w: Token, head: Token, barriers=("relcl", "advcl", "ccomp", "acl", "xcomp", "conj")) -> bool:
    """False when the time expression sits in a subordinate clause that does not contain the event."""
    for a in w.ancestors:
        if a.dep_ in barriers and a.pos_ in ("VERB", "AUX"):
            if not (a.left_edge.i <= head.i <= a.right_edge.i):
                temporal = a.dep_ == "advcl" and a.head.i == head.i and any(
                    c.dep_ in ("mark", "advmod") and c.lower_ in ("while", "whilst", "when", "as") for c in a.children)
                if not temporal:
                    return False
    return True


def _lifespan(w: Token) -> bool:
    """A year range in parentheses after a name ("Aleksandra (1872–1938)") dates that person, not the event."""
    doc = w.doc
    i = w.i
    while i > w.sent.start and not doc[i - 1].is_punct:
        i -= 1
    return w.dep_ == "appos" or (i > 1 and doc[i - 1].text == "(" and doc[i - 2].pos_ == "PROPN") or \
        lifespan_paren(doc.text, w.idx, w.idx + len(w.text))


def _clause_text(v: Token, limit: int = 8) -> str:
    """The words of a subordinate clause without its coordinated or nested clauses."""
    drop: set[int] = set()
    for c in v.children:
        if c.dep_ in ("xcomp", "conj", "advcl", "relcl", "cc", "punct"):
            drop.update(w.i for w in c.subtree)
    kept = [w for w in v.subtree if w.i not in drop]
    return " ".join(w.text for w in kept[:limit])


def cue_for(head: Token) -> str | None:
    """An ordering cue in the event's clause: 'later', 'on release', 'from there', 'when he leaves Spain'."""
    chain = [head]
    cur = head
    while cur.dep_ == "conj" and len(chain) < 6:
        cur = cur.head
        chain.append(cur)
    if head.pos_ == "NOUN":
        chain.append(head.head)
    for i, v in enumerate(chain):
        for c in sorted(v.children, key=lambda x: x.i):
            if i > 0 and not (head.pos_ == "NOUN" and i == 1):
                break            # a conjunct does not inherit the first conjunct's "on release"
            low = c.lower_
            if c.dep_ in ("advmod", "npadvmod") and low in CUE_WORDS:
                return low
            if c.dep_ == "prep":
                objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
                if low == "on" and objs and objs[0].lemma_.lower() in ("release", "return", "arrival", "death"):
                    return f"on {objs[0].lower_}"
                if low == "from" and objs and objs[0].lower_ == "there":
                    return "from there"
                if low in ("after", "before", "following") and objs:
                    return low
            if c.dep_ == "advcl":
                marks = [m for m in c.children if m.dep_ in ("mark", "advmod") and m.lower_ in CUE_MARKERS
                         and m.i < c.i]
                if marks:
                    return _clause_text(c)
            if c.dep_ == "prep" and low in ("later", "afterwards"):
                return low
        if i == 0 and v.dep_ == "advcl":
            marks = [m for m in v.children if m.dep_ in ("mark", "advmod") and m.lower_ in CUE_MARKERS and m.i < v.i]
            if marks:
                return marks[0].lower_
        if i > 0:
            marks = [m for m in v.children if m.dep_ in ("mark", "advmod") and m.lower_ in CUE_MARKERS and m.i < v.i]
            if marks and v.dep_ == "advcl":
                return _clause_text(v)
    return None


#: Event types that may follow the subject's death (works published, honours given, remains moved).
POSTHUMOUS_OK = {"publication", "authorship", "other", "award", "premiere"}
#: Prefix of the ordering cue of an event told in the lead or a thematic section (no narrative order).
NO_ORDER = "§"


def _pad_lo(v: str | None) -> str:
    return (v + "-01-01")[:10] if v and len(v) == 4 else ((v + "-01") if v and len(v) == 7 else (v or "0000"))


def _pad_hi(v: str | None) -> str:
    return (v + "-12-31")[:10] if v and len(v) == 4 else ((v + "-31") if v and len(v) == 7 else (v or "9999"))


def _clip(lo: str | None, hi: str | None, birth, death, posthumous: bool) -> tuple[str | None, str | None] | None:
    """An inferred interval inside the life [birth, death]; None when nothing of it is left."""
    # an open side stays open (the chronology bounds it by the life): "before 1806" is just before 1806
    if birth is not None and lo is not None and _pad_lo(lo) < _pad_lo(birth.earliest):
        lo = birth.earliest[:4] if len(lo) == 4 else birth.earliest
    if death is not None and not posthumous and hi is not None and _pad_hi(hi) > _pad_hi(death.latest):
        hi = death.latest[:4] if len(hi) == 4 else death.latest
    if lo and hi and _pad_lo(lo) > _pad_hi(hi):
        return None
    return lo, hi


def refine_dates(events: list, text: str, timexes: list[Timex], main: str | None) -> list:
    """Every event with the tightest interval its document supports, and the lead/thematic ones marked.

    Order of evidence: the event's own time expression (``date_for``); for the subject's birth and death,
    the lead's parenthesis; an age or childhood cue read against the birth year; the narrative's
    reference time and the section's range (``time.narrative``); then the life's bounds for the subject's
    events (nothing before birth, nothing but works and honours after death)."""
    if not events or not text:
        return events
    try:
        nt = NarrativeTime(text, timexes)
    except (ValueError, IndexError, TypeError):  # never fail a build on odd text
        return events
    birth, death = nt.birth, nt.death
    if birth is None and death is None:
        # not a biography that opens with the life's dates (a review, a letter, a news story): such texts
        # move back and forth in time, and their own expressions (``date_for``) are all we read
        return events
    out = []
    for e in events:
        d = e.date
        own = bool(d.start or d.end) and not d.inferred
        is_main = main is not None and e.subject == main
        pos, end = e.source.start, e.source.end
        kind = nt.kind_at(pos)
        if is_main and e.type in ("birth", "death"):
            life = birth if e.type == "birth" else death
            # the lead's date, unless the text dates this very statement itself (then a disagreement is
            # the sources' to report, or the statement is about someone else's birth)
            if life is not None and not own:
                d = EventDate(life.earliest, life.latest, life.text, False)
                own = True
        if not own:
            r = nt.reading(pos, end, ages=is_main)
            if r.lo or r.hi:
                if d.start or d.end:          # an event-anchored date ("after the war") and the narrative: both hold
                    lo = max(_pad_lo(d.start), _pad_lo(r.lo))
                    hi = min(_pad_hi(d.end), _pad_hi(r.hi))
                    if lo <= hi:
                        d = EventDate(d.start if _pad_lo(d.start) >= _pad_lo(r.lo) else r.lo,
                                      d.end if _pad_hi(d.end) <= _pad_hi(r.hi) else r.hi, d.text, True)
                else:
                    d = EventDate(r.lo, r.hi, r.text, True)
        if is_main and (d.start or d.end) and d.inferred and e.type not in ("birth", "death"):
            got = _clip(d.start, d.end, birth, death, e.type in POSTHUMOUS_OK)
            d = EventDate(got[0], got[1], d.text, True) if got else EventDate()
        cue = e.cue
        if kind:
            cue = NO_ORDER + kind + ("|" + cue if cue else "")
        if d is not e.date or cue != e.cue:
            e = replace(e, date=d, cue=cue)
        out.append(e)
    return _lead_life_events(_echoes(out, nt), nt, main)


def _echoes(events: list, nt: NarrativeTime) -> list:
    """An undated statement of the lead or a thematic section that repeats one of the story ("He travelled to
    Yemen" / "In 1328 he sailed to Yemen"): same person, same kind of event, a shared place or participant.
    It takes the story's interval (inferred) when the story tells it once."""
    story: dict[tuple, list] = {}
    for e in events:
        if (e.date.start or e.date.end) and not nt.kind_at(e.source.start):
            for k in [*(("p", x) for x in e.places), *(("w", x) for x in e.participants)]:
                story.setdefault((e.subject, e.type, k), []).append(e.date)
    if not story:
        return events
    out = []
    for e in events:
        if not (e.date.start or e.date.end) and nt.kind_at(e.source.start):
            dates = {(d.start, d.end): d for k in [*(("p", x) for x in e.places), *(("w", x) for x in e.participants)]
                     for d in story.get((e.subject, e.type, k), [])}
            if len(dates) == 1:
                d = next(iter(dates.values()))
                e = replace(e, date=EventDate(d.start, d.end, d.text, True))
        out.append(e)
    return out


def _lead_life_events(events: list, nt: NarrativeTime, main: str | None) -> list:
    """The subject's birth and death as the lead's parenthesis states them ("(3 May 1850 – 1 June 1920)"),
    when no event of the document already carries that date: reconciliation merges them with the body's
    "was born in Opole" (told perhaps under another name), whose date the body may not repeat."""
    if main is None or not events:
        return events
    doc = events[0].source.doc
    added = []
    for kind, life in (("birth", nt.birth), ("death", nt.death)):
        if life is None:
            continue
        if any(e.type == kind and e.subject == main and e.date.start and e.date.start[:4] == life.earliest[:4]
               for e in events):
            continue
        quote = nt.text[life.start - 1:life.end + 1]
        added.append(Event(type=kind, subject=main, summary="Born" if kind == "birth" else "Died",
                           source=Source(doc, life.start - 1, life.end + 1, quote), trigger="",
                           date=EventDate(life.earliest, life.latest, life.text, False), confidence=0.7))
    if not added:
        return events
    merged = sorted(events + added, key=lambda e: (e.source.start, -(e.source.end - e.source.start)))
    return [replace(e, order=i) for i, e in enumerate(merged)]
