"""spaCy Doc + mentions + timexes -> biographical facts and relations of one document.

The stages live in this package: context (who a clause is about, entity spans,
dates, lexicons), lead (life-date parentheses, nationality, occupation),
clauses (born in / died in / studied at / member of / joined / awards /
pseudonyms), military (branches, wars), works (notable works), kin
(son of, his wife X, Trotsky's widow Y), relations (met, worked with,
denounced, ...) and dates (a small date reader beside the timex stage).
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ...records import Document, Event, Fact, Mention, Relation, Timex
from .clauses import clause_facts
from .context import add_fact, build_context, country_of
from .kin import kin_facts
from .lead import born_adjective_facts, description_facts, lead_description_facts, parenthesis_facts
from .relations import person_relations

SINGLE = {"birth_date", "birth_place", "death_date", "death_place", "birth_name"}


def extract_facts(sdoc: Doc, document: Document, mentions: list[Mention], timexes: list[Timex],
                  events: list[Event]) -> tuple[list[Fact], list[Relation]]:
    """Attribute-value facts (birth_date, spouse, ...) and relations between entities."""
    ctx = build_context(sdoc, document, mentions, timexes)
    if not ctx.persons:
        return [], []
    parenthesis_facts(ctx)
    description_facts(ctx)
    lead_description_facts(ctx)
    born_adjective_facts(ctx)
    clause_facts(ctx)
    kin_facts(ctx)
    person_relations(ctx)
    _country_of_birth(ctx)
    return _dedupe_facts(ctx.facts), _dedupe_relations(ctx.relations)


_PLACE_LIST = re.compile(r"^(?:\s*,\s*[A-Z][\w.'’ -]{0,40}?){0,2}\s*,\s*([A-Z][\w.'’ -]{1,40}?)\s*(?=[.;)(]|,?\s+(?:on|in|and|to|the|he|she)\b|$)")


def _country_of_birth(ctx) -> None:
    """'born in Munich, Germany' -> nationality Germany, for a person the text gives no nationality."""
    has_nat = {f.subject for f in ctx.facts if f.attribute == "nationality"}
    text = ctx.document.text
    for f in list(ctx.facts):
        if f.attribute != "birth_place" or f.subject in has_nat or f.source.end >= len(text):
            continue
        m = _PLACE_LIST.match(text[f.source.end:f.source.end + 90])
        country = country_of(m.group(1)) if m else None
        if country is None:
            continue
        s = f.source.end + m.start(1)
        e = s + len(m.group(1))
        add_fact(ctx, f.subject, "nationality", (s, e, country, None), (f.source.start, e), 0.55)
        has_nat.add(f.subject)


def _norm(v: str) -> str:
    return "".join(v.lower().split())


def _dedupe_facts(facts: list[Fact]) -> list[Fact]:
    """One fact per (subject, attribute, value): the most confident, earliest stated.

    For one-valued attributes (birth date, birth place, ...) a less precise value that
    agrees with a more precise one is dropped ('1947' beside '1947-11-17').
    """
    best: dict[tuple, Fact] = {}
    for f in facts:
        k = (f.subject, f.attribute, f.value_iso or _norm(f.value))
        if k not in best or f.confidence > best[k].confidence:
            best[k] = f
    out = _one_name_per_relative(list(best.values()))
    keep = []
    for f in out:
        if f.attribute in SINGLE and f.value_iso:
            if any(g is not f and g.subject == f.subject and g.attribute == f.attribute and g.value_iso
                   and len(g.value_iso) > len(f.value_iso) and g.value_iso.startswith(f.value_iso) for g in out):
                continue
        keep.append(f)
    return sorted(keep, key=lambda f: (f.source.start, f.attribute))


KIN = {"spouse", "parent", "child", "sibling"}


def _one_name_per_relative(facts: list[Fact]) -> list[Fact]:
    """'Aurelia', 'Aurelia Plath' and 'Aurelia Schober Plath' as one mother: the fullest name stays, with the
    highest confidence of the three (a shorter name whose words are all in a longer one of the same
    subject and attribute, first word shared)."""
    drop = set()
    for i, f in enumerate(facts):
        if f.attribute not in KIN:
            continue
        words = f.value.casefold().split()
        for j, g in enumerate(facts):
            if j == i or g.attribute != f.attribute or g.subject != f.subject or j in drop:
                continue
            other = g.value.casefold().split()
            if len(other) > len(words) and set(words) <= set(other) and words[:1] == other[:1]:
                drop.add(i)
                if f.confidence > g.confidence:
                    facts[j] = replace(g, confidence=f.confidence)
                break
    return [f for k, f in enumerate(facts) if k not in drop]


def _dedupe_relations(rels: list[Relation]) -> list[Relation]:
    best: dict[tuple, Relation] = {}
    for r in rels:
        k = (r.source_key, r.relation, r.target_key)
        if k not in best or r.confidence > best[k].confidence:
            best[k] = r
    return sorted(best.values(), key=lambda r: (r.source.start, r.relation))
