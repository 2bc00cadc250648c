"""spaCy Doc + mentions + timexes -> life events of the people in one document.

Steps: coreference (``..coref``), predicates (``clauses``, typed by ``senses``), the person each is about
(``subjects``), modality (``modality``), the clause's span (``span``), places and participants (``arguments``),
date and ordering cue (``dates``), fiction (``fiction``) and a summary (``summary``); then duplicates are dropped.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...records import Document, Event, Mention, Source, Timex
from ...settings import Settings
from ..coref.persons import canonical_person_keys, main_person, person_tokens, promote_person_like
from ..coref.references import resolve_references
from .arguments import arguments_of
from .clauses import find_predicates
from .dates import cue_for, date_for, fallback_timexes, refine_dates, timex_tokens
from .fiction import is_fiction_doc, plot_statement
from .modality import hedge_word, intention_or_irrealis, negated, portrayed
from .sections import in_ranges, life_span, non_life_ranges
from .span import clause_tokens
from .subjects import list_item_date, list_item_subject, narrator_of, subject_of, unattributed_work
from .summary import summary_for


def _entity_maps(sdoc: Doc, mentions: list[Mention], canon: dict[str, str]) -> tuple[dict[int, str], dict[int, str]]:
    """Token index -> key of PLACE mentions, and of ORG/WORK/EVENT/PERSON mentions."""
    places, others = {}, {}
    for m in mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        key = canon.get(m.key, m.key)
        for t in span:
            (places if m.type == "PLACE" else others)[t.i] = key
    return places, others


def extract_events(sdoc: Doc, document: Document, mentions: list[Mention], timexes: list[Timex],
                   settings: Settings) -> list[Event]:
    """Life events stated in the document, each with its clause as source."""
    if not len(sdoc):
        return []
    mentions = promote_person_like(sdoc, mentions)
    canon = canonical_person_keys(mentions)
    ptok = person_tokens(sdoc, mentions)
    who = {**resolve_references(sdoc, mentions), **ptok}
    main = main_person(sdoc, mentions)
    place_tok, other_tok = _entity_maps(sdoc, mentions, canon)
    timexes = timexes or fallback_timexes(sdoc)
    ttok = timex_tokens(sdoc, timexes)
    fiction = is_fiction_doc(document, sdoc)
    narrator = narrator_of(document, set(ptok.values()))
    text = document.text
    person_keys = set(ptok.values())
    events: list[Event] = []
    work_tok = {t.i for m in mentions if m.type == "WORK"
                for sp in [sdoc.char_span(m.start, m.end, alignment_mode="expand")] if sp is not None for t in sp}
    outside = non_life_ranges(text) if document.genre in (None, "biography", "article", "other") else []
    for p in find_predicates(sdoc, set(place_tok), set(ptok)):
        if p.trigger.i in work_tok or p.trigger.i in ptok:   # "The Man Died" is a title, not a death
            continue
        if outside and in_ranges(p.trigger.idx, outside):    # works lists, legacy, portrayals, references
            continue
        found = subject_of(p, who, narrator)
        if found is None:
            found = unattributed_work(p, main, work_tok, who)
        if found is None:
            found = list_item_subject(p, main, who)
        if found is None:
            continue
        subj_tok, ptoken, weak, who = found
        subject = who[ptoken.i]
        head = p.head or p.trigger
        if p.kind != "noun" and (negated(head) or intention_or_irrealis(head)):
            continue
        if portrayed(head):                               # "in the film he is portrayed travelling to Oslo"
            continue
        lo, hi, clause = clause_tokens(head, p.kind)
        if p.kind == "noun" and p.subject is None and head.dep_ == "pobj" and head.head.i == lo - 1:
            lo -= 1                                   # "on release"
        places, parts = arguments_of(p, head, subj_tok, subject, clause, who, ptok, place_tok, other_tok)
        start, end = sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text)
        if end > len(text):
            continue
        date = date_for(head, clause, ttok)
        if not (date.start or date.end):
            date = list_item_date(head, ttok) or date
        is_fiction = fiction and plot_statement(head)
        hedge = hedge_word(head)
        is_hedged = hedge is not None
        summary = summary_for(p, lo, hi, places, [x for x in parts if x in person_keys] or parts, sdoc)
        conf = settings.event_confidence
        if is_hedged:
            conf *= settings.hedge_factor
        if is_fiction:
            conf *= settings.fiction_factor
        if p.kind == "noun" or weak:
            conf *= 0.9
        events.append(Event(
            type=p.type, subject=subject,
            summary=_hedged_label(summary, hedge),
            source=Source(document.doc, start, end, text[start:end]),
            trigger=p.trigger.text, places=tuple(places), participants=tuple(parts), date=date,
            confidence=round(conf, 3), hedged=is_hedged, negated=False, fiction=is_fiction,
            cue=cue_for(head)))
    events = _within_life(events, main, text, document.genre)
    return refine_dates(_finish(events, main), text, timexes, main)


#: Hedges that say the event is uncertain (the label says "Probably"); the others report it ("Reportedly").
PROBABLE = {"probably", "perhaps", "possibly", "likely", "presumably", "maybe", "conceivably", "apparently",
            "seemingly", "seem", "appear", "suppose", "assume", "speculate", "suggest", "believe", "may", "might"}
#: Event types that can happen after the life: a posthumous award, publication, premiere or burial.
POSTHUMOUS_TYPES = {"award", "publication", "premiere", "other"}
#: Words of "other" events that can follow the death (burial, reburial, funeral).
AFTER_DEATH = ("buried", "reburied", "interred", "reinterred", "re-interred", "cremated", "funeral", "burial",
               "reburial", "entombed", "exhumed")


def _hedged_label(summary: str, hedge: str | None) -> str:
    """'Reportedly married a dancer in Rome', 'Probably moved to Paris': the label keeps the source's doubt."""
    if hedge is None or not summary:
        return summary
    lead = "Probably" if hedge in PROBABLE else "Reportedly"
    return f"{lead} {summary[:1].lower()}{summary[1:]}"


def _within_life(events: list[Event], main: str | None, text: str, genre: str | None) -> list[Event]:
    """In a biography whose opening gives the life's span ("(1871 – 1937)"), the main person's events dated
    (directly) after the death are posthumous: an award, publication, premiere or burial is kept and labelled
    "Posthumously ...", anything else (statues, namesakes, anniversaries) is commemoration and dropped; events
    dated before the birth are someone else's (a parent's, an ancestor's)."""
    if main is None or genre not in (None, "biography", "article", "other"):
        return events
    born, died = life_span(text)
    if born is None and died is None:
        return events
    out = []
    for e in events:
        direct = e.subject == main and not e.date.inferred
        start, end = (_year(e.date.start), _year(e.date.end)) if direct else (None, None)
        if e.type in ("birth", "death") or (start is None and end is None):
            out.append(e)
            continue
        if born is not None and end is not None and end < born:
            continue
        if died is not None and start is not None and start > died:
            low = e.summary.lower()
            after_death = e.trigger.lower() in AFTER_DEATH or low.startswith(AFTER_DEATH)
            if e.type not in POSTHUMOUS_TYPES or (e.type == "other" and not after_death):
                continue
            if not after_death:
                e = replace(e, summary=f"Posthumously {low[:1]}{e.summary[1:]}")
        out.append(e)
    return out


def _year(v: str | None) -> int | None:
    if not v:
        return None
    try:
        return int(v[:5]) if v.startswith("-") else int(v[:4])
    except ValueError:
        return None


def _finish(events: list[Event], main: str | None) -> list[Event]:
    """Drop duplicates (same subject and type on overlapping spans) and number in narrative order."""
    events.sort(key=lambda e: (e.source.start, -(e.source.end - e.source.start)))
    kept: list[Event] = []
    for e in events:
        dup = next((k for k in kept if k.subject == e.subject and k.type == e.type
                    and k.source.start < e.source.end and e.source.start < k.source.end), None)
        if dup is None:
            kept.append(e)
    return [replace(e, order=i) for i, e in enumerate(kept)]
