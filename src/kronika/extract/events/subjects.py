"""A predicate in, the person whose event it is out: its grammatical subject, a first-person narrator, the
main person of a chronology's list item, or the author of an unattributed work."""
from __future__ import annotations

from spacy.tokens import Token

from ...records import Document, Timex
from .clauses import Predicate, participle_fallback, person_in_subject, subject_token
from .dates import _to_date
from .lexicon import WORK_OBJECTS
from .modality import first_person
from .syntax import is_passive


def subject_of(p: Predicate, who: dict[int, str], narrator: str | None):
    """(subject token, person token, weak?, who) for a predicate, or None when no person is its subject."""
    if p.kind == "noun" and p.subject is None:      # "on release, ...": the governing clause's person
        gov = p.trigger.head.head
        for c in gov.children:
            if c.dep_ in ("advcl", "conj") and c.i > p.trigger.i and c.pos_ == "VERB":
                gov = c
                break
        subj_tok = subject_token(gov, p.type)
        if subj_tok is None or person_in_subject(subj_tok, who) is None:
            subj_tok = participle_fallback(gov, who)
    else:
        subj_tok = p.subject if p.subject is not None else subject_token(p.trigger, p.type)
    if subj_tok is not None and first_person(subj_tok):
        if narrator is None or subj_tok.lower_ not in ("i", "me", "my", "myself") or _quoted(subj_tok):
            return None          # the reviewer's own voice, or a quotation we cannot attribute
        who = {**who, subj_tok.i: narrator}
    ptoken = person_in_subject(subj_tok, who) if subj_tok is not None else None
    weak = False
    if ptoken is None and p.kind == "verb":
        ptoken = participle_fallback(p.trigger, who)
        weak = True
    if ptoken is None:
        return None
    return (subj_tok if subj_tok is not None else ptoken), ptoken, weak, who


def _is_list_item(sent) -> bool:
    first = sent[0]
    return first.text in ("-", "*", "•", "+") or (first.like_num and len(sent) > 1 and sent[1].text in (".", ")"))


def list_item_subject(p: Predicate, main: str | None, who: dict[int, str]):
    """'- 1909 – Moves to Paris; joins the anarchists': in a chronology's list item, a verb with no
    subject of its own tells the life of the document's person."""
    if main is None or p.kind != "verb" or not _is_list_item(p.trigger.sent):
        return None
    verb = p.trigger
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    return verb, verb, True, {**who, verb.i: main}


def list_item_date(head: Token, ttok: dict[int, Timex]):
    """The date label that opens a chronology's list item ("- **Summer 1917** – Takes part ...")."""
    sent = head.sent
    if not _is_list_item(sent):
        return None
    for t in sent[: min(len(sent), 8)]:
        if t.i >= head.i:
            break
        if t.i in ttok and not ttok[t.i].inferred and ttok[t.i].type in ("DATE", "TIME"):
            return _to_date(ttok[t.i], head.doc)
    return None


def unattributed_work(p: Predicate, main: str | None, work_tok: set[int], who: dict[int, str]):
    """'In 1965 The Interpreters was published in London': a work published with no author named is,
    in a text about one person, that person's (weakly)."""
    if main is None or p.type != "publication" or p.kind != "verb" or not is_passive(p.trigger):
        return None
    for s_ in p.trigger.children:
        if s_.dep_ == "nsubjpass" and any(w.i in work_tok or w.lower_ in WORK_OBJECTS for w in s_.subtree) \
                and not any(w.i in who for w in s_.subtree):
            return s_, s_, True, {**who, s_.i: main}
    return None


def narrator_of(document: Document, persons: set[str]) -> str | None:
    """The first-person narrator of a memoir or letter: its author (as a person key when one matches)."""
    if document.genre not in ("memoir", "letter") or not document.author:
        return None
    last = document.author.split()[-1].lower()
    for k in persons:
        if k.split()[-1].lower() == last:
            return k
    return document.author


def _quoted(t: Token) -> bool:
    """True when the token sits inside quotation marks opened earlier in its sentence."""
    opens = sum(1 for w in t.doc[t.sent.start:t.i] if w.text in ('"', "“", "‘") or (w.text == "'" and w.i == t.sent.start))
    closes = sum(1 for w in t.doc[t.sent.start:t.i] if w.text in ("”", "’"))
    return opens > closes
