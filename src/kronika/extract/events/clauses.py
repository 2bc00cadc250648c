"""spaCy Doc -> event predicates: triggers typed by the lexicon in context, and the tokens naming their subjects."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicon import (CREATION_OBJECTS, EXILE_NOUNS, NOUN_NEEDS_COMPLEMENT, NOUN_TYPES, OBJECT_PATIENT, PRISON_NOUNS, ROLE_NOUN_TYPES,
                      ROLE_NOUNS, WORK_OBJECTS)
from .modality import first_person
from .senses import verb_type
from .syntax import ADJ_LEMMAS, children_with, is_passive, vlemma


@dataclass
class Predicate:
    """One event-stating predicate before it becomes an Event."""

    trigger: Token
    type: str
    kind: str                       # verb, noun, copula
    subject: Token | None = None    # token whose referent is the person
    head: Token | None = None       # the token whose clause is the event (verb, noun or attr)
    args: list[Token] = field(default_factory=list)   # argument tokens (for places/participants)
    borrowed: list[Token] = field(default_factory=list)


def _control_subject(v: Token) -> Token | None:
    """Subject of a verb, inherited through coordination, control and participial clauses."""
    seen = 0
    cur = v
    while cur is not None and seen < 8:
        seen += 1
        subj = children_with(cur, {"nsubj", "nsubjpass"})
        if subj:
            return subj[0]
        if cur.dep_ in ("conj", "xcomp", "acomp", "oprd"):
            cur = cur.head
            continue
        if cur.dep_ in ("advcl", "acl", "csubj", "csubjpass") and cur.tag_ in ("VBG", "VBN", "VB"):
            cur = cur.head
            continue
        if cur.dep_ in ("amod", "acl") and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ in ("pcomp",) and cur.head.head is not None:
            cur = cur.head.head
            continue
        if cur.dep_ == "ROOT":
            return _stray_subject(cur)
        return None
    return None


def _stray_subject(v: Token) -> Token | None:
    """A misparsed subject left of a subjectless main verb ("Born in X to parents Serge joined ...")."""
    for w in reversed(list(v.doc[v.sent.start:v.i])):
        if w.pos_ in ("PROPN", "PRON") and w.dep_ in ("appos", "npadvmod", "dep", "nmod", "compound", "pobj") \
                and w.head.dep_ != "poss" and w.dep_ != "poss":
            if w.dep_ == "compound" and w.head.pos_ == "PROPN":
                return w.head
            return w
        if w.pos_ == "VERB" and w.dep_ in ("ROOT", "ccomp", "conj"):
            return None
    return None


def subject_token(v: Token, lem_type: str) -> Token | None:
    """The token standing for the person whose event this predicate is."""
    lem = vlemma(v)
    if lem in ("secure", "gain", "win", "regain", "obtain") and lem_type == "release":
        for o in children_with(v, {"dobj"}):
            poss = children_with(o, {"poss"})
            if poss:
                return poss[0]
    if lem_type in ("publication", "authorship", "premiere", "creation") and (is_passive(v) or lem in ("premiere", "premier")):
        for s_ in children_with(v, {"nsubjpass", "nsubj"}):
            for w in s_.subtree:        # "His debut novel, X, was published", "her opera premiered in Milan"
                poss = children_with(w, {"poss"})
                if poss and (w.lower_ in WORK_OBJECTS or w.lower_ in CREATION_OBJECTS):
                    return poss[0]
    if (lem in OBJECT_PATIENT or lem == "take") and not is_passive(v):
        dobj = children_with(v, {"dobj"})
        if dobj and dobj[0].pos_ in ("PRON", "PROPN"):
            return dobj[0]
    return _control_subject(v)


def person_in_subject(t: Token, who: dict[int, str]) -> Token | None:
    """The person a subject phrase stands for: its head, or a person it includes/coordinates."""
    if t.i in who:
        return t
    for c in t.children:
        if c.dep_ in ("compound", "flat", "appos") and c.i in who:
            return c
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("including", "among", "like"):
            for p in c.children:
                if p.i in who:
                    return p
        if c.dep_ == "conj" and c.i in who and t.pos_ != "PROPN":
            return c
        if c.dep_ == "appos":
            for p in c.subtree:
                if p.i in who:
                    return p
    if t.dep_ == "appos" and t.head.i in who:     # "Victor Serge, a Belgian born Russian"
        return t.head
    return None


def participle_fallback(v: Token, who: dict[int, str]) -> Token | None:
    """For a subjectless participle whose controller is not a person ("each book chronicling his time ...,
    being incarcerated ..."), the nearest person reference before it in the sentence."""
    if v.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    for w in reversed(list(v.doc[v.sent.start:v.i])):
        if w.i in who and not first_person(w):
            return w
    return None


def find_predicates(sdoc: Doc, places: set[int], persons: set[int]) -> list[Predicate]:
    """Every verb, nominal and copular predicate that states a life event (before subject checks)."""
    out: list[Predicate] = []
    verb_types: dict[int, str] = {}
    for t in sdoc:
        if t.pos_ in ("VERB", "AUX") or (t.tag_ in ("VBN", "VBG", "VBD", "VBZ", "VBP") and t.pos_ != "AUX") \
                or (t.pos_ == "ADJ" and t.lower_ in ADJ_LEMMAS and t.dep_ in ("ROOT", "conj", "acomp", "amod", "advcl")):
            typ = verb_type(t, places, persons)
            if typ is None and t.lemma_.lower() in ("be", "remain") and t.pos_ == "AUX":
                typ = _copula_type(t)
                if typ:
                    out.append(Predicate(t, typ, "copula", head=t))
                continue
            if typ:
                verb_types[t.i] = typ
                out.append(Predicate(t, typ, "verb", head=t))
    for t in sdoc:
        if t.pos_ not in ("NOUN", "PROPN") and t.tag_ not in ("NN", "NNS"):
            continue
        typ = NOUN_TYPES.get(t.lower_) or NOUN_TYPES.get(t.lemma_.lower())
        if typ is None and t.lemma_.lower() in TIME_NOUNS:
            p = _time_in_place(t, places)
            if p:
                out.append(p)
            continue
        if typ is None and t.lower_ in WORK_OBJECTS and t.lower_ not in ("work", "works", "paper", "review", "history", "story"):
            if any(c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN") for c in t.children) and t.dep_ in (
                    "nsubj", "appos", "ROOT") and not (t.head.pos_ == "VERB" and vlemma(t.head) in ("publish", "write")) \
                    and t.head.i not in verb_types:          # "her opera premiered": the premiere says it
                out.append(Predicate(t, "authorship", "noun", subject=_owner(t), head=t))
            continue
        if typ is None:
            continue
        p = _noun_predicate(t, typ, verb_types, places)
        if p:
            out.append(p)
    return out


TIME_NOUNS = {"year", "month", "day", "week", "time", "stay", "period", "decade", "life", "exile"}


def _time_in_place(n: Token, places: set[int]) -> Predicate | None:
    """'his years in the Peter and Paul Fortress' (imprisonment), 'her months in London' (residence)."""
    poss = [c for c in n.children if c.dep_ == "poss"]
    if not poss:
        return None
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "on"):
            sub = list(c.subtree)
            if any(w.lemma_.lower() in PRISON_NOUNS | {"fortress", "penitentiary", "gulag"} for w in sub):
                return Predicate(n, "imprisonment", "noun", subject=poss[0], head=n)
            if any(w.i in places for w in sub):
                return Predicate(n, "residence", "noun", subject=poss[0], head=n)
    return None


def _copula_type(be: Token) -> str | None:
    attrs = children_with(be, {"attr"})
    if not attrs:
        return None
    a = attrs[0]
    lem = a.lemma_.lower()
    if lem not in ROLE_NOUNS:
        return None
    # "X is a member of", "X was a Comintern agent in Germany"
    return ROLE_NOUN_TYPES.get(lem, "role")


def _owner(n: Token) -> Token | None:
    """The possessor of an event noun, inherited by its conjuncts ("his expulsion ... and exile")."""
    poss = [c for c in n.children if c.dep_ == "poss"]
    if poss:
        return poss[0]
    if n.dep_ != "conj":
        return None
    cur = n.head
    for _ in range(4):
        if cur.pos_ in ("NOUN", "PROPN"):
            if (cur.lower_ in NOUN_TYPES or cur.lemma_.lower() in NOUN_TYPES or cur.lower_ in WORK_OBJECTS) and (
                    p := [c for c in cur.children if c.dep_ == "poss"]):
                return p[0]
        if cur.dep_ not in ("conj", "pobj", "prep") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _noun_predicate(n: Token, typ: str, verb_types: dict[int, str], places: set[int]) -> Predicate | None:
    """'his expulsion from the Party', 'exile in Orenburg', '(sent) into exile' -> a predicate."""
    owner = _owner(n)
    has_comp = any(c.dep_ == "prep" and any(w.i in places or w.lemma_.lower() in PRISON_NOUNS
                                            for w in c.subtree) for c in n.children)
    if n.lemma_.lower() in NOUN_NEEDS_COMPLEMENT and not has_comp:
        return None
    if n.lemma_.lower() in ("birth", "death") and not any(c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "near")
                                                         for c in n.children):
        return None
    if typ == "death" and n.lemma_.lower() in ("assassination", "murder", "execution"):
        victim = [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"]
        if victim:                      # "Czolgosz's assassination of McKinley": the victim dies
            if victim[0].pos_ in ("PROPN", "NUM") or any(w.pos_ == "PROPN" for w in victim[0].lefts):
                return Predicate(n, typ, "noun", subject=victim[0], head=n)
            return None                 # "the murder of a guard": someone else's death, not the subject's
    if owner is not None:
        return Predicate(n, typ, "noun", subject=owner, head=n)
    # "on release, travelling to X": an unowned release/arrival governed by the clause's verb
    if typ in ("release", "travel") and n.lemma_.lower() in ("release", "arrival", "return") and n.dep_ == "pobj" \
            and n.head.lower_ in ("on", "upon", "after", "following") and not any(
                c.dep_ in ("det", "prep") for c in n.children):
        return Predicate(n, typ, "noun", subject=None, head=n)
    # exile/prison noun as the goal of a non-event verb: "found his way to France and then into exile"
    if n.dep_ == "pobj" and n.lemma_.lower() in EXILE_NOUNS | {"prison", "jail"} and n.head.lower_ in ("into", "in", "to"):
        p = n.head
        while p.dep_ == "conj":
            p = p.head
        v = p.head
        if v.pos_ in ("VERB", "AUX") and verb_types.get(v.i) not in ("exile", "imprisonment"):
            ntype = "exile" if n.lemma_.lower() in EXILE_NOUNS else "imprisonment"
            subj = _control_subject(v)
            if subj is not None and n.head.lower_ == "into":
                return Predicate(n, ntype, "noun", subject=subj, head=n)
    return None
