"""A predicate and its clause in, a short readable summary out ("Exiled to Orenburg", "Joined the Party")."""
from __future__ import annotations

from spacy.tokens import Doc

from .clauses import Predicate
from ...lexicons import mapping
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


#: Label leads of event nouns by type ("his expulsion" -> "Expelled"), and nouns whose own verb leads better
#: ("his invention of the gin" -> "Invented the gin").
NOUN_LEADS = mapping("events", "noun_leads")
NOUN_VERB_LEADS = mapping("events", "noun_verb_leads")


#: Tokens a label must not end on: a cut there leaves half a name or phrase ("Wrote for the Paris").
_OPEN_DEPS = {"det", "amod", "compound", "poss", "nummod", "prep", "cc", "punct", "aux", "auxpass", "case", "nmod",
              "quantmod", "predet", "prt", "mark", "neg", "advmod"}


def _dateish(t) -> bool:
    """A date in a label (the timeline shows it: "in 1908") or a blanked footnote marker (spaces)."""
    if t.is_space:
        return True
    if t.ent_type_ == "DATE" and t.dep_ != "ROOT":
        root = t
        while root.head.i != root.i and root.head.ent_type_ == "DATE":
            root = root.head
        # a date that is the verb's object or subject is what the label says ("spent the years 1912 to 1917 in
        # prison"): dropping it would leave "Spent the in prison"
        return root.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "pobj") or (
            root.dep_ == "pobj" and root.head.lower_ in ("in", "on", "during", "by", "from", "until", "since", "at",
                                                         "between", "after", "before", "around", "circa", "of"))
    sub = [w for w in t.subtree if w.i != t.i]
    return t.dep_ == "prep" and t.lower_ in ("in", "on", "during", "by", "from", "until", "since", "at") and bool(sub) \
        and all(w.ent_type_ == "DATE" or w.is_punct or w.is_space for w in sub)


def _numeric_brackets(toks: list) -> set[int]:
    """Token indices of parentheses holding only numbers and dates ("(1876–1954)")."""
    out: set[int] = set()
    open_at = None
    for k, t in enumerate(toks):
        if t.text == "(":
            open_at = k
        elif t.text == ")" and open_at is not None:
            inner = toks[open_at + 1:k]
            if all(w.like_num or w.is_punct or w.is_space or w.ent_type_ == "DATE" for w in inner):
                out.update(w.i for w in toks[open_at:k + 1])
            open_at = None
    return out


#: Tokens a label never ends on, cut or not ("Elected chairman on", "Studied at the").
_DANGLING = {"det", "amod", "compound", "poss", "nummod", "prep", "cc", "punct", "aux", "auxpass", "case", "predet",
             "mark", "quantmod"}


def _trim(toks: list, limit: int) -> list:
    """At most ``limit`` tokens, cut after a token that closes its phrase (never inside a name or a phrase)."""
    if len(toks) <= limit:
        out = toks
    else:
        out = toks[:limit]
        while len(out) > 1 and (out[-1].dep_ in _OPEN_DEPS or out[-1].pos_ in ("ADP", "DET", "CCONJ", "PART", "PRON")
                                and out[-1].dep_ != "pobj"):
            out = out[:-1]
        if len(out) > 1 and any(w.i > out[-1].i and w.head.i == out[-1].i and w.dep_ in ("compound", "flat")
                                for w in toks):
            out = out[:-1]
        breaks = [k for k, t in enumerate(out) if k >= 3 and t.text in ("–", "—", ",", ";", "(", ":")]
        if breaks:                # "Appointed People's Commissar of Army and Navy Affairs – in place (of ...)"
            out = out[:breaks[-1]]
    while len(out) > 1 and ((out[-1].is_punct and out[-1].text not in ")\"'”’") or (
            out[-1].dep_ in _DANGLING and not out[-1].is_punct) or (out[-1].pos_ in ("ADP", "DET", "CCONJ")
                                                                      and out[-1].dep_ != "prt")):
        out = out[:-1]
    if out and out[-1].text == ")" and "(" not in "".join(t.text for t in out[:-1]):
        out = out[:-1]
    return out


def summary_for(p: Predicate, lo: int, hi: int, places: list[str], parts: list[str], doc: Doc) -> str:
    """A short readable summary: a template with the place/partner, else the predicate's own words."""
    tpl = TEMPLATES.get(p.type)
    if p.type in ("travel", "flight") and p.kind == "verb" and places and (
            vlemma(p.trigger) == "leave" or any(c.dep_ == "prep" and c.lower_ == "from" for c in p.trigger.children)):
        return ("Left " if p.type == "travel" else "Fled ") + " and ".join(places[:2])
    vt = VERB_TEMPLATES.get(vlemma(p.trigger)) if p.kind == "verb" else None
    if vt and places:
        return vt.format(place=", ".join(places[:2]))
    if tpl and "{place}" in tpl and places and not (p.type == "education" and p.kind == "verb"
                                                    and vlemma(p.trigger) not in ("study", "attend")):
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
        lead = NOUN_VERB_LEADS.get(head.lower_) or NOUN_LEADS.get(p.type, head.text.capitalize())
        if rest and rest[0].lower_ == "of" and p.type in ("discovery", "creation") and head.lower_ in NOUN_VERB_LEADS | {
                "discovery": 1}:
            rest = rest[1:]                            # "his discovery of radium" -> "Discovered radium"
        tail = "".join(t.text_with_ws for t in _trim([t for t in rest if not _dateish(t)], 12)).strip()
        if p.type == "imprisonment" and tail.lower() in ("in prison", "in jail", "in captivity"):
            tail = ""
        return (lead + " " + tail).strip()
    subj = {w.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}
    work: set[int] = set()
    if p.type in ("premiere", "publication", "creation") and p.kind == "verb":
        nouns = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
        if nouns:                                     # "Her opera premiered in Milan" -> "Opera premiered in Milan"
            work = {w.i for w in nouns[0].subtree if w.dep_ not in ("poss", "det")}
    span = list(doc[lo:hi + 1])
    brackets = _numeric_brackets(span)
    toks = []
    for t in span:
        if t.i in work:
            toks.append(t)
            continue
        if t.i in subj or (t.dep_ == "dobj" and t.head.i == head.i and t.pos_ == "PRON") or _dateish(t) \
                or t.i in brackets:
            continue                                  # "shot her" -> "Shot"; "in 1908", "(1876–1954)"
        if t.i < head.i and t.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "expl", "advmod", "mark"):
            continue
        if t.i == head.i and p.kind == "copula":
            continue
        toks.append(t)
    for t in _trim(toks, 12):
        if t.i == head.i and p.kind == "verb" and t.tag_ in ("VBZ", "VBP", "VB", "VBG"):
            words.append(_past(t.lemma_.lower()) + t.whitespace_)
        else:
            words.append(t.text_with_ws)
    text = " ".join("".join(words).split())
    if work:
        text = text[:1].upper() + text[1:]
    if head.dep_ == "relcl" and doc[hi].pos_ == "ADP" and head.head.pos_ in ("NOUN", "PROPN"):
        text += " the " + head.head.text       # "the uprising he becomes involved in"
    if p.kind == "copula":
        for art in ("a ", "an ", "the "):
            if text.lower().startswith(art):
                text = text[len(art):]
    if len(text.split()) == 1 and p.kind == "verb" and (parts or places):
        text += " " + (" and ".join(parts[:2]) if parts else places[0])   # a bare "Joined" names what was joined
    return (text[:1].upper() + text[1:]) if text else p.type.capitalize()
