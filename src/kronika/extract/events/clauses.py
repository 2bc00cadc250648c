"""spaCy Doc -> event predicates: triggers typed by the lexicon in context, and the tokens naming their subjects."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...lexicons import words
from .lexicon import (ACTIVE_ONLY, EDUCATION_OBJECTS, EXILE_NOUNS, GATHERING_OBJECTS, HONOUR_OBJECTS,
                            NEEDS_ARGUMENT,
                            NOUN_NEEDS_COMPLEMENT, NOUN_TYPES, OBJECT_PATIENT, ORG_OBJECTS,
                            PARTICIPATION_OBJECTS, PASSIVE_ONLY, PERIODICAL_OBJECTS, POSITION_OBJECTS,
                            PRISON_NOUNS, ROLE_NOUN_TYPES, ROLE_NOUNS, VERB_TYPES, WORK_OBJECTS)
from .modality import first_person

MOTION = {"travel", "residence"}


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


def _children(t: Token, deps: set[str]) -> list[Token]:
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


def _objects(v: Token) -> list[Token]:
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


def _lemmas(toks) -> set[str]:
    return {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}


def _has_place(toks, places: set[int]) -> bool:
    return any(w.i in places for t in toks for w in t.subtree)


ADJ_LEMMAS = {"married": "marry", "born": "bear", "exiled": "exile", "imprisoned": "imprison",
              "jailed": "jail", "arrested": "arrest", "deported": "deport", "divorced": "divorce",
              "widowed": "widow", "educated": "educate", "released": "release", "banished": "banish"}
PLACE_NOUNS = words("events", "place_nouns")


def vlemma(v: Token) -> str:
    """Lemma of a verbal trigger, including participles the tagger calls adjectives ("married")."""
    return ADJ_LEMMAS.get(v.lower_, v.lemma_.lower()) if v.pos_ == "ADJ" else v.lemma_.lower()


def _deep(v: Token) -> set[str]:
    """Lemmas anywhere under the verb's objects and prepositions ("held for two years in prison")."""
    return _lemmas(w for c in v.children if c.dep_ in ("prep", "dobj", "agent", "attr") for w in c.subtree)


def _shared_objects(v: Token) -> list[Token]:
    """Objects of a coordinated verb shared by right-node raising ("wrote and printed leaflets")."""
    for c in v.children:
        if c.dep_ == "conj" and c.pos_ == "VERB":
            return _objects(c)
    return []


def verb_type(v: Token, places: set[int], persons: set[int]) -> str | None:
    """The event type a verb states in its context, or None."""
    lem = vlemma(v)
    prts = {c.lower_ for c in v.children if c.dep_ == "prt"}
    preps = {c.lower_ for c in v.children if c.dep_ in ("prep", "agent")}
    objs = _objects(v) or _shared_objects(v)
    olem = _lemmas(objs)
    deep = _deep(v)
    dobj = _children(v, {"dobj"})
    passive = is_passive(v)
    # phrasal and object-dependent senses first
    if lem == "take" and any(o.lemma_ == "part" for o in dobj):
        return "participation"
    if lem in ("become", "get", "be") and any(c.lower_ == "involved" for c in v.children
                                               if c.dep_ in ("acomp", "oprd", "attr", "xcomp", "dobj")):
        return "participation"
    if lem == "involve" and passive and "in" in preps:
        return "participation"
    if lem == "make" and olem & {"contact", "contacts", "acquaintance", "friend", "friends"}:
        return "meeting"
    if lem in ("find", "make", "wend") and any(o.lemma_ == "way" for o in dobj):
        return "travel" if _has_place(_objects(v) + [c for o in dobj for c in o.children], places) or preps \
            or any(c.dep_ == "prep" for o in dobj for c in o.children) else None
    if lem in ("send", "ship", "transport", "take"):
        if olem & EXILE_NOUNS:
            return "exile"
        if olem & PRISON_NOUNS and lem != "take":
            return "imprisonment"
        if _has_place(objs, places) and ("to" in preps or "into" in preps):
            return "exile" if passive else "travel"
        return None
    if lem in ("spend", "serve") and deep & (PRISON_NOUNS | {"sentence", "term"}) - {"labour", "labor"}:
        return "imprisonment"
    if lem == "spend" and _has_place(objs, places):
        return "residence"
    if lem in ("hold", "keep", "put", "throw", "lock") and deep & PRISON_NOUNS:
        return "imprisonment"
    if lem in ("secure", "gain", "win", "regain", "obtain") and olem & {"freedom", "release", "liberty"}:
        return "release"
    if lem == "win" and "over" in prts:
        return "conversion"
    if lem in ("turn", "convert", "switch", "go") and "over" in prts:
        return "conversion"
    if lem == "give" and "birth" in olem:
        return None
    if lem == "grow" and "up" not in prts:
        return None
    if lem == "lead" and "to" in preps:
        return None
    if lem == "lead" and olem & PARTICIPATION_OBJECTS:
        return "participation"
    if lem in ("go", "come", "move") and prts & {"on", "along", "through", "back"} and not _has_place(objs, places):
        return None          # "went on to become", "came along"
    if lem == "fight" and not (olem & PARTICIPATION_OBJECTS or _has_place(objs, places) or "in" in preps):
        return None          # "fighting for change"
    if lem == "hold":
        return "role" if olem & POSITION_OBJECTS else None
    if lem == "visit" and dobj and (dobj[0].pos_ == "PRON" or dobj[0].i in persons):
        return "meeting"
    if lem in ("receive", "win", "award"):
        return "other" if deep & HONOUR_OBJECTS or any(o.ent_type_ == "WORK_OF_ART" for o in objs) else None
    if lem in ("obtain", "earn"):
        return "education" if olem & {"degree", "doctorate", "diploma", "ba", "ma", "phd", "bachelor", "master"} else None
    if lem in ("produce", "stage", "premiere"):
        return "publication" if olem & WORK_OBJECTS or any(w.ent_type_ == "WORK_OF_ART" for o in objs
                                                            for w in o.subtree) else None
    if lem in ("remove", "dismiss") and not preps & {"from", "as"}:
        return None
    if lem in ("elect", "appoint", "name") and v.dep_ == "amod":
        return None
    if v.tag_ == "VBG" and v.dep_ in ("amod", "acl", "pcomp", "ROOT") and not objs and lem not in ("bear",):
        return None          # "the fleeing army", bare gerunds
    t = VERB_TYPES.get(lem)
    if t is None:
        return None
    if lem in PASSIVE_ONLY and not passive and not (
            lem in OBJECT_PATIENT and any(o.pos_ in ("PRON", "PROPN") and o.lower_ not in ("it", "them", "they")
                                          for o in dobj)):
        return None
    if t == "death" and not passive and lem != "die" and not any(o.pos_ == "PROPN" for o in dobj) \
            and (not dobj or _unnamed_human_before(v)):
        return None      # "took away a friend ... and shot him": the victim is someone else
    if lem in ACTIVE_ONLY and passive:
        return None
    if lem == "sentence":
        if deep & EXILE_NOUNS:
            return "exile"
        if "death" in deep or "execution" in deep:
            return "other"
        return "imprisonment"
    if lem in ("join", "participate", "enlist"):
        if objs and all(o.pos_ == "PROPN" and o.ent_type_ in ("ORG", "NORP", "") for o in objs) and lem == "join":
            return "membership"
        if olem & PARTICIPATION_OBJECTS or _lemmas(w for o in objs for w in o.subtree) & {"revolution", "war", "uprising"}:
            return "participation"
        return t
    if lem == "work":
        if "with" in preps:
            return "collaboration"
        if preps & {"as", "for", "in", "at", "on"}:
            return "role"
        return None
    if lem in ("write", "author", "compose", "pen"):
        objs = [c for c in v.children if c.dep_ == "dobj"] or _shared_objects(v)
        objs = objs + [p for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj"] + [c for o in objs for c in o.children
                                                                    if c.dep_ == "appos"]
        olem = _lemmas(objs)
        if any(o.pos_ == "PROPN" and o.i not in persons and o.i not in places and o.dep_ == "dobj" for o in objs):
            return "authorship"          # "wrote The Detainee"
        if olem & WORK_OBJECTS or "for" in preps or any(
                w.ent_type_ == "WORK_OF_ART" for o in objs for w in o.subtree):
            return "authorship"
        return None
    if lem in ("found", "establish"):
        if olem & PERIODICAL_OBJECTS or olem & WORK_OBJECTS:
            return "publication"
        return "other" if objs else None
    if lem == "publish":
        return "publication"
    if lem == "serve":
        if "as" in preps:
            return "role"
        if olem & ORG_OBJECTS or olem & {"army", "navy", "military", "government"}:
            return "role"
        return None
    if lem == "become":
        attrs = _children(v, {"attr", "oprd"})
        if not attrs:
            return None
        a = attrs[0].lemma_.lower()
        return ROLE_NOUN_TYPES.get(a, "role")
    if lem in ("meet", "befriend", "encounter"):
        return t if objs or v.dep_ == "relcl" or any(c.dep_ == "conj" for c in v.children) else None
    if lem == "study":
        return t
    if lem in ("attend",):
        if olem & GATHERING_OBJECTS:
            return "participation"
        return "education" if olem & EDUCATION_OBJECTS else None
    if lem in ("leave",):
        if _has_place(dobj, places) or "for" in preps:
            return "travel"
        return None
    if lem in ("remove", "dismiss", "expel", "exclude"):
        return t
    if lem in ("free", "release", "liberate") and not passive and not v.dep_ in ("advcl",):
        # "X released Y": the person is the object, handled by subject_token
        return t
    if t in MOTION and lem in NEEDS_ARGUMENT:
        return t if _has_place(objs + _children(v, {"advmod"}), places) or olem & (EXILE_NOUNS | PLACE_NOUNS) else None
    if lem in NEEDS_ARGUMENT and not objs:
        return None
    return t


HUMAN_NOUNS = words("events", "human_nouns")


def _unnamed_human_before(v: Token) -> bool:
    """A person named only by a common noun earlier in the sentence, not as anyone's subject (the agents)."""
    subj = {w.i for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}
    cur = v
    while cur.dep_ == "conj":
        cur = cur.head
        subj |= {w.i for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}
    return any(w.pos_ == "NOUN" and w.lemma_.lower() in HUMAN_NOUNS and w.i not in subj
               and w.dep_ not in ("nsubj", "nsubjpass", "compound") for w in v.doc[v.sent.start:v.i])


def _control_subject(v: Token) -> Token | None:
    """Subject of a verb, inherited through coordination, control and participial clauses."""
    seen = 0
    cur = v
    while cur is not None and seen < 8:
        seen += 1
        subj = _children(cur, {"nsubj", "nsubjpass"})
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
        for o in _children(v, {"dobj"}):
            poss = _children(o, {"poss"})
            if poss:
                return poss[0]
    if lem_type in ("publication", "authorship") and is_passive(v):
        for s_ in _children(v, {"nsubjpass"}):
            for w in s_.subtree:        # "His debut novel, X, was published", "his novel X was published"
                poss = _children(w, {"poss"})
                if poss and w.lower_ in WORK_OBJECTS:
                    return poss[0]
    if (lem in OBJECT_PATIENT or lem == "take") and not is_passive(v):
        dobj = _children(v, {"dobj"})
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
                    "nsubj", "appos", "ROOT") and not (t.head.pos_ == "VERB" and vlemma(t.head) in ("publish", "write")):
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
    attrs = _children(be, {"attr"})
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
