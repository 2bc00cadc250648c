"""An event's head token in, the tightest contiguous token range stating the event out."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import DEMONYMS, INTENTION_VERBS, NOUN_TYPES


KEEP_LEFT = {"aux", "auxpass", "neg", "advmod", "nsubj", "nsubjpass", "expl", "npadvmod"}


KEEP_LEFT_NOUN = {"poss", "amod", "det", "compound", "nummod", "nmod", "punct"}


CUT = {"conj", "cc", "advcl", "relcl", "parataxis", "mark", "preconj", "ccomp", "csubj", "appos", "dep"}


MAX_TOKENS = 30


def _cut_set(head: Token, own_subject: bool, kind: str = "verb") -> set[int]:
    """Tokens of the head's subtree that belong to other clauses (conjuncts, subordinate clauses)."""
    cut: set[int] = set()
    for c in head.children:
        if kind == "noun" and c.dep_ == "appos":
            continue                                   # "His novels (The Case of ...)"
        if c.dep_ in CUT or (c.dep_ in ("nsubj", "nsubjpass") and not own_subject) or (
                c.dep_ == "xcomp" and c.lemma_.lower() in INTENTION_VERBS) or (
                c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < head.i):
            cut.update(w.i for w in c.subtree)
    for w in head.subtree:
        if w.i == head.i or w.i in cut:
            continue
        if w.dep_ in ("relcl", "advcl", "parataxis") or (w.dep_ == "conj" and (
                w.pos_ in ("ADP", "VERB", "AUX") or w.lemma_.lower() in NOUN_TYPES)):
            cut.update(x.i for x in w.subtree)
            if w.dep_ == "conj":
                cut.update(x.i for x in w.head.children if x.dep_ == "cc" and x.i < w.i)
    return cut


def clause_tokens(head: Token, kind: str) -> tuple[int, int, set[int]]:
    """The tightest contiguous token range stating the event, and the set of its tokens."""
    subj_near = any(c.dep_ in ("nsubj", "nsubjpass") and head.i - c.right_edge.i <= 3 and c.i < head.i
                    and len(list(c.subtree)) <= 4 for c in head.children)
    cut = _cut_set(head, subj_near, kind)
    kept = {w.i for w in head.subtree if w.i not in cut}
    lo = hi = head.i
    left = KEEP_LEFT_NOUN if kind == "noun" else KEEP_LEFT
    for c in sorted((c for c in head.children if c.i < head.i), key=lambda c: -c.i):
        if c.dep_ in left and c.right_edge.i >= lo - 2 and c.i not in cut:
            lo = c.left_edge.i
        else:
            break
    doc = head.doc
    while hi - head.i < MAX_TOKENS and "\n" not in doc[hi].whitespace_:
        nxt = hi + 1
        if nxt < len(doc) and doc[nxt].is_space and "\n" not in doc[nxt].text and nxt + 1 in kept:
            nxt += 1                                   # a blanked marker ("_Title_", "[12]") inside the clause
        if nxt not in kept or doc[nxt].text.startswith("[") or "\n" in doc[nxt].text:
            break
        hi = nxt
    if kind == "noun" and hi + 1 < len(doc) and doc[hi + 1].dep_ == "prep" and doc[hi + 1].lower_ in (
            "in", "at", "to", "from") and doc[hi + 1].head.i in {a.i for a in head.ancestors}:
        # PP-attachment: "her expulsion ... and exile in Tobolsk" parsed with the place on the verb
        pp = doc[hi + 1]
        kept.update(w.i for w in pp.subtree)
        hi = pp.right_edge.i
    closers = (")", "'", "’", '"')
    # blanked footnote markers and markup ("[12]" -> spaces) never end a span
    while hi > lo and (doc[hi].is_space or (doc[hi].is_punct and doc[hi].text not in closers)
                       or doc[hi].dep_ == "cc"
                       or (doc[hi].text == ")" and "(" not in doc[lo:hi].text)):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc" or doc[lo].is_space):
        lo += 1
    if lo == head.i >= 2 and doc[lo - 1].text == "-" and not doc[lo - 1].whitespace_:
        lo -= 2                                        # "Polish-born"
    elif kind == "verb" and lo == head.i >= 1 and head.dep_ == "amod" and doc[lo - 1].lower_ in DEMONYMS:
        lo -= 1                                        # "a Swiss born printer"
    return lo, hi, set(range(lo, hi + 1)) & kept
