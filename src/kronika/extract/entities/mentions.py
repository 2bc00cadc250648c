"""spaCy Doc -> entity mentions (PERSON, PLACE, ORG, WORK, EVENT) with in-document keys shared by aliases.

``add_entity_components`` puts two layers after the stock NER: a SpanRuler with the
curated gazetteer (``kronika_gazetteer``) and ``kronika_entities``, which merges the
model's entities with the gazetteer, the title and person-name patterns, drops
ideologies, relabels by document-level consistency and fills in repeated surnames.
Its result is ``doc.ents`` (stock labels; ``ent.id_`` the gazetteer canonical name,
``ent.kb_id_`` the layer that produced it). ``extract_mentions`` turns those into
``Mention`` records and gives every mention its in-document key.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...annotate import arrays
from ...records import Mention
from .gazetteer import SPACY_LABEL, TYPE_OF_LABEL, entity_info, lookup, name_lists, place_names, ruler_patterns
from .subject import PARTICLES, SUFFIXES, Subject, find_subject, fold, name_tokens
from .patterns import CONTEST_HEADS, EVENT_HEADS, FUNC, GEO_HEADS, INSTITUTION_HEADS, NON_PERSON_HEADS, Cand, PatternFinder, is_demonym, is_generic, is_ideology

__all__ = ["add_entity_components", "extract_mentions", "entity_info", "LABELS"]

LABELS = TYPE_OF_LABEL
_POSS = ("'s", "’s", "'", "’")
#: Heads that make a longer model name an institution in its own right ("University of Paris").
_INSTITUTION_HEADS = INSTITUTION_HEADS
_ARTICLES = frozenset({"the", "The"})
#: Prepositions after which a known city or country name is a place ("died at Dmitrov").
_LOC_PREPS = frozenset("in at near from outside into to via".split())
_OUR_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "WORK_OF_ART", "EVENT", "LAW"})


def add_entity_components(nlp: Language) -> None:
    """Add kronika's entity layers to ``nlp``: the gazetteer SpanRuler and the merging component."""
    if "kronika_gazetteer" not in nlp.pipe_names:
        after = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("span_ruler", name="kronika_gazetteer", after=after,
                             config={"spans_key": "kronika_gaz", "annotate_ents": False, "phrase_matcher_attr": "ORTH",
                                     "validate": False})
        # The patterns match on ORTH, so only the tokenizer need run over them: SpanRuler.add_patterns
        # would otherwise put ~2,900 pattern texts through every component before it (tok2vec ... ner).
        with nlp.select_pipes(enable=["kronika_gazetteer"]):
            ruler.add_patterns(ruler_patterns())
    if "kronika_entities" not in nlp.pipe_names:
        nlp.add_pipe("kronika_entities", after="kronika_gazetteer")


@Language.factory("kronika_entities")
def _make_component(nlp: Language, name: str):
    return EntityLayer(nlp.vocab)


class EntityLayer:
    """The merging component: model + gazetteer + patterns -> ``doc.ents``."""

    def __init__(self, vocab):
        self.finder = PatternFinder(vocab)

    def __call__(self, doc: Doc) -> Doc:
        texts, lowers = arrays.texts(doc), arrays.lowers(doc)
        cands: list[Cand] = []
        gaz = list(doc.spans.get("kronika_gaz", []))
        for sp in gaz:
            cands.append(Cand(sp.start, sp.end, sp.label_, 3.0, "gazetteer", sp.id_))
        gaz_index = _GazIndex(gaz)
        for ent in doc.ents:
            c = _model_cand(doc, ent, gaz_index)
            if c is not None:
                cands.append(c)
        found = self.finder(doc, texts)
        events = {(c.start, c.end) for c in found if c.label == "EVENT"}
        cands = [c._replace(label="EVENT") if c.source == "ner" and (c.start, c.end) in events else c for c in cands]
        cands.extend(found)
        cands.extend(_untagged_places(doc, lowers))
        chosen = _select(cands)
        chosen = _propagate_persons(doc, chosen, texts)
        ents = []
        for c in sorted(chosen, key=lambda c: c.start):
            ents.append(Span(doc, c.start, c.end, label=c.label, span_id=c.kid or 0, kb_id=c.source))
        doc.set_ents(ents, default="outside")
        return doc


def _trim(doc: Doc, start: int, end: int, keep_the: bool = False) -> tuple[int, int]:
    for k in range(start, end):  # wiki reference marks ("War Communism,[90]") end a name
        if "[" in doc[k].text or "]" in doc[k].text:
            end = k
            break
    while end > start and doc[end - 1].text in _POSS:
        end -= 1
    while end > start and ((doc[end - 1].is_punct and doc[end - 1].text != ")")
                           or (doc[end - 1].lower_ in FUNC and doc[end - 1].text.islower())):
        end -= 1
    while start < end and ((doc[start].text in _ARTICLES and not keep_the) or doc[start].text == "the"
                           or doc[start].is_punct):
        start += 1
    return start, end


class _GazIndex:
    """The gazetteer spans of a Doc as (start, end, label), by start token."""

    def __init__(self, gaz: list[Span]):
        self.by_start: dict[int, list[tuple[int, int, str]]] = {}
        for g in gaz:
            self.by_start.setdefault(g.start, []).append((g.start, g.end, g.label_))

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Spans starting in [start, end) (every span inside the range among them)."""
        out: list[tuple[int, int, str]] = []
        for i in range(start, end):
            out.extend(self.by_start.get(i, ()))
        return out


def _model_cand(doc: Doc, ent: Span, gaz: _GazIndex) -> Cand | None:
    label = ent.label_
    start, end = _trim(doc, ent.start, ent.end, keep_the=label == "WORK_OF_ART")
    if end <= start:
        return None
    text = doc[start:end].text
    if label not in _OUR_LABELS:
        return Cand(start, end, label, 0.5, "ner")
    if is_ideology(text):
        return Cand(start, end, "NORP", 0.5, "ner")  # "Anti-Bolshevik", "Stalinist"
    if label == "PERSON" and end - start >= 3 and is_ideology(doc[start].text):
        start += 1  # "Bolshevik Yakov Sverdlov" -> "Yakov Sverdlov"
        text = doc[start:end].text
    if lookup(text) is None and (
            (end - start == 1 and is_ideology(text)) or any(is_ideology(t.text) and t.text.endswith(("ism", "isms")) for t in doc[start:end])):
        return Cand(start, end, "NORP", 0.5, "ner")
    if end - start == 1 and is_demonym(text) and lookup(text) is None and text not in place_names():
        return Cand(start, end, "NORP", 0.5, "ner")
    if lookup(text, fold_case=True) is None and is_generic([t.text for t in doc[start:end] if not t.is_punct]):
        return None
    if "\n" in text.strip():
        return None
    rec = lookup(text) or lookup(text, fold_case=True)
    if rec is not None and (len(text) > 3 or rec["name"] == text or text.isupper()):
        return Cand(start, end, SPACY_LABEL[rec["type"]], 3.0, "gazetteer", rec["name"])
    prio = 1.0
    # a longer institution name that contains a gazetteer name keeps its own span ("University of Paris")
    if label in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW") and all(
            t.text[:1].isupper() or t.lower_ in FUNC or t.is_punct for t in doc[start:end]):
        for gs, ge, _ in gaz.within(start, end):
            if ge <= end and (ge - gs) < (end - start) and any(
                    t.text in _INSTITUTION_HEADS for t in (*doc[start:gs], *doc[ge:end])):
                prio = 3.5
    if label == "PERSON" and (end - start) == 1 and not doc[start].text[:1].isupper():
        return None
    if (label in ("ORG", "PERSON", "NORP") and text in place_names() and start > 0 and doc[start - 1].lower_ in _LOC_PREPS
            and not (end < len(doc) and doc[end].text in _POSS) and not (label == "PERSON" and end - start > 1)):
        return Cand(start, end, "GPE", 1.2, "pattern")  # "born in Chhattisgarh", "died at Edmonton"
    if label in ("ORG", "PERSON", "NORP") and end - start > 1 and doc[end - 1].text in GEO_HEADS:
        return Cand(start, end, "LOC", 1.0, "ner")  # "Big Muddy Creek", "Fort Peck Indian Reservation"
    if label == "PERSON" and doc[end - 1].text in NON_PERSON_HEADS:
        return Cand(start, end, "FAC", 1.0, "ner")  # "Paul Fortress", "Victoria Station"
    if label == "PERSON" and (doc[end - 1].text in CONTEST_HEADS or doc[end - 1].text in EVENT_HEADS):
        return Cand(start, end, "EVENT", 1.0, "ner")  # "Ranji Trophy"
    if label == "PERSON" and doc[end - 1].text in INSTITUTION_HEADS:
        return Cand(start, end, "ORG", 1.0, "ner")  # "Weta Workshop", "Outright Distribution": not people
    if (label == "PERSON" and text in place_names() and doc[start].text not in name_lists()["first_names"]
            and doc[start:end].root.dep_ not in ("nsubj", "nsubjpass", "poss", "appos", "compound")
            and not (end < len(doc) and doc[end].text in _POSS)):
        return Cand(start, end, "GPE", 1.0, "ner")  # "Dunedin"; a surname of a person in the text turns back later
    # a longer proper name around a gazetteer name keeps its own span ("New Mexico", "Budapest Metro")
    if label != "PERSON" and all(t.text[:1].isupper() or t.lower_ in FUNC or t.text in ("-", "&", ".") for t in doc[start:end]):
        for gs, ge, _ in gaz.within(start, end):
            if ge <= end and (ge - gs) < (end - start):
                extra = [t for t in (*doc[start:gs], *doc[ge:end]) if t.is_alpha]
                if extra and not any(is_ideology(t.text) or t.lower_ in ("nazi", "soviet", "tsarist", "imperial")
                                     for t in extra):
                    return Cand(start, end, label, 3.5, "ner")
    if label == "WORK_OF_ART" and end - start == 1 and not (start > 0 and doc[start - 1].is_quote):
        return None  # the model's one-word "works" are mostly names
    # a full person name that ends in a place name ("Jack London", "Harry Alger") stays a person
    if label == "PERSON" and end - start >= 2 and any(
            gs > start and ge == end and gl != "PERSON" for gs, ge, gl in gaz.within(start, end)):
        prio = 3.5
    return Cand(start, end, label, prio, "ner")


def _untagged_places(doc: Doc, lowers: list[str]) -> list[Cand]:
    """Known city or country names after a locative preposition that the model left untyped (low priority)."""
    out = []
    names = place_names()
    n_tok = len(doc)
    for i, low in enumerate(lowers):
        if low not in _LOC_PREPS or i + 1 >= n_tok:
            continue
        for n in (3, 2, 1):
            span = doc[i + 1:i + 1 + n]
            if len(span) == n and span[0].text[:1].isupper() and span.text in names and span[-1].pos_ == "PROPN":
                if not (span.end < len(doc) and doc[span.end].text in _POSS):
                    out.append(Cand(span.start, span.end, "GPE", 0.8, "pattern"))
                break
    return out


def _select(cands: list[Cand]) -> list[Cand]:
    """Greedy by priority then length: the best non-overlapping candidates."""
    taken = set()
    chosen = []
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start)):
        if c.end <= c.start or any(i in taken for i in range(c.start, c.end)):
            continue
        chosen.append(c)
        taken.update(range(c.start, c.end))
    return chosen


def _propagate_persons(doc: Doc, chosen: list[Cand], texts: list[str]) -> list[Cand]:
    """Document-level consistency: a surname (or single name) seen as a PERSON labels its other occurrences."""
    titles = name_lists()["titles"]
    names: set[str] = set()
    singles: dict[str, int] = {}
    for c in chosen:
        if c.label != "PERSON":
            continue
        toks = [t for t in doc[c.start:c.end] if t.is_alpha and t.text[:1].isupper() and t.text not in titles
                and t.lower_ not in SUFFIXES]
        if toks and (toks[-1].text in INSTITUTION_HEADS or toks[-1].text in NON_PERSON_HEADS):
            continue
        if len(toks) > 1 or (toks and c.source == "gazetteer"):
            names.add(toks[-1].text)
        elif toks:
            singles[toks[0].text] = singles.get(toks[0].text, 0) + 1
    names.update(n for n, k in singles.items() if k >= 2)
    if not names:
        return chosen
    by_start = {c.start: c for c in chosen}
    taken = set()
    for c in chosen:
        taken.update(range(c.start, c.end))
    out = []
    for c in chosen:
        txt = doc[c.start].text
        if (c.label in ("GPE", "LOC", "ORG", "NORP", "FAC") and c.source == "ner" and c.end - c.start == 1
                and (txt in names or (txt.endswith("s") and txt[:-1] in names))):
            c = c._replace(label="PERSON", source="coref")
        out.append(c)
    n_tok = len(doc)
    for i, txt in enumerate(texts):
        if i in taken or not txt[:1].isupper():
            continue
        if txt not in names and not (txt.endswith("s") and txt[:-1] in names and i + 1 < n_tok
                                     and texts[i + 1] in ("'", "’")):
            continue
        if i + 1 < n_tok and (i + 1) not in taken and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN":
            continue  # part of a longer unrecognised name
        out.append(Cand(i, i + 1, "PERSON", 1.5, "coref"))
    del by_start
    return out


# ---------------------------------------------------------------------------------------------
# Mentions and keys

_HONORIFIC = re.compile(r"^(?:(?:General|Tsar|Czar|Comrade|Marshal|Admiral|Colonel|Captain|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|"
                        r"Madame|Monsieur|Professor|Sir|President|Chairman)\s+)+")


def _clean_text(text: str, start: int) -> tuple[str, int, int]:
    """Strip whitespace and a possessive ending; returns (text, start, end)."""
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    start += lead
    for suf in ("'s", "’s", "'", "’"):
        if text.endswith(suf) and len(text) > len(suf) + 1:
            text = text[: -len(suf)].rstrip()
            break
    return text, start, start + len(text)


def _word_index(full_names: list[str]) -> dict[str, list[str]]:
    """word -> the full names (in order) that contain it as a word."""
    index: dict[str, list[str]] = {}
    for f in full_names:
        for w in dict.fromkeys(f.split()):
            index.setdefault(w, []).append(f)
    return index


def _person_key(name: str, full_names: list[str], singles: frozenset = frozenset(),
                canon_of: dict | None = None, index: dict[str, list[str]] | None = None) -> str:
    """A short name -> the unique longer person name in the document that contains it (else itself);
    spellings the gazetteer knows as one person ("Natalia"/"Natalya Sedova") count once.
    ``index`` (``_word_index(full_names)``) only makes the search faster."""
    canon_of = canon_of or {}
    if index is None:
        index = _word_index(full_names)
    toks = name.split()
    base = [name] if not name.endswith("s") else [name, name[:-1]]
    if len(toks) == 1:
        for b in base:
            hits = {canon_of.get(f, f) for f in index.get(b, ())}
            if len(hits) == 1:
                return hits.pop()
            if hits:
                return name
        if name.endswith("s") and name[:-1] in singles:
            return name[:-1]
        return name
    hits = {canon_of.get(f, f) for f in (index.get(toks[0], ()) if toks else full_names) if f != name and len(f.split()) > len(toks)
            and _subsequence(toks, f.split())}
    return hits.pop() if len(hits) == 1 else name


def _subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(w == b for b in it) for w in small)


def extract_mentions(sdoc: Doc) -> list[Mention]:
    """Entity mentions of one annotated document, each with a key shared by its aliases."""
    raw = []
    for ent in sdoc.ents:
        typ = TYPE_OF_LABEL.get(ent.label_)
        if typ is None:
            continue
        text, start, end = _clean_text(ent.text, ent.start_char)
        if not text or not any(ch.isalpha() for ch in text):
            continue
        source = ent.kb_id_ or "ner"
        canon = ent.id_ or ""
        raw.append((start, end, text, typ, canon, source))
    raw, subject = _with_subject(sdoc, raw)
    # PERSON keys: gazetteer names first, then the longest names in the document
    full = set()
    for start, end, text, typ, canon, source in raw:
        if typ == "PERSON":
            name = _HONORIFIC.sub("", text)
            full.add(canon or name)
            if canon:
                full.add(name)
    full_names = sorted(full)
    canon_of = {}
    for start, end, text, typ, canon, source in raw:
        if typ == "PERSON" and canon:
            canon_of[_HONORIFIC.sub("", text)] = canon
    acronyms = _acronyms(sdoc, raw)
    if acronyms:
        raw = _add_acronym_mentions(sdoc, raw, acronyms)
    multi = [f for f in full_names if len(f.split()) > 1]
    singles = frozenset(f for f in full_names if len(f.split()) == 1)
    index = _word_index(multi)
    person_keys: dict[str, str] = {}
    out = []
    for start, end, text, typ, canon, source in raw:
        if subject is not None and typ == "PERSON" and (source == "lead" or subject.matches(_HONORIFIC.sub("", text))):
            key = subject.key
        elif canon:
            key = canon
        elif typ == "PERSON":
            name = _HONORIFIC.sub("", text)
            key = person_keys.get(name)
            if key is None:
                key = _person_key(name, multi, singles, canon_of, index)
                key = canon_of.get(key, key)
                person_keys[name] = key
        elif text in acronyms:
            key = acronyms[text][0]
        else:
            rec = lookup(text, typ, fold_case=True)
            key = rec["name"] if rec else text
        out.append(Mention(start, end, text, typ, key, source))
    return out


_ACR = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")


def _initials_match(acr: str, name: str) -> bool:
    letters = [c for c in acr if c.isupper()]
    words = [w for w in re.split(r"[\s-]+", name) if w and w[:1].isupper()]
    if len(letters) < 2 or not words or letters[0] != words[0][0].upper():
        return False
    it = iter("".join(w[0] for w in words).upper() + "".join(w[1:] for w in words).upper())
    return all(ch in it for ch in letters)


def _acronyms(sdoc: Doc, raw: list) -> dict[str, tuple[str, str]]:
    """"African National Congress (ANC)": acronym -> (key of the long name, type), for names that are not persons."""
    out = {}
    text = sdoc.text
    for start, end, name, typ, canon, source in raw:
        if typ == "PERSON":
            continue
        m = _ACR.match(text, end)
        if m and _initials_match(m.group(1), name):
            out.setdefault(m.group(1), (canon or name, typ))
    return out


def _add_acronym_mentions(sdoc: Doc, raw: list, acronyms: dict) -> list:
    """Every occurrence of a defined acronym is a mention of the long name (the model misses many)."""
    covered = [(s, e) for s, e, *_ in raw]
    extra = []
    starts = arrays.idx(sdoc)
    for i, text in enumerate(arrays.texts(sdoc)):
        hit = acronyms.get(text)
        if hit is None:
            continue
        s, e = starts[i], starts[i] + len(text)
        if any(a < e and s < b for a, b in covered):
            continue
        extra.append((s, e, text, hit[1], "", "pattern"))
    return sorted(raw + extra, key=lambda r: (r[0], r[1]))


def _with_subject(sdoc: Doc, raw: list) -> tuple[list, Subject | None]:
    """The biography's subject from its lead (``subject.find_subject``): the lead's names become PERSON
    mentions of the subject (any overlapping mention gives way), and a lone subject surname the model typed
    as a place or organisation ("Monet" as GPE) is the person."""
    persons = [(r[0], r[1], _HONORIFIC.sub("", r[2])) for r in raw if r[3] == "PERSON"]
    subject = find_subject(sdoc.text, persons)
    if subject is None or not subject.key or subject.key in place_names() or lookup(subject.key, "PLACE") is not None:
        return raw, None
    # a subject the gazetteer knows keeps the gazetteer's name
    canon = sorted({r[4] for r in raw if r[3] == "PERSON" and r[4] and subject.matches(_HONORIFIC.sub("", r[2]))})
    if len(canon) == 1:
        subject.key = canon[0]
    _born_names(sdoc, raw, subject)
    lead = []
    text = sdoc.text
    for a, b in subject.spans:
        t = text[a:b].strip().rstrip(",;:")
        if t and any(ch.isalpha() for ch in t):
            lead.append((a, a + len(t), t, "PERSON", "", "lead"))
    out = [r for r in raw if not any(r[0] < b and a < r[1] for a, b, *_ in lead)]
    out += _untagged_surnames(sdoc, out + lead, subject)
    sur = subject.surname
    for n, r in enumerate(out):
        word = fold(r[2])
        if (r[3] in ("ORG", "PLACE", "WORK") and r[5] != "gazetteer" and " " not in r[2] and r[2][:1].isupper()
                and word not in subject.blocked and r[2] not in place_names() and lookup(r[2]) is None
                and (word == sur or (word in subject.given and r[3] != "PLACE"))):
            out[n] = (r[0], r[1], r[2], "PERSON", "", r[5])
    return sorted(out + lead, key=lambda r: (r[0], r[1])), subject


def _born_names(sdoc: Doc, raw: list, subject: Subject) -> None:
    """'Paula Kathinka Döll was born in Lörrach': the first person said to be born in a biography, bearing one of
    its subject's surnames and no kin word, is the subject under the name given at birth."""
    surnames = {subject.surname} | subject.other_surnames
    for r in raw:
        if r[3] != "PERSON" or " " not in r[2].strip():
            continue
        span = sdoc.char_span(r[0], r[1], alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if not (root.dep_ == "nsubjpass" and root.head.lemma_ == "bear"):
            continue
        toks = name_tokens(r[2])
        if toks and toks[-1] in surnames and not subject.matches(r[2]) and not any(
                c.dep_ in ("appos", "poss") for c in root.children if c.i < span.start or c.i >= span.end):
            subject.names.append(tuple(t for t in toks if t not in PARTICLES))
        return          # only the first birth told


def _untagged_surnames(sdoc: Doc, taken: list, subject: Subject) -> list:
    """The subject's surname where the model tagged nothing ("Grant moved to Boston"): a proper noun standing
    alone, not part of a longer name."""
    form = subject.surname_form
    if not form or subject.surname in subject.blocked or not form[:1].isupper():
        return []
    covered = sorted((r[0], r[1]) for r in taken)
    starts = [c[0] for c in covered]
    out = []
    texts = arrays.texts(sdoc)
    n = len(texts)
    for i, w in enumerate(texts):
        if w != form:
            continue
        t = sdoc[i]
        if t.pos_ != "PROPN":
            continue
        if (i + 1 < n and texts[i + 1][:1].isupper() and sdoc[i + 1].pos_ == "PROPN") or (
                i > 0 and texts[i - 1][:1].isupper() and sdoc[i - 1].pos_ == "PROPN"):
            continue
        a, b = t.idx, t.idx + len(w)
        k = bisect.bisect_right(starts, a) - 1
        if (k >= 0 and covered[k][1] > a) or (k + 1 < len(covered) and covered[k + 1][0] < b):
            continue
        out.append((a, b, w, "PERSON", "", "coref"))
    return out
