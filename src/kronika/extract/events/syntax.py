"""A verb token of a spaCy parse in, its grammar out: voice, objects, particles' lemmas, places under it."""
from __future__ import annotations

from spacy.tokens import Token

#: Participles the tagger calls adjectives ("married", "born") -> the verb lemma they stand for.
ADJ_LEMMAS = {"married": "marry", "born": "bear", "exiled": "exile", "imprisoned": "imprison",
              "jailed": "jail", "arrested": "arrest", "deported": "deport", "divorced": "divorce",
              "widowed": "widow", "educated": "educate", "released": "release", "banished": "banish"}


def children_with(t: Token, deps: set[str]) -> list[Token]:
    """The children of ``t`` attached by one of ``deps``."""
    return [c for c in t.children if c.dep_ in deps]


def is_passive(v: Token) -> bool:
    """Passive voice, including participles and conjuncts sharing a passive auxiliary ("were arrested and deported")."""
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in v.children) and v.tag_ in ("VBD", "VBN") \
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in v.head.children):
        return True
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or (
        v.tag_ == "VBN" and v.dep_ in ("advcl", "acl", "amod", "conj", "ROOT", "relcl")
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children))


def objects_of(v: Token) -> list[Token]:
    """Direct objects and prepositional objects of a verb (one level through prepositions)."""
    out = []
    for c in v.children:
        if c.dep_ in ("dobj", "attr", "oprd", "dative"):
            out.append(c)
        elif c.dep_ in ("prep", "agent"):
            out.extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
            out.extend(p for q in c.conjuncts for p in q.children if p.dep_ == "pobj")
    for o in list(out):   # "a multitude of novels", "the ranks of the movement"
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def shared_objects(v: Token) -> list[Token]:
    """Objects of a coordinated verb shared by right-node raising ("wrote and printed leaflets")."""
    for c in v.children:
        if c.dep_ == "conj" and c.pos_ == "VERB":
            return objects_of(c)
    return []


def lemmas_of(toks) -> set[str]:
    """Lower-case lemmas and forms of some tokens."""
    return {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}


def deep_lemmas(v: Token) -> set[str]:
    """Lemmas anywhere under the verb's objects and prepositions ("held for two years in prison")."""
    return lemmas_of(w for c in v.children if c.dep_ in ("prep", "dobj", "agent", "attr") for w in c.subtree)


def has_place(toks, places: set[int]) -> bool:
    """Whether a place token lies under any of ``toks``."""
    return any(w.i in places for t in toks for w in t.subtree)


def vlemma(v: Token) -> str:
    """Lemma of a verbal trigger, including participles the tagger calls adjectives ("married")."""
    return ADJ_LEMMAS.get(v.lower_, v.lemma_.lower()) if v.pos_ == "ADJ" else v.lemma_.lower()
