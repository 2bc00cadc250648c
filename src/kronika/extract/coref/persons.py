"""Entity mentions of one document -> its persons: canonical keys for short names, the token -> person map,
the main person, and ORG mentions that act like persons re-typed as PERSON."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from ...records import Mention

PERSON_VERBS = {"bear", "die", "marry", "imprison", "jail", "arrest", "study", "emigrate", "flee",
                "exile", "deport", "write", "publish", "travel", "meet", "join", "become", "tell", "say",
                "return", "move", "live", "work", "spend", "leave", "found", "lecture", "speak"}


def promote_person_like(sdoc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Re-type as PERSON a short proper-name ORG mention that acts like a person (subject of
    'was born', 'died', 'married', ... at least twice), a guard against NER label errors."""
    counts: Counter = Counter()
    acts: Counter = Counter()
    for m in mentions:
        if m.type != "ORG" or len(m.text.split()) > 2:
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not all(t.pos_ == "PROPN" for t in span):
            continue
        counts[m.key] += 1
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in PERSON_VERBS:
            acts[m.key] += 1
        elif root.dep_ == "poss" and root.head.lemma_.lower() in ("mother", "father", "wife", "husband", "life",
                                                                   "birth", "death", "sister", "brother"):
            acts[m.key] += 1
    keys = {k for k in counts if acts[k] >= 2 and acts[k] * 3 >= counts[k]}
    if not keys:
        return mentions
    return [replace(m, type="PERSON") if m.key in keys else m for m in mentions]


def canonical_person_keys(mentions: list[Mention]) -> dict[str, str]:
    """Map each PERSON key to the fullest key it abbreviates ("Serge" -> "Victor Serge") when unambiguous."""
    keys = {m.key for m in mentions if m.type == "PERSON"}
    if any(m.key != m.text for m in mentions if m.type == "PERSON"):
        return {k: k for k in keys}          # the entity stage already groups aliases: trust its keys
    out = {}
    for k in keys:
        base = k[:-2] if k.endswith(("'s", "’s")) else k.rstrip("'’")
        toks = base.split()
        longer = [o for o in keys if o != k and len(o.split()) > len(toks)
                  and all(t in o.split() for t in toks)]
        if base in keys and base != k:
            out[k] = base
        elif len(longer) == 1:
            out[k] = longer[0]
        elif len(longer) > 1:
            full = {o for o in longer if o.split()[-1] == toks[-1]}
            # several relatives share the surname: the most mentioned, then the first introduced
            # (a biography names its subject before the subject's parents)
            first = {}
            for m in mentions:
                first.setdefault(m.key, m.start)
            out[k] = sorted(full or set(longer),
                            key=lambda o: (-sum(1 for m in mentions if m.key == o), first.get(o, 0), o))[0]
        else:
            out[k] = k
    return out


def person_tokens(sdoc: Doc, mentions: list[Mention]) -> dict[int, str]:
    """Token index -> canonical person key for every token inside a PERSON mention."""
    canon = canonical_person_keys(mentions)
    out: dict[int, str] = {}
    for m in mentions:
        if m.type != "PERSON":
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if t.pos_ in ("PROPN", "NOUN", "X") or t.i == span.root.i:
                out[t.i] = canon.get(m.key, m.key)
    return out


def main_person(sdoc: Doc, mentions: list[Mention]) -> str | None:
    """The person the document's lead names as its subject (``entities.subject``), else the most mentioned
    person of the document (ties: the earliest)."""
    canon = canonical_person_keys(mentions)
    lead = next((m.key for m in mentions if m.type == "PERSON" and m.source == "lead"), None)
    if lead is not None:
        return canon.get(lead, lead)
    counts = Counter(canon.get(m.key, m.key) for m in mentions if m.type == "PERSON")
    if not counts:
        return None
    first = {}
    for m in mentions:
        if m.type == "PERSON":
            first.setdefault(canon.get(m.key, m.key), m.start)
    return max(counts, key=lambda k: (counts[k], -first[k]))


