"""FactContext -> family facts and relations from relational nouns: 'son of X', 'his wife X', "Trotsky's widow Y".

A relational noun N links an *owner* O (its possessor, or the person it is said of)
and a *relative* R (the name in apposition, or the object of 'of'): "his son Otto"
(O = he, R = Otto: O has child Otto); "X is the daughter of Y" (O = Y, R = X).
Friend/comrade/colleague nouns give relations only.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ...lexicons import mapping
from .context import FactContext, _is_self, add_fact, add_relation, country_of, name_at

# noun -> (attribute of the owner whose relative it is, relation relative->owner)
KIN = mapping("facts", "kin_nouns")
# the owner's attribute seen from the relative: "X is the son of Y" -> X's parent is Y
INVERSE = {"child": "parent", "parent": "child", "sibling": "sibling", "spouse": "spouse"}
SYMMETRIC = {"sibling_of", "spouse_of", "friend_of", "comrade_of", "worked_with"}


def _people(ctx: FactContext, o: Token) -> list[tuple[str, tuple[int, int, str, str | None]]]:
    """The person named by token o and its conjuncts: (key, value span)."""
    out = []
    for t in [o] + [c for c in o.conjuncts if c.i > o.i]:
        key = ctx.person_of(t)
        if t.lower_ in ("he", "she", "him", "her", "his"):
            continue
        if key is None and not (t.pos_ == "PROPN" and t.text[:1].isupper()):
            continue
        e = ctx.ent_of(t)
        if key is None and (e is not None and e.type == "NORP" or country_of(t.text)
                            or ctx.date_at(t.idx, t.idx + len(t.text))):
            continue  # "her mother ... was a second-generation American": a nationality, not a name
        v = _no_possessive(name_at(ctx, t))
        out.append((key or v[2], (v[0], v[1], v[2], key or v[3])))
    return out


def _no_possessive(v):
    """"Kershner's American" -> "Kershner": a person's name ends at a possessive."""
    m = re.search(r"\s*['’]s\b", v[2])
    if m and m.start() > 0:
        return v[0], v[0] + m.start(), v[2][:m.start()], v[3]
    return v


def _relative_tokens(n: Token) -> list[Token]:
    """The name a relational noun introduces: 'his son, Otto' (appos), 'his son Otto' (the name is the head)."""
    out = [c for c in n.children if c.dep_ == "appos"]
    if n.dep_ == "compound" and n.head.pos_ == "PROPN":
        out.append(n.head)
    if n.dep_ == "nsubj" and n.head.lemma_ == "be":
        for a in n.head.children:
            if a.dep_ == "attr":
                # "his closest comrade was Orlov's widow Irina Orlova": the attr may itself introduce the name
                out += [a] if a.pos_ == "PROPN" else _relative_tokens(a)
    doc = n.doc
    if not out and n.i + 1 < len(doc) and doc[n.i + 1].pos_ == "PROPN" and doc[n.i + 1].head.i != n.i:
        out.append(doc[n.i + 1])
    return out


HONORIFIC = re.compile(r"^(?:(?:the\s+)?(?:Sir|Lord|Lady|Dame|Dr\.?|Reverend|Rev\.|Mr\.?|Mrs\.?|Ms\.?|Madame)\s+)+")


def _persons_in(ctx: FactContext, o: Token, exclude: str | None = None):
    """Every person named in o's phrase ('A (1820–88) and his wife B', 'actors A and B'), relative clauses excluded."""
    stack, toks = [o], []
    while stack:
        x = stack.pop()
        toks.append(x)
        stack += [c for c in x.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp")]
    out, seen = [], set()
    for t in sorted(toks, key=lambda x: x.i):
        key = ctx.person_of(t)
        if key is None or t.lower_ in ("he", "she", "him", "her", "his", "hers") or t.pos_ != "PROPN":
            continue
        v = _no_possessive(name_at(ctx, t))
        if v[0] in seen:
            continue
        if key == exclude:
            if set(v[2].split()) <= set((exclude or "").split()):
                continue  # the bearer's own name
            key = None  # 'Paul Desmarais Sr' beside 'Paul Desmarais Jr.': a namesake, not the bearer
        seen.add(v[0])
        m = HONORIFIC.match(v[2])
        if m and m.end() < len(v[2]):
            v = (v[0] + m.end(), v[1], v[2][m.end():], v[3])
        out.append((key or v[2], (v[0], v[1], v[2], key)))
    return out


def _owner(ctx: FactContext, n: Token) -> str | None:
    for c in n.children:
        if c.dep_ == "poss":
            h = n
            while h.dep_ in ("conj", "compound") and h.head.i != h.i:
                h = h.head  # "A and his wife B": 'his' is A
                if h.pos_ == "PROPN" and ctx.person_of(h):
                    return ctx.person_of(h) if c.lower_ in ("his", "her") else ctx.person_of(c)
            if c.lower_ in ("his", "her") and c.i > 0 and n.doc[c.i - 1].lower_ == "and" \
                    and (any(a.dep_ == "prep" and a.lower_ == "of" for a in n.ancestors)
                         or n.dep_ == "conj" and any(x.dep_ == "prep" and x.lower_ == "of" for x in n.head.children)):
                return None  # "the son of A and his wife B": 'his' is A, whose name the parse lost
            return ctx.person_of(c)
    if n.dep_ == "compound" and n.head.pos_ == "PROPN":
        for c in n.head.children:
            if c.dep_ == "poss":
                return ctx.person_of(c)
    return None


HAVE = {"have", "raise", "adopt", "father", "bear", "survive"}


def _haver(ctx: FactContext, n: Token) -> str | None:
    """'He had two sons, A and B', 'They had four children: A, B and C' (they: the subject and the spouse the
    sentence before names), 'She was survived by her ...' is read by the possessive."""
    if n.dep_ != "dobj" or n.head.lemma_.lower() not in HAVE:
        return None
    subj = [c for c in n.head.children if c.dep_ == "nsubj"]
    if not subj:
        return None
    if subj[0].lower_ == "they" and ctx.main:
        sent = n.sent
        before = ctx.sdoc[max(0, sent.start - 40):sent.start]
        together = any(t.lemma_.lower() in ("marry", "wife", "husband", "spouse", "wed", "marriage") for t in before)
        return ctx.main if together and ctx.clause_subject(n.head) in (None, ctx.main) else None
    return ctx.person_of(subj[0])


def _said_of(ctx: FactContext, n: Token) -> str | None:
    """The person a relational noun is predicated of: 'X is the son of', 'X, the son of', 'the son of ..., he'."""
    h = n
    while h.dep_ == "conj":
        h = h.head
    if h.dep_ == "attr" and h.head.lemma_ in ("be", "become", "remain"):
        subj = [c for c in h.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return ctx.person_of(subj[0]) if subj else None
    if h.dep_ == "appos":
        if ctx.person_of(h.head):
            return ctx.person_of(h.head)
        e = ctx.ent_of(h.head)
        # "born in Berthier, the son of ...": apposition to the birthplace, about the clause's subject
        return ctx.clause_subject(h.head) if e is not None and e.type == "PLACE" else None
    return ctx.clause_subject(h) if h.dep_ in ("npadvmod", "advcl", "ROOT", "dep", "nsubj", "oprd") else None


def kin_facts(ctx: FactContext) -> None:
    for n in ctx.sdoc:
        low = n.lower_
        if low not in KIN or n.pos_ not in ("NOUN", "PROPN") or n.text[:1].isupper() and n.i > n.sent.start:
            continue  # "Daughters of Canaan", "Children of Cambodia" are titles
        attr, rel = KIN[low]
        of = [o for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        if of:
            # "X is the son of Y (and Z)": the bearer X relative of owners Y, Z
            bearer = _said_of(ctx, n)
            if bearer is None:
                continue
            for key, v in _persons_in(ctx, of[0], exclude=bearer):
                stmt = (n.idx, v[1])
                if attr:
                    add_fact(ctx, bearer, INVERSE[attr], v, stmt, 0.8)
                _relate(ctx, bearer, rel, key, stmt)
            continue
        owner = _owner(ctx, n) or _haver(ctx, n)
        if owner is None:
            continue
        for r in _relative_tokens(n):
            found = _people(ctx, r) or (_persons_in(ctx, r, exclude=owner) if r.pos_ == "NOUN" else [])
            for key, v in found:
                if key == owner:
                    if _is_self(v[2], owner):
                        continue
                    key, v = v[2], (v[0], v[1], v[2], None)  # 'his son Jean-Marc' keyed as the father: a namesake
                stmt = (min(n.idx, v[0]), max(n.idx + len(n.text), v[1]))
                poss = [c for c in n.children if c.dep_ == "poss"]
                if poss:
                    stmt = (min(stmt[0], poss[0].idx), stmt[1])
                if attr:
                    add_fact(ctx, owner, attr, v, stmt, 0.8)
                    if attr == "spouse":  # the widow's own spouse fact
                        add_fact(ctx, key, "spouse", (stmt[0], stmt[0], owner, owner), stmt, 0.7)
                _relate(ctx, key, rel, owner, stmt)


def _relate(ctx: FactContext, relative: str, rel: str, owner: str, stmt: tuple[int, int]) -> None:
    """relative --rel--> owner ('Sedova widow_of Trotsky'), plus spouse_of for a widow; symmetric ones owner first."""
    if rel in SYMMETRIC:
        add_relation(ctx, owner, rel, relative, stmt)
    elif rel == "influenced":
        add_relation(ctx, relative, "influenced", owner, stmt)
    elif rel == "succeeded":
        add_relation(ctx, relative, "succeeded", owner, stmt)
    else:
        add_relation(ctx, relative, rel, owner, stmt)
        if rel == "widow_of":
            add_relation(ctx, relative, "spouse_of", owner, stmt)
