"""spaCy Doc + mentions + timexes -> life events of the people in one document."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ...records import Document, Event, Mention, Source, Timex
from ...settings import Settings
from ..coref.persons import canonical_person_keys, main_person, person_tokens, promote_person_like
from ..coref.references import resolve_references
from .clauses import Predicate, find_predicates, participle_fallback, person_in_subject, subject_token
from .dates import _to_date, cue_for, date_for, fallback_timexes, timex_tokens
from .lexicon import DEMONYMS, INTENTION_VERBS, NOUN_TYPES, PAST, TEMPLATES, VERB_TEMPLATES, WORK_OBJECTS
from .modality import first_person, hedged, intention_or_irrealis, negated
from .syntax import is_passive, vlemma

KEEP_LEFT = {"aux", "auxpass", "neg", "advmod", "nsubj", "nsubjpass", "expl", "npadvmod"}
KEEP_LEFT_NOUN = {"poss", "amod", "det", "compound", "nummod", "nmod", "punct"}
CUT = {"conj", "cc", "advcl", "relcl", "parataxis", "mark", "preconj", "ccomp", "csubj", "appos", "dep"}
FACTUAL_GENRES = {"essay", "article", "biography", "news", "memoir", "letter"}
MAX_TOKENS = 30


FICTION_PHRASES = ("semi-autobiographical", "semi autobiographical", "the novel", "this novel",
                   "protagonist", "the narrator", "'s hero", "’s hero", "the heroine", "the plot",
                   "autobiographical novel", "fictionalised", "fictionalized")


NONFICTION_PHRASES = ("this memoir", "the memoir", "his memoirs", "her memoirs", "memoirs of", "this biography",
                      "the biography", "autobiography", "this history", "true story", "non-fiction", "nonfiction")


def is_fiction_doc(document: Document, sdoc: Doc) -> bool:
    """A review or retelling of a novel: 'the novel', 'this novel', 'semi-autobiographical', 'protagonist'."""
    if document.genre == "fiction":
        return True
    if document.genre in FACTUAL_GENRES:
        return False
    low = sdoc.text.lower()
    score = sum(low.count(ph) for ph in FICTION_PHRASES)
    factual = sum(low.count(ph) for ph in NONFICTION_PHRASES)
    return score >= 2 and score > factual



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
    while hi + 1 in kept and hi - head.i < MAX_TOKENS and "\n" not in doc[hi].whitespace_ \
            and not doc[hi + 1].text.startswith("[") and "\n" not in doc[hi + 1].text:
        hi += 1
    if kind == "noun" and hi + 1 < len(doc) and doc[hi + 1].dep_ == "prep" and doc[hi + 1].lower_ in (
            "in", "at", "to", "from") and doc[hi + 1].head.i in {a.i for a in head.ancestors}:
        # PP-attachment: "her expulsion ... and exile in Tobolsk" parsed with the place on the verb
        pp = doc[hi + 1]
        kept.update(w.i for w in pp.subtree)
        hi = pp.right_edge.i
    while hi > lo and ((doc[hi].is_punct and doc[hi].text not in (")", "'", "’", '"')) or doc[hi].dep_ == "cc"
                       or (doc[hi].text in (")", "'", "’", '"') and "(" not in doc[lo:hi].text
                           and doc[hi].text == ")")):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    if lo == head.i >= 2 and doc[lo - 1].text == "-" and not doc[lo - 1].whitespace_:
        lo -= 2                                        # "Polish-born"
    elif kind == "verb" and lo == head.i >= 1 and head.dep_ == "amod" and doc[lo - 1].lower_ in DEMONYMS:
        lo -= 1                                        # "a Swiss born printer"
    return lo, hi, set(range(lo, hi + 1)) & kept


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


def _entity_maps(sdoc: Doc, mentions: list[Mention], canon: dict[str, str]) -> tuple[dict[int, str], dict[int, str]]:
    """Token index -> key of PLACE mentions, and of ORG/WORK/EVENT/PERSON mentions."""
    places, others = {}, {}
    for m in mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        key = canon.get(m.key, m.key)
        for t in span:
            (places if m.type == "PLACE" else others)[t.i] = key
    return places, others


def _uniq(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def extract_events(sdoc: Doc, document: Document, mentions: list[Mention], timexes: list[Timex],
                   settings: Settings) -> list[Event]:
    """Life events stated in the document, each with its clause as source."""
    if not len(sdoc):
        return []
    mentions = promote_person_like(sdoc, mentions)
    canon = canonical_person_keys(mentions)
    ptok = person_tokens(sdoc, mentions)
    who = {**resolve_references(sdoc, mentions), **ptok}
    main = main_person(sdoc, mentions)
    place_tok, other_tok = _entity_maps(sdoc, mentions, canon)
    ttok = timex_tokens(sdoc, timexes or fallback_timexes(sdoc))
    fiction = is_fiction_doc(document, sdoc)
    narrator = _narrator(document, set(ptok.values()))
    text = document.text
    person_keys = set(ptok.values())
    events: list[Event] = []
    work_tok = {t.i for m in mentions if m.type == "WORK"
                for sp in [sdoc.char_span(m.start, m.end, alignment_mode="expand")] if sp is not None for t in sp}
    for p in find_predicates(sdoc, set(place_tok), set(ptok)):
        if p.trigger.i in work_tok or p.trigger.i in ptok:   # "The Man Died" is a title, not a death
            continue
        found = _subject_of(p, who, narrator)
        if found is None:
            found = _unattributed_work(p, main, work_tok, who)
        if found is None:
            found = _list_item_subject(p, main, who)
        if found is None:
            continue
        subj_tok, ptoken, weak, who = found
        subject = who[ptoken.i]
        head = p.head or p.trigger
        if p.kind != "noun" and (negated(head) or intention_or_irrealis(head)):
            continue
        lo, hi, clause = clause_tokens(head, p.kind)
        if p.kind == "noun" and p.subject is None and head.dep_ == "pobj" and head.head.i == lo - 1:
            lo -= 1                                   # "on release"
        places, parts = _arguments(p, head, subj_tok, subject, clause, who, ptok, place_tok, other_tok)
        start, end = sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text)
        if end > len(text):
            continue
        date = date_for(head, clause, ttok)
        if not (date.start or date.end):
            date = _list_item_date(head, ttok) or date
        is_fiction = fiction and _plot_statement(head)
        is_hedged = hedged(head)
        conf = settings.event_confidence
        if is_hedged:
            conf *= settings.hedge_factor
        if is_fiction:
            conf *= settings.fiction_factor
        if p.kind == "noun" or weak:
            conf *= 0.9
        events.append(Event(
            type=p.type, subject=subject,
            summary=summary_for(p, lo, hi, places, [x for x in parts if x in person_keys] or parts, sdoc),
            source=Source(document.doc, start, end, text[start:end]),
            trigger=p.trigger.text, places=tuple(places), participants=tuple(parts), date=date,
            confidence=round(conf, 3), hedged=is_hedged, negated=False, fiction=is_fiction,
            cue=cue_for(head)))
    return _finish(events, main)


PLOT_WORDS = {"novel", "book", "hero", "heroine", "protagonist", "narrator", "plot", "chapter", "story",
              "character", "characters", "tale", "trilogy", "fiction"}


def _plot_statement(head: Token) -> bool:
    """In a review of a novel, is this event retold from the plot? A plain past-tense statement outside
    any mention of the book ("Serge knew prison all too well") is the author's life, not the plot."""
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    past = verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    if not past:
        return True
    return any(w.lemma_.lower() in PLOT_WORDS for w in head.sent)


def _group_partners(t: Token, ptok: dict[int, str], subject: str) -> list[str]:
    """The other members of a plural subject: persons coordinated, met or married just before it."""
    doc = t.doc
    sent = t.sent
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    out = [ptok[w.i] for w in doc[start:t.i] if w.i in ptok and ptok[w.i] != subject
           and w.dep_ in ("dobj", "pobj", "conj", "nsubj")]
    return _uniq(out)[:3]


def _subject_of(p: Predicate, who: dict[int, str], narrator: str | None):
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


def _list_item_subject(p: Predicate, main: str | None, who: dict[int, str]):
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


def _list_item_date(head: Token, ttok: dict[int, Timex]):
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


def _unattributed_work(p: Predicate, main: str | None, work_tok: set[int], who: dict[int, str]):
    """'In 1965 The Interpreters was published in London': a work published with no author named is,
    in a text about one person, that person's (weakly)."""
    if main is None or p.type != "publication" or p.kind != "verb" or not is_passive(p.trigger):
        return None
    for s_ in p.trigger.children:
        if s_.dep_ == "nsubjpass" and any(w.i in work_tok or w.lower_ in WORK_OBJECTS for w in s_.subtree) \
                and not any(w.i in who for w in s_.subtree):
            return s_, s_, True, {**who, s_.i: main}
    return None


def _arguments(p: Predicate, head: Token, subj_tok: Token, subject: str, clause: set[int], who: dict[int, str],
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
    places = _uniq(place_tok[i] for i in sorted(arg_toks) if i in place_tok)
    if p.type == "birth" and not places:           # "a Belgian born Russian", "the Polish-born novelist"
        places = _demonym_place(head, place_tok)
    parts = _uniq(v for i in sorted(arg_toks | borrowed) for v in [ptok.get(i) or other_tok.get(i)]
                  if v and v != subject and i not in place_tok)
    if subj_tok.lower_ in ("they", "two", "both", "we") and subj_tok.i not in ptok:
        parts = _uniq(parts + _group_partners(subj_tok, ptok, subject))
    for c in subj_tok.children:      # coordinated subjects are participants
        if c.dep_ == "conj" and c.i in who and who[c.i] != subject:
            parts = _uniq(parts + [who[c.i]])
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


def _narrator(document: Document, persons: set[str]) -> str | None:
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


def _finish(events: list[Event], main: str | None) -> list[Event]:
    """Drop duplicates (same subject and type on overlapping spans) and number in narrative order."""
    events.sort(key=lambda e: (e.source.start, -(e.source.end - e.source.start)))
    kept: list[Event] = []
    for e in events:
        dup = next((k for k in kept if k.subject == e.subject and k.type == e.type
                    and k.source.start < e.source.end and e.source.start < k.source.end), None)
        if dup is None:
            kept.append(e)
    return [replace(e, order=i) for i, e in enumerate(kept)]
