"""An event's clause in, its places and participants (entity keys) out, from the clause and licensed neighbours."""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Predicate
from .lexicon import DEMONYMS


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _group_partners(t: Token, ptok: dict[int, str], subject: str) -> list[str]:
    """The other members of a plural subject: persons coordinated, met or married just before it."""
    doc = t.doc
    sent = t.sent
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    out = [ptok[w.i] for w in doc[start:t.i] if w.i in ptok and ptok[w.i] != subject
           and w.dep_ in ("dobj", "pobj", "conj", "nsubj")]
    return uniq(out)[:3]


def arguments_of(p: Predicate, head: Token, subj_tok: Token, subject: str, clause: set[int], who: dict[int, str],
               ptok: dict[int, str], place_tok: dict[int, str], other_tok: dict[int, str]):
    """Places and participants (entity keys) of an event, from its clause and a few licensed neighbours."""
    arg_toks = set(clause)
    if head.dep_ == "relcl" and any(c.lower_ in ("where", "there") for c in head.children):
        before = [w.i for w in head.head.subtree if w.i < head.i and w.i in place_tok] or (
            [head.head.i] if head.head.i in place_tok else [])
        if before:
            last = before[-1]
            arg_toks.update(i for i in before if place_tok[i] == place_tok[last])
    for c in head.children:          # "Later, in Vienna, she makes contacts": fronted place phrases
        if c.dep_ == "prep" and c.i < head.i and c.lower_ in ("in", "at", "to", "from", "near"):
            arg_toks.update(w.i for w in c.subtree if w.i in place_tok)
    borrowed: set[int] = set()
    if p.type in ("meeting", "collaboration") and not any(i in ptok or i in other_tok for i in clause):
        for c in head.children:      # "meets and works with X": borrow the conjunct's partners
            if c.dep_ == "conj":
                borrowed.update(w.i for pp in c.children if pp.dep_ == "prep" and pp.lower_ == "with"
                                for w in pp.subtree)
    places = uniq(place_tok[i] for i in sorted(arg_toks) if i in place_tok)
    if p.type == "birth" and not places:           # "a Belgian born Russian", "the Polish-born novelist"
        places = _demonym_place(head, place_tok)
    parts = uniq(v for i in sorted(arg_toks | borrowed) for v in [ptok.get(i) or other_tok.get(i)]
                  if v and v != subject and i not in place_tok)
    if subj_tok.lower_ in ("they", "two", "both", "we") and subj_tok.i not in ptok:
        parts = uniq(parts + _group_partners(subj_tok, ptok, subject))
    for c in subj_tok.children:      # coordinated subjects are participants
        if c.dep_ == "conj" and c.i in who and who[c.i] != subject:
            parts = uniq(parts + [who[c.i]])
    return places, parts


def _demonym_place(head: Token, place_tok: dict[int, str]) -> list[str]:
    doc = head.doc
    near = [doc[head.i - 2]] if head.i >= 2 and doc[head.i - 1].text == "-" else (
        [doc[head.i - 1]] if head.i >= 1 else [])
    for w in [c for c in head.children if c.dep_ in ("npadvmod", "amod", "compound", "nmod")] + near:
        country = DEMONYMS.get(w.lower_)
        if country:
            known = [k for k in place_tok.values() if k.lower() == country.lower()]
            return [known[0] if known else country]
    return []
