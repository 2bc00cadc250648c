"""A predicate and its clause in, a short readable summary out ("Exiled to Orenburg", "Joined the Party")."""
from __future__ import annotations

from spacy.tokens import Doc

from .clauses import Predicate
from .lexicon import PAST, TEMPLATES, VERB_TEMPLATES
from .syntax import vlemma


def _past(lemma: str) -> str:
    if lemma in PAST:
        return PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


NOUN_LEADS = {"birth": "Born", "death": "Died", "release": "Released", "expulsion": "Expelled",
              "exile": "Exiled", "imprisonment": "Imprisoned", "participation": "Took part",
              "marriage": "Married", "travel": "Travelled", "flight": "Fled", "education": "Studied",
              "membership": "Member", "conversion": "Converted", "authorship": "Wrote", "residence": "Lived"}


def summary_for(p: Predicate, lo: int, hi: int, places: list[str], parts: list[str], doc: Doc) -> str:
    """A short readable summary: a template with the place/partner, else the predicate's own words."""
    tpl = TEMPLATES.get(p.type)
    if p.type in ("travel", "flight") and p.kind == "verb" and places and (
            vlemma(p.trigger) == "leave" or any(c.dep_ == "prep" and c.lower_ == "from" for c in p.trigger.children)):
        return ("Left " if p.type == "travel" else "Fled ") + " and ".join(places[:2])
    vt = VERB_TEMPLATES.get(vlemma(p.trigger)) if p.kind == "verb" else None
    if vt and places:
        return vt.format(place=", ".join(places[:2]))
    if tpl and "{place}" in tpl and places:
        return tpl.format(place=", ".join(places[:1] if p.type in ("flight", "exile") else places[:2]))
    head = p.head or p.trigger
    if tpl and "{who}" in tpl and parts and p.kind == "verb" and (
            p.type in ("marriage", "meeting", "collaboration") or vlemma(head) in ("join", "expel")):
        return tpl.format(who=" and ".join(parts[:2]))
    words: list[str] = []
    if p.kind == "noun":
        rest = [t for t in doc[head.i + 1:hi + 1]]
        if p.type == "authorship":
            rest = [head] + rest
        lead = NOUN_LEADS.get(p.type, head.text.capitalize())
        tail = "".join(t.text_with_ws for t in rest).strip()
        if p.type == "imprisonment" and tail.lower() in ("in prison", "in jail", "in captivity"):
            tail = ""
        return (lead + " " + tail).strip()[:80]
    subj = {w.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}
    for t in doc[lo:hi + 1]:
        if t.i in subj or (t.dep_ == "dobj" and t.head.i == head.i and t.pos_ == "PRON"):
            continue                                  # "shot her" -> "Shot"
        if t.i < head.i and t.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "expl", "advmod", "mark"):
            continue
        if t.i == head.i and p.kind == "copula":
            continue
        if t.i == head.i and p.kind == "verb" and t.tag_ in ("VBZ", "VBP", "VB", "VBG"):
            words.append(_past(t.lemma_.lower()) + t.whitespace_)
        else:
            words.append(t.text_with_ws)
    text = "".join(words[:12]).strip()
    if head.dep_ == "relcl" and doc[hi].pos_ == "ADP" and head.head.pos_ in ("NOUN", "PROPN"):
        text += " the " + head.head.text       # "the uprising he becomes involved in"
    if p.kind == "copula":
        for art in ("a ", "an ", "the "):
            if text.lower().startswith(art):
                text = text[len(art):]
    return (text[:1].upper() + text[1:]) if text else p.type.capitalize()
