"""FactContext -> notable_work facts: 'his novel X', 'the film X', 'author of X', 'X is an album by P', 'wrote X'.

A work is a capitalised or quoted title next to a work noun or as the object of a
creative verb, credited to the possessor, the clause subject or the 'by' agent.
"""
from __future__ import annotations

from spacy.tokens import Token

from .fact_context import FactContext, add_fact, name_at

WORK_NOUNS = {"novel", "book", "album", "film", "movie", "song", "single", "poem", "play", "opera", "symphony",
              "memoir", "memoirs", "painting", "series", "ep", "musical", "novella", "collection", "documentary",
              "sitcom", "show", "ballet", "essay", "treatise", "biography", "autobiography", "trilogy", "debut",
              "venture", "directorial", "sculpture", "comic", "strip", "cantata", "concerto", "oratorio", "story",
              "stories", "work", "works", "poems", "novels", "books", "albums", "films", "songs", "plays", "record",
              "soundtrack", "score", "mass", "requiem", "suite", "sonata", "magazine", "journal", "newspaper"}
CREATE = {"write", "compose", "direct", "publish", "record", "release", "paint", "create", "produce", "author",
          "co-write", "cowrite", "pen", "script", "design", "build", "star", "found"}
QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»"}


def _title_after(ctx: FactContext, i: int) -> tuple[int, int, str, str | None] | None:
    """A title starting at token i (after a comma or an opening quote): quoted text or a capitalised run."""
    doc = ctx.sdoc
    while i < len(doc) and doc[i].text in (",", ":", "(", "specifically"):
        i += 1
    if i >= len(doc):
        return None
    if doc[i].text in QUOTES:
        for j in range(i + 1, min(len(doc), i + 15)):
            if doc[j].text in QUOTES:
                if j > i + 1:
                    s, e = doc[i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
                    return s, e, ctx.document.text[s:e], None
                return None
        return None
    t = doc[i]
    if not t.text[:1].isupper() or ctx.date_at(t.idx, t.idx + len(t.text)) or t.pos_ == "PRON":
        return None
    e = ctx.ent_of(t)
    if e is not None and e.type in ("PERSON", "PLACE", "NORP"):
        return None
    v = name_at(ctx, t)
    if v[0] < t.idx:  # the run started before the title: take it from the title on
        v = (t.idx, v[1], ctx.document.text[t.idx:v[1]], v[3])
    return v


def _owner(ctx: FactContext, n: Token) -> str | None:
    for c in n.children:
        if c.dep_ == "poss":
            return ctx.person_of(c)
    for c in n.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for o in c.children:
                if o.dep_ == "pobj":
                    return ctx.person_of(o)
    h = n
    while h.dep_ in ("appos", "conj", "compound", "amod"):
        h = h.head
    for c in h.children:
        if c.dep_ == "poss":
            return ctx.person_of(c)
    if h.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass") and h.head.lemma_.lower() in CREATE | {"be", "include"}:
        return ctx.clause_subject(h.head)
    return None


def work_facts(ctx: FactContext) -> None:
    doc = ctx.sdoc
    for t in doc:
        low = t.lower_
        if low in WORK_NOUNS and t.pos_ in ("NOUN", "ADJ", "PROPN"):
            owner = _owner(ctx, t)
            if owner is None:
                continue
            j = t.i + 1
            titles = []
            v = _title_after(ctx, j)
            while v is not None and len(titles) < 6:
                titles.append(v)
                k = doc.char_span(v[0], v[1], alignment_mode="expand")
                if k is None:
                    break
                j = k.end
                while j < len(doc) and doc[j].text in QUOTES | {"("}:
                    j += 1
                    if doc[j - 1].text == "(":
                        while j < len(doc) and doc[j - 1].text != ")":
                            j += 1
                if j < len(doc) and doc[j].lower_ in ("and", ",", "or"):
                    j += 1
                    if j < len(doc) and doc[j].lower_ == "and":
                        j += 1
                    v = _title_after(ctx, j)
                else:
                    v = None
            for v in titles:
                add_fact(ctx, owner, "notable_work", v, (t.idx, v[1]), 0.7)
        elif low == "author" and t.pos_ == "NOUN":
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    v = _title_after(ctx, c.i + 1)
                    owner = _owner_of_role(ctx, t)
                    if v and owner:
                        add_fact(ctx, owner, "notable_work", v, (t.idx, v[1]), 0.75)
        elif t.lemma_.lower() in CREATE and t.pos_ == "VERB":
            for c in t.children:
                if c.dep_ == "dobj" and c.i == t.i + 1 or (c.dep_ == "dobj" and doc[t.i + 1].text in QUOTES):
                    v = _title_after(ctx, t.i + 1)
                    subject = ctx.clause_subject(t)
                    if v and subject and v[3] != subject:
                        add_fact(ctx, subject, "notable_work", v, (t.idx, v[1]), 0.65)


def _owner_of_role(ctx: FactContext, n: Token) -> str | None:
    h = n
    while h.dep_ == "conj":
        h = h.head
    if h.dep_ == "attr":
        subj = [c for c in h.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return ctx.person_of(subj[0]) if subj else None
    if h.dep_ == "appos":
        return ctx.person_of(h.head)
    return ctx.clause_subject(n)
