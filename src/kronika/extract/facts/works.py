"""FactContext -> notable_work facts: 'his novel X', 'the film X', 'author of X', 'X is an album by P', 'wrote X'.

A work is a capitalised or quoted title next to a work noun or as the object of a
creative verb, credited to the possessor, the clause subject or the 'by' agent.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ...lexicons import words
from ...annotate import arrays

from .context import FactContext, add_fact, name_at

WORK_NOUNS = words("facts", "work_nouns")
FOR_NOUNS = {"screenplay", "score", "scores", "music", "soundtrack", "libretto", "lyrics", "script", "screenplays"}
CREATE = {"write", "compose", "direct", "publish", "record", "release", "paint", "create", "produce", "author",
          "co-write", "cowrite", "pen", "script", "design", "build", "star"}
QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»"}


def _title_after(ctx: FactContext, i: int, after_noun: bool = False) -> tuple[int, int, str, str | None] | None:
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
    if e is not None and (e.type == "NORP" or e.type in ("PERSON", "PLACE") and not after_noun):
        return None  # right after "the band"/"the film" a name is the title whatever NER thought
    if e is not None and e.type == "PERSON" and ctx.person_of(t) == ctx.main:
        return None  # "her autobiography, Goldman ..." names the author, not the book
    v = name_at(ctx, t)
    k = doc.char_span(v[0], v[1], alignment_mode="expand")
    if k is not None and k.end < len(doc) and doc[k.end].text in ("'s", "’s"):
        return None  # "Enzo G. Castellari 's Quel ..." names a director, not the title
    if v[0] != t.idx:  # keep a leading 'The'; start at the title
        v = (t.idx, v[1], ctx.document.text[t.idx:v[1]], None)
    if e is not None and e.type == "PERSON":
        v = (v[0], v[1], v[2], None)
    return v


CREDIT = CREATE | {"be", "include", "know", "acclaim", "attain", "appear", "compose", "score", "illustrate", "feature",
                   "credit", "contribute", "work", "perform", "sing", "play", "adapt", "translate", "edit", "direct",
                   "found", "form", "co-found", "join", "lead", "front"}


def _owner(ctx: FactContext, n: Token) -> str | None:
    """Whose work a work noun names: a possessor, a 'by' agent, or the subject of the creative verb above it."""
    h = n
    for _ in range(6):
        for c in h.children:
            if c.dep_ == "poss":
                return ctx.person_of(c)
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for o in c.children:
                    if o.dep_ == "pobj" and ctx.person_of(o):
                        return ctx.person_of(o)
        if h.pos_ in ("VERB", "AUX"):
            if h.lemma_.lower() in CREDIT:
                owner = ctx.clause_subject(h)
                if owner is None and h.lemma_.lower() in ("include", "be") and _only_main(ctx, n):
                    return ctx.main  # "Other compositions included ..." in X's biography
                return owner
            return None
        if h.dep_ in ("ROOT",) or h.head is h:
            return None
        h = h.head
    return None


def _only_main(ctx: FactContext, n: Token) -> bool:
    """The sentence names no person other than the document's main person."""
    for t in n.sent:
        e = ctx.ent_of(t)
        if e is not None and e.type == "PERSON" and ctx.persons.get(e.key, e.key) != ctx.main:
            return False
    return ctx.main is not None


def _titles(ctx: FactContext, i: int, after_noun: bool = False) -> list[tuple[int, int, str, str | None]]:
    """A list of titles from token i: 'Lost , Alias and Fringe', 'Close - Up ( 1990 ) , Taste of Cherry ( 1997 )'."""
    doc = ctx.sdoc
    out = []
    v = _title_after(ctx, i, after_noun)
    while v is not None and len(out) < 25:
        out.append(v)
        k = doc.char_span(v[0], v[1], alignment_mode="expand")
        if k is None:
            break
        j = k.end
        while j < len(doc) and doc[j].text in QUOTES:
            j += 1
        if j < len(doc) and doc[j].text == "(":
            close = next((x for x in range(j, min(len(doc), j + 12)) if doc[x].text == ")"), None)
            if close is None:
                break
            j = close + 1
        while j < len(doc) and doc[j].text in QUOTES:
            j += 1
        if j < len(doc) and doc[j].lower_ in ("and", ",", "or"):
            j += 1
            while j < len(doc) and (doc[j].lower_ in ("and", ",", "or") or doc[j].text == "(" and j + 2 < len(doc)
                                    and doc[j + 2].text == ")"):
                j += 3 if doc[j].text == "(" else 1  # "Edge of Sanity (1989), (1990), Robot Jox"
            v = _title_after(ctx, j, after_noun)
        else:
            v = None
    return out


def work_facts(ctx: FactContext) -> None:
    doc = ctx.sdoc
    for t in doc:
        low = t.lower_
        titles, owner = [], None
        if low in WORK_NOUNS and t.pos_ in ("NOUN", "ADJ", "PROPN"):
            owner = _owner(ctx, t)
            if owner is not None:
                titles = _titles(ctx, t.i + 1, after_noun=True)
                if not titles and t.dep_ == "attr":  # "Mess of Blues is an album by Jeff Healey"
                    subj = [c for c in t.head.children if c.dep_ == "nsubj"]
                    if subj and subj[0].text[:1].isupper() and ctx.person_of(subj[0]) is None:
                        titles = [name_at(ctx, subj[0])]
            if not titles and owner is not None and low in FOR_NOUNS:
                for c in t.children:  # "the screenplay for X", "the music to X"
                    if c.dep_ == "prep" and c.lower_ in ("for", "to", "of") and c.i == t.i + 1:
                        titles = _titles(ctx, c.i + 1)
        elif low in ("his", "her") and t.dep_ == "poss" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
            v = _title_after(ctx, t.i + 1)
            k = doc.char_span(v[0], v[1], alignment_mode="expand") if v else None
            if v and k is not None and k.root.pos_ == "PROPN" and ctx.ent_of(k.root) is None \
                    and (k.end >= len(doc) or doc[k.end].pos_ not in ("NOUN", "PROPN")):
                owner = ctx.person_of(t)
                titles = [v] if owner else []  # "his Liber Astronomiae", "her Amintiri"
        elif low in ("such", "including", "include", "includes") and t.i + 1 < len(doc):
            j = t.i + 2 if low == "such" and doc[t.i + 1].lower_ == "as" else t.i + 1
            if low == "such" and j == t.i + 1:
                continue
            if any(x.lower_ in WORK_NOUNS for x in doc[max(t.sent.start, t.i - 6):t.i]):
                owner = _owner(ctx, t.head if low == "such" else t)
                if owner is not None:
                    titles = _titles(ctx, j, after_noun=True)
        elif low == "author" and t.pos_ == "NOUN":
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    owner = _owner_of_role(ctx, t)
                    titles = _titles(ctx, c.i + 1) if owner else []
        elif t.lemma_.lower() in CREATE and t.pos_ == "VERB" and t.i + 1 < len(doc):
            j = t.i + 1
            if doc[j].text == "the" and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
                j += 1  # "directed the Koker trilogy"; a capitalised "The" belongs to the title
            obj = [c for c in t.children if c.dep_ == "dobj"]
            if obj and (obj[0].i <= j + 3 or doc[t.i + 1].text in QUOTES):
                owner = ctx.clause_subject(t)
                titles = _titles(ctx, j) if owner else []
        for v in titles:
            if v[3] != owner:
                add_fact(ctx, owner, "notable_work", v, (t.idx, v[1]), 0.65)
    dated_titles(ctx)


_HONOURS = re.compile(r"\b(Order|Awards?|Prizes?|Medal|Cross|Trophy|Cup|Championships?|Olympics|Games)\b")
_YEAR = re.compile(r"^\(\s*(?:\d{4}|\d{4}\s*[–-]\s*\d{2,4})\s*\)")


def dated_titles(ctx: FactContext) -> None:
    """'Close-Up (1990), Taste of Cherry (1997)': a title followed by its year, in a sentence about making works."""
    doc, text = ctx.sdoc, ctx.document.text
    for sent in doc.sents:
        words = set(arrays.lowers(doc)[sent.start:sent.end]) | {x.lower() for x in arrays.lemmas(doc)[sent.start:sent.end]}
        if not words & (WORK_NOUNS | CREATE | {"directorial", "starred", "filmography", "discography"}):
            continue
        last_end = -1
        for t in sent:
            prev = doc[t.i - 1] if t.i > sent.start else None
            if t.idx < last_end or not t.text[:1].isupper() or prev is not None and (
                    prev.text[:1].isupper() or prev.lower_ in ("of", "-", "'s", "the", "de", "&")):
                continue  # only where a capitalised run starts
            e = ctx.ent_of(t)
            once = e is not None and e.type == "PERSON" and sum(1 for x in ctx.ents if x.key == e.key) == 1 \
                and ctx.person_of(t) != ctx.main
            v = _title_after(ctx, t.i, after_noun=once)  # a one-off "person" followed by a year is a title
            if v is not None:
                last_end = v[1]
            if v is None or not _YEAR.match(text[v[1]:v[1] + 20].lstrip()) or len(v[2]) < 2:
                continue
            e = ctx.ent_of(t)
            if e is not None and e.type in ("ORG", "EVENT") or _HONOURS.search(v[2]):
                continue
            owner = ctx.clause_subject(t)
            if owner is None and _only_main(ctx, t):
                owner = ctx.main
            if owner is not None and v[3] != owner:
                add_fact(ctx, owner, "notable_work", v, (v[0], v[1]), 0.55)


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
