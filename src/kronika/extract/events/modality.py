"""Event trigger token -> its modality: intention or irrealis, negation, hedging, first person."""
from __future__ import annotations

from spacy.tokens import Token

from ...lexicons import words
from .lexicon import HEDGE_MODALS, HEDGE_VERBS, HEDGE_WORDS, INTENTION_VERBS, NEGATORS

FIRST_SECOND = words("persons", "first_second_person")
#: Verbs of showing the person in a work ("portrayed", "depicted", "dramatised").
PORTRAY_VERBS = words("events", "portray_verbs")


def intention_or_irrealis(v: Token) -> bool:
    """True when the predicate is wanted, tried, planned, conditional or a purpose, not a fact."""
    cur = v
    for _ in range(6):
        if cur.dep_ == "conj":
            if cur.head.lemma_.lower() in INTENTION_VERBS and cur.head.i < cur.i and any(
                    c.dep_ == "cc" and c.lower_ == "and" and c.i == cur.head.i + 1 for c in cur.head.children):
                return True          # "try and make his way"
            cur = cur.head
            continue
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in INTENTION_VERBS:
            return True
        if cur.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) and cur.dep_ != "xcomp":
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "lest") for c in cur.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in ("would", "will", "should", "'d", "shall") for c in cur.children):
            return True
        if cur.dep_ == "xcomp":
            cur = cur.head
            continue
        break
    return False


def negated(v: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATORS) for c in v.children)


def hedged(v: Token) -> bool:
    """Hedge words or modals on the predicate or anything governing it."""
    return hedge_word(v) is not None


def hedge_word(v: Token) -> str | None:
    """The hedge on the predicate or anything governing it ("probably", "rumour", "may", "seem"), or None."""
    cur = v
    for _ in range(8):
        for c in cur.children:
            if c.dep_ in ("advmod", "aux", "parataxis", "npadvmod") and c.lower_ in HEDGE_WORDS | HEDGE_MODALS:
                return c.lower_
            if c.dep_ == "parataxis" and c.lemma_.lower() in HEDGE_VERBS:
                return c.lemma_.lower()
        if cur.lemma_.lower() in HEDGE_VERBS and cur.i != v.i:
            return cur.lemma_.lower()
        if cur.head.i == cur.i:
            break
        cur = cur.head
    txt = v.sent.text.lower()
    if "it seems" in txt or "it appears" in txt:
        return "seem"
    if "it is said" in txt or "said to have" in txt or "it was said" in txt:
        return "said"
    return None


def portrayed(v: Token) -> bool:
    """The predicate is what a film, play or novel shows the person doing ("is portrayed travelling to Oslo",
    "the novel depicts her fleeing"), not the life."""
    cur = v
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in PORTRAY_VERBS:
            return True
    return False


def first_person(t: Token) -> bool:
    return t.lower_ in FIRST_SECOND
