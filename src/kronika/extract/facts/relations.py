"""FactContext -> relations between people (and people and organisations) stated by verbs and nouns.

met, worked_with, friend_of, spouse_of (married), opposed, denounced, wrote_about,
succeeded, influenced; coordinated verbs share their objects ("He meets and works
with Lenin and Trotsky" gives met and worked_with for both).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...lexicons import mapping
from ...records import Relation
from .context import FactContext, add_fact, add_relation, name_at

#: verb lemma -> (relation, prepositions that introduce the other party); the subject is the relation's source.
VERBS = {lemma: (rel, set(preps)) for lemma, (rel, preps) in mapping("facts", "relation_verbs").items()}
#: noun -> (relation, prepositions that introduce the other party): "his friendship with X".
NOUNS = {noun: (rel, set(preps)) for noun, (rel, preps) in mapping("facts", "relation_nouns").items()}

def _party(ctx: FactContext, o: Token, orgs: bool = True, hops: int = 2) -> list[tuple[str, Token]]:
    """Keys of the people (or organisations) a token and its conjuncts name; one 'the rise of X' hop allowed."""
    out = []
    for t in [o] + [c for c in o.conjuncts if c.i > o.i]:
        if t.lower_ in ("him", "her", "he", "she", "them", "it", "that", "which", "who"):
            continue
        key = ctx.person_of(t)
        if key is None:
            e = ctx.ent_of(t)
            if orgs and e is not None and e.type == "ORG":
                key = e.key
            elif t.pos_ == "PROPN" and t.text[:1].isupper() and (e is None or e.type in ("PERSON", "ORG")):
                key = name_at(ctx, t)[2]
        if key is None and t.pos_ == "NOUN":
            # "married fellow poet Ted Hughes", "met the critic, Ivan Petrov": the name in apposition
            named = [c for c in t.children if c.dep_ == "appos" and ctx.person_of(c)]
            if named:
                out.append((ctx.person_of(named[0]), named[0]))
                continue
        if key is None and t.pos_ == "NOUN":
            # "denounced his poems": the author of what is attacked
            poss = [c for c in t.children if c.dep_ == "poss"]
            if poss and ctx.person_of(poss[0]):
                key = ctx.person_of(poss[0])
        if key is not None:
            out.append((key, t))
        elif hops and t.pos_ == "NOUN":
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += _party(ctx, p, orgs, hops - 1)
    return out


def _verb_objects(v: Token, preps: set[str]) -> list[Token]:
    out = []
    for c in v.children:
        if c.dep_ in ("dobj",):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in preps:
            out += [o for o in c.children if o.dep_ == "pobj"]
    return out


def _antecedent(ctx: FactContext, v: Token) -> list[tuple[str, Token]]:
    """For 'the novels that X would denounce': the author of the head noun (its possessor up the tree)."""
    if v.dep_ != "relcl":
        return []
    h = v.head
    for _ in range(5):
        for c in h.children:
            if c.dep_ == "poss" and ctx.person_of(c):
                return [(ctx.person_of(c), c)]
        if ctx.person_of(h) and h.pos_ == "PROPN":
            return [(ctx.person_of(h), h)]
        if h.dep_ in ("attr", "appos", "pobj", "prep", "conj") or h.head.lemma_ == "be":
            if h.dep_ == "attr" or h.head.lemma_ == "be":
                subj = [c for c in h.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    h = subj[0]
                    continue
            h = h.head
            continue
        break
    return []


def person_relations(ctx: FactContext) -> None:
    for v in ctx.sdoc:
        lem = v.lemma_.lower()
        if v.lower_ == "married" and v.pos_ == "ADJ":
            lem = "marry"  # "is married to X"
        if lem in VERBS and v.pos_ in ("VERB", "AUX", "ADJ"):
            rel, preps = VERBS[lem]
            passive = any(c.dep_ == "auxpass" for c in v.children)
            subject = ctx.clause_subject(v)
            if passive:
                agents = [o for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
                for a in agents:
                    for key, t in _party(ctx, a):
                        _add(ctx, key, rel, subject, v, t)
                continue
            objs = _verb_objects(v, preps)
            if not objs:
                # coordinated verbs share objects: "meets and works with Lenin"
                for cj in list(v.conjuncts):
                    if not _verb_objects(cj, VERBS.get(cj.lemma_.lower(), ("", preps))[1] | preps):
                        continue
                    objs = _verb_objects(cj, VERBS.get(cj.lemma_.lower(), ("", preps))[1] | preps)
                    break
            parties = [p for o in objs for p in _party(ctx, o)]
            if not parties and any(o.lower_ in ("that", "which") for o in objs) or (not objs and v.dep_ == "relcl"):
                parties = _antecedent(ctx, v)
            holder = subject
            if v.dep_ == "relcl" and not any(c.dep_ == "nsubj" for c in v.children):
                holder = None  # "the books that were denounced": no one in particular
            if holder is None and v.dep_ == "relcl" and rel in ("denounced", "opposed"):
                fallback, found = _broken_parse(ctx, v)
                holder = fallback
                parties = parties or found
            for key, t in parties:
                _add(ctx, holder, rel, key, v, t)
        elif v.lower_ in NOUNS and v.pos_ == "NOUN":
            rel, preps = NOUNS[v.lower_]
            poss = [c for c in v.children if c.dep_ == "poss"]
            if not poss and not v.lower_.startswith("marriage"):
                continue
            holder = ctx.person_of(poss[0]) if poss else ctx.clause_subject(v)
            for o in _verb_objects(v, preps):
                for key, t in _party(ctx, o, orgs=rel in ("opposed", "denounced")):
                    _add(ctx, holder, rel, key, poss[0] if poss else v, t)
    _from_facts(ctx)


def _broken_parse(ctx: FactContext, v: Token):
    """'the novels that the turncoat Karl Radek ... would denounce' when the parser lost the clause:
    the nearest person before the verb denounces the author the sentence's subject belongs to."""
    sent = v.sent
    holder_tok = next((t for t in reversed(list(sent.doc[max(sent.start, v.i - 12):v.i]))
                       if ctx.person_of(t) and t.lower_ not in ("he", "she", "his", "her")), None)
    if holder_tok is None or not any(t.lower_ in ("that", "which") for t in sent.doc[max(sent.start, v.i - 15):v.i]):
        return None, []
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            for p in c.children:
                if p.dep_ == "poss" and ctx.person_of(p) and ctx.person_of(p) != ctx.person_of(holder_tok):
                    return ctx.person_of(holder_tok), [(ctx.person_of(p), holder_tok)]
    return None, []


def _add(ctx: FactContext, a: str | None, rel: str, b: str | None, trigger: Token, other: Token) -> None:
    if not a or not b:
        return
    lo = min(trigger.idx, other.idx)
    hi = max(trigger.idx + len(trigger.text), other.idx + len(other.text))
    e = ctx.ent_of(other)
    if e is not None:
        lo, hi = min(lo, e.start), max(hi, e.end)
    add_relation(ctx, a, rel, b, (lo, hi), 0.7)
    if rel == "spouse_of":
        add_fact(ctx, a, "spouse", (other.idx, hi, b, b), (lo, hi), 0.75)


def _from_facts(ctx: FactContext) -> None:
    """member_of, spouse, parent, child and sibling facts as relations between their entities."""
    rels = {"member_of": "member_of", "spouse": "spouse_of", "parent": "child_of", "child": "parent_of",
            "sibling": "sibling_of"}
    for f in list(ctx.facts):
        if f.attribute in rels and f.value_key and f.value_key != f.subject:
            ctx.relations.append(Relation(f.subject, rels[f.attribute], f.value_key, f.source,
                                          confidence=round(f.confidence * 0.9, 3)))
