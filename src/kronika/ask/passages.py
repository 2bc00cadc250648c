"""A parsed question and the stored sentences in, passage answers (a short span, its sentence, a score) out.

Retrieval is SQLite FTS5 (BM25, porter stemming) over sentences, through ``store.questions``; the
sentences are re-ranked by rules, then the answer span is cut.

A sentence is kept only when it supports the question: it names the subject
(or refers to it with a pronoun where the subject is the person under
discussion), it contains a word of the asked relation, every other name in
the question, the asked year, and the question's remaining content words.
The answer text is the mention of the asked type (place, date, person,
organisation, work) closest to the relation word, or else the clause around
it; the quotation is the sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons
from ..records import Timex
from ..store import questions as stored
from ..store.questions import EntityMention, Sentence
from . import lead
from .questions import KIN_WORDS, RELATIONS, STOP, TRIGGER_STEMS, Question, stem
from .structured import Subject, norm_name, resolve

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_NONALPHA = re.compile(r"[\W\d_]+")
_JUNK = re.compile(r"Category:|\bISBN\b|\bRetrieved\b|https?://|\bpp?\.\s*\d|\bed\.\s|External links")
KIN = {"spouse", "widow", "sibling", "parent", "child"}
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_HE = {"he", "his", "him", "himself"}
_SHE = {"she", "her", "hers", "herself"}
PRONOUNS = {"he", "his", "him", "she", "her", "hers", "himself", "herself"}
_CAP = re.compile(r"(?:[A-ZÀ-Þ][\w\-’']*)(?:\s+(?:(?:of|de|di|da|du|des|della|der|von|van|the|del|la|in)\s+)?[A-ZÀ-Þ][\w\-’']*)*")
_ORG_TAIL = re.compile(r"\s+(gang|party|movement|group|union|army|opposition|league|committee|international)\b",
                       re.I)
_NUM = re.compile(r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                  r"thirty|forty|fifty|hundred|dozen|several|a few)\b", re.I)
# capitalised words that open a sentence or a clause rather than a name ("Later", "Although", "Born")
_GENERIC = lexicons.words("ask", "not_names")
_LEAD = re.compile(r"(?:(?:%s)\s+)+" % "|".join(sorted(_GENERIC)))
_YEAR = re.compile(r"\b(1[5-9]\d\d|20[0-2]\d)\b")
_LOWER_ORG = re.compile(r"\bthe\s+((?:[\w\-]+\s+){0,3}?(?:movement|party|gang|group|union|army|opposition|"
                        r"league|committee|faction|federation|society|brotherhood|circle|club))\b", re.I)
_QUOTED_TITLE = re.compile(r"[_*“\"‘]([^_*”\"’]{3,80})[_*”\"’]")
_ANSWER_TYPES = ("PLACE", "DATE", "PERSON", "ORG", "WORK")


@lru_cache(maxsize=1)
def _first_names() -> frozenset:
    return lexicons.words("gazetteer_names", "first_names")


def _looks_personal(name: str) -> bool:
    """"Aleksandra Sokolovskaya" (typed ORG by the entity stage) looks like a person's name."""
    toks = name.split()
    return len(toks) >= 2 and toks[0] in _first_names() and all(t[:1].isupper() for t in toks)


_PLACE_OF = re.compile(r"\b(?:in|at|near|from|to)\s+(?:the|a)\s+(?:[\w\-]+\s+){0,3}?(?:city|town|village|hamlet|colony|"
                       r"parish|port|suburb|commune|municipality|district|province|county|settlement)\s+of\s+$")
_PLACE_TAIL = re.compile(r"\b(Island|Penitentiary|Prison|Hospital|College|Church|Square|Park|Bay|Street|Hall|House|"
                         r"Cathedral|Lake|Land|Point|Hill|Bridge|Cross|Gate|Inn|Chapel|Fort)\b")
_NOT_PERSON = re.compile(r"\b(Union|Consulate|Party|Army|University|Committee|Congress|Revolution|War|Church|"
                         r"Republic|Empire|Soviet|State|Street|House|International|Press|Museum|Archive|of|in|the)\b")


def _fts_words(q: Question, subj: Subject | None) -> list[str]:
    """The words a supporting sentence may contain (any of them): names, triggers, focus, anchor, year."""
    words = []
    if subj:
        for s in subj.surfaces:
            words += [w for w in _WORD.findall(s) if len(w) > 1]
    if q.relation:
        words += RELATIONS[q.relation]["triggers"]
    words += q.focus
    for o in q.others:
        words += _WORD.findall(o)
    if q.anchor:
        words += [w for w in _WORD.findall(q.anchor) if w.lower() not in STOP]
    if q.year:
        words.append(str(q.year))
    seen, terms = set(), []
    for w in words:
        w = re.sub(r"['’]s$", "", w).lower()
        w = re.sub(r"[^\w]", "", w)
        if w and w not in seen and w not in STOP:
            seen.add(w)
            terms.append(w)
    return terms


@dataclass(slots=True)
class Chunk:
    """A stored sentence cut again where citation marks or headings glued several together (document offsets)."""

    doc: str
    start: int
    end: int
    text: str
    rank: float = 0.0           # BM25 of the stored sentence it was cut from (0 when it was not searched)
    prev: str | None = None     # the chunk before it in the same stored sentence; None for the first


class Corpus:
    """Cached per-connection lookups: stripped spans, mentions and timexes per document."""

    def __init__(self, conn):
        self.conn = conn
        self._m: dict[str, list[EntityMention]] = {}
        self._t: dict[str, list[Timex]] = {}
        self._s: dict[str, list[tuple[int, int]]] = {}
        self._dom: dict[str, str | None] = {}
        self._starts: dict[str, list[int]] = {}
        self._text: dict[str, str] = {}
        self._life: dict[tuple, str | None] = {}
        self._rng: dict[tuple, list[EntityMention]] = {}
        self._hits: dict[str, int] = {}
        self._prev: dict[tuple, str] = {}

    def mentions(self, doc) -> list[EntityMention]:
        if doc not in self._m:
            self._m[doc] = stored.mentions_of(self.conn, doc)
        return self._m[doc]

    def mentions_in(self, doc, a, b) -> list[EntityMention]:
        """Mentions starting in [a, b) (document offsets): read for that span while few spans of the document are
        asked (a long page holds thousands of mentions), the whole document's then, by bisection."""
        if doc not in self._m:
            key = (doc, a, b)
            hit = self._rng.get(key)
            if hit is not None:
                return hit
            self._hits[doc] = self._hits.get(doc, 0) + 1
            if self._hits[doc] <= 12:
                hit = self._rng[key] = stored.mentions_between(self.conn, doc, a, b)
                return hit
        ms = self.mentions(doc)
        if doc not in self._starts:
            self._starts[doc] = [m.start for m in ms]
        st = self._starts[doc]
        return ms[bisect_left(st, a):bisect_left(st, b)]

    def timexes(self, doc) -> list[Timex]:
        if doc not in self._t:
            self._t[doc] = stored.timexes_of(self.conn, doc)
        return self._t[doc]

    def stripped(self, doc) -> list[tuple[int, int]]:
        if doc not in self._s:
            self._s[doc] = stored.stripped_spans(self.conn, doc)
        return self._s[doc]

    def previous(self, doc, start) -> str:
        """The sentence before the one starting at ``start`` (its text), or ''."""
        key = (doc, start)
        if key not in self._prev:
            self._prev[key] = stored.sentence_before(self.conn, doc, start)
        return self._prev[key]

    def is_stripped(self, doc, s0, s1) -> bool:
        """More than half of [s0, s1) lies in boilerplate."""
        covered = 0
        for a, b in self.stripped(doc):
            if a < s1 and s0 < b:
                covered += min(b, s1) - max(a, s0)
        return covered > (s1 - s0) / 2

    def paragraph_before(self, doc, start) -> str:
        """The text of the paragraph before ``start`` (from the last blank line), at most 2,000 characters."""
        if doc not in self._text:
            self._text[doc] = stored.document_text(self.conn, doc)
        t = self._text[doc]
        lo = max(t.rfind("\n\n", 0, start), start - 2000, 0)
        return t[lo:start]

    def about(self, doc) -> str | None:
        return stored.document_about(self.conn, doc)

    def about_subject(self, doc, subj) -> str | None:
        """"he" or "she" when the document opens with the subject's name (its life), from the first pronoun of
        its opening; None when the document is not the subject's life."""
        key = (doc, tuple(subj.surfaces))
        if key not in self._life:
            head = stored.document_head(self.conn, doc, 1500)
            names = list(subj.surfaces) + [x.split()[-1] for x in subj.surfaces if len(x.split()) > 1]
            m = lead._name_at_start(head, names)
            g = None
            if m is not None:
                p = re.search(r"\b(he|his|him|she|her)\b", head[m.end():], flags=re.I)
                g = None if p is None else ("he" if p.group(1).lower() in _HE else "she")
            self._life[key] = g
        return self._life[key]

    def dominant(self, doc):
        """The most-mentioned person of a document (whom an unresolved "he" most likely refers to)."""
        if doc not in self._dom:
            self._dom[doc] = stored.dominant_person(self.conn, doc)
        return self._dom[doc]


def _contains_name(text: str, name: str) -> list[int]:
    if not name:
        return []
    pat = r"(?<![^\W_])" + re.escape(name).replace(r"\ ", r"\s+") + r"(?![^\W_])"
    return [m.start() for m in re.finditer(pat, text, flags=re.I if name.islower() else 0)]


def _name_variants(text: str, name: str) -> list[int]:
    """Where a name occurs, also as singular/plural ("Bolsheviks" / "a core Bolshevik")."""
    ps = _contains_name(text, name)
    if not ps and len(name) > 4:
        alt = name[:-1] if name.endswith("s") else name + "s"
        ps = _contains_name(text, alt)
    return ps


def _subject_support(corpus: Corpus, doc, start, text, subj: Subject | None, toks,
                     prev: str | None = None) -> tuple[float, list[tuple]]:
    """(support, spans of the subject inside the sentence)"""
    if subj is None:
        return 1.0, []
    spans = []
    for s in subj.surfaces:
        for p in _contains_name(text, s):
            spans.append((p, p + len(s)))
    if spans and subj.ids:
        # "Goldman" inside "Abraham Goldman" is somebody else
        others = [(m.start - start, m.end - start) for m in corpus.mentions_in(doc, start, start + len(text))
                  if m.type == "PERSON" and m.entity_id and m.entity_id not in subj.ids
                  and m.end <= start + len(text)]
        spans = [(a, b) for a, b in spans if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in others)]
    if spans and not re.search(r"\b(Sr|Senior|Elder)\b", subj.name):
        # "Eli Whitney Sr.", "Pieter the Elder": the father of the same name
        spans = [(a, b) for a, b in spans if not re.match(r"\s*,?\s*(?:Sr\b\.?|Senior\b|the [Ee]lder\b)", text[b:b + 12])
                 and not re.search(r"\b(?:Sr|Senior)\.?$", text[a:b])]
    if spans and subj.born:
        spans = [(a, b) for a, b in spans if not _namesake(text, b, subj)]
    if spans:
        return 1.0, spans
    if any(t.lower() in PRONOUNS | {"they", "their", "them"} for _, t in toks[:6]):
        prev = corpus.previous(doc, start) if prev is None else prev
        if any(_contains_name(prev, s) for s in subj.surfaces):
            return 0.8, []
    if subj.type in ("WORK", "ORG", "EVENT") and any(t.lower() in ("it", "its", "book", "novel") for _, t in toks):
        about = corpus.about(doc)
        if about and norm_name(about) in [norm_name(x) for x in subj.surfaces]:
            return 0.6, []
    if not subj.ids:
        return 0.0, []
    if any(t.lower() in PRONOUNS for _, t in toks):
        prev = [m for m in corpus.mentions_in(doc, max(0, start - 1600), start) if m.type == "PERSON"
                and m.end <= start and m.entity_id and start - m.end < 1500]
        if prev and prev[-1].entity_id in subj.ids:
            return 0.8, []
        if corpus.dominant(doc) in subj.ids:
            return 0.6, []
        gender = corpus.about_subject(doc, subj)
        said = {t.lower() for _, t in toks[:8]} & PRONOUNS
        if gender and said and said <= (_HE if gender == "he" else _SHE):
            return 0.6, []      # "She died at ...", in the life of a woman that opens with her name
    return 0.0, []


def _namesake(text: str, b: int, subj) -> bool:
    """The name ending at b carries life dates that are not the subject's ("James Cook (1693–1779)")."""
    m = re.match(r"\s*\((?:c\.\s*|b\.\s*|born\s+)?(\d{3,4})\s*[–—-]", text[b:b + 20])
    return bool(m) and subj.born is not None and abs(int(m.group(1)) - subj.born) > 1


def _owned(corpus: Corpus, doc, s0, text, p, subj, subj_spans) -> bool:
    """A kin word ("wife", "widow") at p belongs to the subject: the nearest name before it is the
    subject's ("Trotsky's widow"), or there is none ("his wife", the subject being the one spoken of)."""
    if subj is None:
        return True
    pos = re.search(r"([A-ZÀ-Þ][\w\-]+)['’]s?\s+(?:[\w\-]+\s+){0,2}$", text[max(0, p - 60):p])
    if pos and not any(_contains_name(pos.group(1), sf.split()[-1]) for sf in subj.surfaces):
        return False              # "Ethel Mannin's 1941 novel", "Dostoevsky's novel"
    sub = re.match(r"(?i)\s*(when|after|before|while|although|as|since|once|if)\b[^,]*,\s*", text)
    if sub and p < sub.end() and re.match(r"[A-ZÀ-Þ]", text[sub.end():]) and \
            not any(text[sub.end():].startswith(sf) for sf in subj.surfaces) and \
            not re.match(r"(?:He|She|They|It|The|A|An|In|On|At)\b", text[sub.end():]):
        return False              # "When her first husband died, Taube was devastated": her = Taube
    names = [(a, b, True) for a, b in subj_spans]
    for m in corpus.mentions_in(doc, s0, s0 + len(text)):
        a, b = m.start - s0, m.end - s0
        personal = m.type == "PERSON" or _looks_personal(m.text) or re.search(r"\b(?:Sr|Jr|Senior)\.?$", m.text)
        if 0 <= a and b <= p and personal and not any(a < y and x < b for x, y, _ in names):
            same = m.entity_id in subj.ids if m.entity_id else False
            if same and subj.born and _namesake(text, b, subj):
                same = False          # "James Cook (1693–1779)", the subject born in 1728: the father
            if same and not re.search(r"\b(Sr|Senior|Elder)\b", subj.name) and (re.match(r"\s*,?\s*(?:Sr\b\.?|Senior\b|the [Ee]lder\b)", text[b:b + 12])
                         or re.search(r"\b(?:Sr|Senior)\.?$", m.text)):
                same = False          # "Eli Whitney Sr., a farmer, and his wife": the father of the same name
            names.append((a, b, same))
    before = [n for n in names if n[1] <= p]
    if not before:
        return True
    near = max(before, key=lambda n: n[1])
    if near[2]:
        return True
    # "his wife" right before the word, the nearest name not a possessive ("Elsa Poretsky's ... her husband")
    close = text[max(near[1], p - 25):p].lower()
    possessive = re.match(r"['’]s?\b", text[near[1]:near[1] + 2])
    if p - near[1] < 120:
        return False          # "David Bronstein ... and his wife Anna": his = the man just named
    return bool(re.search(r"\b(his|her)\b", close)) and not possessive


def _agent(corpus: Corpus, doc, s0, text, p, subj, subj_spans) -> bool:
    """The doer of a verb at p ("married") is the subject: the first name or he/she of its clause."""
    if subj is None:
        return True
    lo = max([m.end() for m in re.finditer(r"[.;]\s", text[:p])], default=0)
    rel = re.search(r"\b(whom|who)\s+(?:(he|she|they)\s+)?(?:[a-z]+\s+){0,2}$", text[lo:p])
    if rel and rel.group(2):
        # "..., whom she married": the pronoun of the relative clause does it; the subject only if it is theirs
        gender = corpus.about_subject(doc, subj)
        return gender is not None and rel.group(2).lower() == gender
    if rel:
        lo = max(lo, lo + rel.start() - 60)   # "..., who married": the one named just before "who"
    names = [(a, b, True) for a, b in subj_spans if lo <= a < p]
    for m in corpus.mentions_in(doc, s0, s0 + len(text)):
        a, b = m.start - s0, m.end - s0
        if lo <= a and b <= p and m.type == "PERSON" and not any(a < y and x < b for x, y, _ in names):
            names.append((a, b, bool(m.entity_id) and m.entity_id in subj.ids))
    for m in re.finditer(r"\b(he|she|they)\b", text[lo:p], flags=re.I):
        names.append((lo + m.start(), lo + m.end(), True))
    # capitalised words no mention covers ("The other, Alexander, was the son of ..."): somebody else
    typed = [(m.start - s0, m.end - s0) for m in corpus.mentions_in(doc, s0 + lo, s0 + p)]
    for m in _CAP.finditer(text, lo, p):
        a, b = m.start(), m.end()
        if a == lo or m.group() in _GENERIC or m.group().lower() in _CALENDAR or any(x < b and a < y for x, y in typed) or \
                any(x < b and a < y for x, y, _ in names):
            continue
        if any(_contains_name(m.group(), sf) for sf in subj.surfaces):
            continue
        names.append((a, b, False))
    if not names:
        return True
    first = min(names)
    return first[2] and not re.match(r"['’]s?\b", text[first[1]:first[1] + 2])


def _in_quotes(text: str, p: int) -> bool:
    """Offset p lies inside a quotation ("..." or “...”) opened earlier in the sentence."""
    before = text[:p]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _tokens(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _WORD.finditer(text)]


def _overlaps(a: int, b: int, spans) -> bool:
    return any(a < e and s < b for s, e in spans)


def _candidates(corpus: Corpus, q: Question, doc, s0, s1, text, exclude, near=()) -> list[dict]:
    """Typed spans inside the sentence (offsets relative to the sentence): {a, b, text, w (how typical)}."""
    t = q.answer_type
    if t == "DATE":
        return _date_spans(corpus, doc, s0, s1, text)
    if t == "NUMBER":
        return [{"a": m.start(), "b": m.end(), "text": m.group(), "w": 1.0} for m in _NUM.finditer(text)]
    if t not in ("PLACE", "PERSON", "ORG", "WORK"):
        return []
    ms = [m for m in corpus.mentions_in(doc, s0, s1) if m.end <= s1]
    covered = [(m.start - s0, m.end - s0) for m in ms]
    out = _mention_spans(t, ms, s0, text, exclude)
    out += _capitalised_spans(t, text, exclude, covered, near)
    if t == "ORG":
        out += _lowercase_orgs(text, exclude, covered)
    if t == "WORK":
        out += _quoted_titles(text)
    return out


def _date_spans(corpus: Corpus, doc, s0, s1, text) -> list[dict]:
    """The time expressions of the sentence, an explicit full date weighing most; else bare years."""
    out = []
    for x in corpus.timexes(doc):
        if x.start >= s0 and x.end <= s1 and x.type in ("DATE", "TIME") and x.earliest:
            v = x.value or ""
            spec = 1.0 if re.fullmatch(r"\d{4}(-\d\d){0,2}", v[:10]) else 0.6 if re.fullmatch(r"\d{3}", v) else 0.3
            if x.type == "TIME":
                spec = 0.2
            if not re.search(r"\d", x.text):
                spec *= 0.5       # "roughly a decade later": an explicit date says it better
            out.append({"a": x.start - s0, "b": x.end - s0, "text": x.text, "w": spec})
    if not out:
        out = [{"a": m.start(), "b": m.end(), "text": m.group(), "w": 0.8} for m in _YEAR.finditer(text)]
    return out


def _mention_weight(t: str, m: EntityMention, a: int, text: str) -> float | None:
    """How well a mention typed by the entity stage fits the asked type ``t`` (None: not at all)."""
    if m.type == t:
        return 1.0
    if t == "PERSON" and m.type in ("PLACE", "ORG", "WORK") and _looks_personal(m.text):
        return 0.7            # "Aleksandra Sokolovskaya" mistyped as an organisation
    if t == "PERSON" and m.type in ("PLACE", "ORG", "WORK") and 2 <= len(m.text.split()) <= 3 \
            and re.fullmatch(r"(?:[A-ZÀ-Þ][a-zà-ÿ]+\s?){2,3}", m.text) and not _NOT_PERSON.search(m.text) \
            and not re.search(r"(?i)\b(north|south|east|west|new|san|saint|st|city|lake|river)\b", m.text):
        return 0.45           # "Natalya Sedova" mistyped as a place
    if t == "PLACE" and (re.search(r"\b(in|at|near|to|from|into)\s+(the\s+|a\s+|an\s+)?$", text[max(0, a - 12):a])
                         or _PLACE_OF.search(text[max(0, a - 40):a])) and m.type in ("ORG", "PERSON"):
        return 0.45           # "in Yanovka" mistyped as an organisation
    if t == "ORG" and m.type in ("EVENT",):
        return 0.4
    if t == "WORK" and m.type in ("EVENT", "ORG"):
        return 0.3
    return None


def _mention_spans(t: str, ms: list[EntityMention], s0: int, text: str, exclude) -> list[dict]:
    """The mentions of the sentence that fit the asked type, a possessive "'s" and an organisation's tail fixed."""
    out = []
    for m in ms:
        a, b = m.start - s0, m.end - s0
        if _overlaps(a, b, exclude):
            continue
        w = _mention_weight(t, m, a, text)
        if w is None:
            continue
        txt = m.text
        pm = re.search(r"['’]s\s", txt) if t != "WORK" else None
        if pm and not _PLACE_TAIL.search(txt[pm.end():]):
            txt, b = txt[:pm.start()], a + pm.start()
        if t == "ORG":
            tail = _ORG_TAIL.match(text, b)
            if tail:
                txt, b = text[a:tail.end()], tail.end()
        out.append({"a": a, "b": b, "text": txt, "w": w})
    return out


def _capitalised_spans(t: str, text: str, exclude, covered, near) -> list[dict]:
    """Capitalised sequences the entity stage missed (or cut short, or glued together)."""
    out = []
    for m in _CAP.finditer(text):
        a, b = m.start(), m.end()
        word = m.group()
        lead = _LEAD.match(word)
        if lead and lead.end() < len(word):
            a, word = a + lead.end(), word[lead.end():]
        conn_ = re.match(r"(?:(?:of|in|the|de|von)\s+)+", word)
        if conn_ and conn_.end() < len(word):
            a, word = a + conn_.end(), word[conn_.end():]
        if t != "WORK" and " in " in word:
            word = word[:word.index(" in ")]
            b = a + len(word)
        if word in _GENERIC or _overlaps(a, b, exclude):
            continue
        inside = [(s, e) for s, e in covered if a < e and s < b]
        glued = t == "PERSON" and any(s <= a and b <= e and (s, e) != (a, b) and
                                      re.search(r"\s(under|and|with|of|by)\s", text[s:e]) for s, e in inside)
        if inside and not glued and (len(word.split()) < 2 or any(s <= a and b <= e for s, e in inside)):
            continue                  # the entity stage has it already (unless it cut a name short or glued two)
        if (a == 0 or t == "WORK") and len(word.split()) == 1:
            continue
        w = 0.2 if t == "WORK" else 0.35
        txt = word
        if t == "ORG":
            tail = _ORG_TAIL.match(text, b)
            if tail:
                txt, b, w = text[a:tail.end()], tail.end(), 0.6
        pm = re.search(r"['’]s\b", word) if t != "WORK" else None
        if pm and not _PLACE_TAIL.search(word[pm.end():]):
            word, b = word[:pm.start()], a + pm.start()
        if t == "PERSON" and len(word.split()) < 2:
            after_prep = re.search(r"\b(under|by|with|alongside|and)\s+$", text[max(0, a - 12):a]) and \
                not re.search(r"(ian|ish|ese|ist|ism|ic|s)$", word)
            if not any(0 <= a - e <= 2 for e in near) and not after_prep:
                continue      # a lone capitalised word ("French", "Girls") is no name, unless "her husband Kershner"
            w = 0.6 if glued else 0.3
        if t == "PERSON" and _NOT_PERSON.search(word):
            continue
        if t == "PERSON" and _looks_personal(word):
            w = 0.6
        if t == "PLACE" and _PLACE_OF.search(text[max(0, a - 40):a]):
            w = 0.5               # "in the village of Marton"
        elif t == "PLACE" and not re.search(r"\b(in|at|near|to|from|into)\s+(the\s+|a\s+|an\s+)?$", text[max(0, a - 12):a]):
            w = 0.12
        out.append({"a": a, "b": b, "text": txt, "w": w})
    return out


def _lowercase_orgs(text: str, exclude, covered) -> list[dict]:
    """"the anarcho-syndicalist movement", "the left opposition": organisations written in lower case."""
    out = []
    for m in _LOWER_ORG.finditer(text):
        a, b = m.start(1), m.end(1)
        if not _overlaps(a, b, exclude) and not any(x <= a and b <= y for x, y in covered):
            out.append({"a": a, "b": b, "text": m.group(1), "w": 0.6})
    return out


def _quoted_titles(text: str) -> list[dict]:
    """Titles set in quotes or _italics_."""
    return [{"a": m.start(1), "b": m.end(1), "text": m.group(1), "w": 0.8}
            for m in _QUOTED_TITLE.finditer(text) if m.group(1)[:1].isupper()]


def _merge_lists(cands: list[dict], text: str) -> list[dict]:
    """"Lenin" + " and " + "Trotsky" -> "Lenin and Trotsky" (one answer naming both)."""
    cands = sorted(cands, key=lambda c: c["a"])
    out = []
    for c in cands:
        if out and re.fullmatch(r"\s*(,|and|, and|&)\s*", text[out[-1]["b"]:c["a"]]) and \
                abs(out[-1]["w"] - c["w"]) < 0.5:
            p = out[-1]
            out[-1] = {"a": p["a"], "b": c["b"], "text": text[p["a"]:c["b"]], "w": max(p["w"], c["w"])}
        else:
            out.append(dict(c))
    return out


def _clause(text: str, pivot_a: int, pivot_b: int) -> str:
    """The clause of the sentence around a pivot span, trimmed to a short answer."""
    bounds = [0] + [m.end() for m in re.finditer(r"[;:()–—]|,\s|\s-\s", text)] + [len(text)]
    lo = max(b for b in bounds if b <= pivot_a)
    hi = min((b for b in bounds if b >= pivot_b), default=len(text))
    seg = text[lo:hi].strip(" ,;:()–—-.")
    if len(seg.split()) < 4:
        # a bare "in 1919," or "On his release,": take the next clause too
        nxt = min((b for b in bounds if b > hi), default=len(text))
        seg = text[lo:nxt].strip(" ,;:()–—-.")
    words = seg.split()
    if len(words) > 18:
        seg = " ".join(words[:18]) + " …"
    return re.sub(r"^(and|but|which|who|that|where|then)\s+", "", seg, flags=re.I)


@dataclass(slots=True)
class _Asked:
    """What every sentence is checked against, worked out once per question."""

    q: Question
    subj: Subject | None
    others: dict[str, Subject | None]           # the other names of the question, resolved
    trig: set[str]                              # stems of the asked relation's trigger words
    focus: list[str]                            # stems of the remaining content words
    kin: set[str] = field(default_factory=set)  # stems of the kin word as asked ("daughter")
    anchor_rel: str | None = None               # the relation the anchor of "after X" names
    anchor_content: list[str] = field(default_factory=list)


def _asked(conn, q: Question, subj: Subject | None) -> _Asked:
    ask = _Asked(q=q, subj=subj, others={o: resolve(conn, o) for o in q.others},
                 trig=TRIGGER_STEMS.get(q.relation or "", set()),
                 focus=[stem(re.sub(r"['’]s$", "", f)) for f in q.focus])
    if q.trigger in KIN_WORDS:
        ask.kin = {stem(k) for k in KIN_WORDS[q.trigger]}
    if q.anchor:
        for w in _WORD.findall(q.anchor.lower()):
            hit = [k for k, st in TRIGGER_STEMS.items() if stem(w) in st]
            if hit:
                ask.anchor_rel = hit[0]
                break
    ask.anchor_content = [stem(w) for w in _WORD.findall((q.anchor or "").lower()) if w not in STOP and len(w) > 2]
    return ask


@dataclass(slots=True)
class _Evidence:
    """Where in one sentence the parts of the question are (offsets relative to the sentence)."""

    ch: Chunk
    stems: list[tuple[int, str, str]]   # (offset, stem, word) of every word
    subj_spans: list[tuple]             # the subject's names
    other_spans: list[tuple]            # the question's other names
    tpos: list[int]                     # words of the asked relation
    ypos: list[tuple]                   # the asked year
    apos: list[tuple]                   # the anchor's words
    fpos: list[tuple] = field(default_factory=list)      # the focus words
    exclude: list[tuple] = field(default_factory=list)   # no answer here: names asked, triggers, boilerplate
    pivots: list[tuple] = field(default_factory=list)    # what an answer should be close to
    base: float = 0.0                   # the sentence's score before its answer span's


def search(conn, q: Question, subj: Subject | None, *, limit: int = 400, corpus: Corpus | None = None) -> list[dict]:
    """Answer candidates from the ``limit`` sentences BM25 ranks best on the question's words."""
    corpus = corpus or Corpus(conn)
    sents = stored.ranked_sentences(conn, _fts_words(q, subj), limit)
    if not sents:
        return []
    best_bm = -min(s.rank for s in sents) or 1.0
    ask = _asked(conn, q, subj)
    out = []
    for ch in (c for s in sents for c in _split(s, s.rank)):
        ev = _evidence(corpus, ask, ch, best_bm)
        if ev is not None:
            out += _answers(corpus, ask, ev)
    return out


def _evidence(corpus: Corpus, ask: _Asked, ch: Chunk, best_bm: float) -> _Evidence | None:
    """The sentence's support for the question, or None when it lacks a part the question needs."""
    q, doc, s0, s1, text = ask.q, ch.doc, ch.start, ch.end, ch.text
    if corpus.is_stripped(doc, s0, s1):
        return None
    if _JUNK.search(text) or len(_NONALPHA.sub("", text)) < 0.6 * len(text):
        return None                   # reference lists, categories, link farms
    toks = _tokens(text)
    stems = [(p, stem(w), w) for p, w in toks]
    if q.relation and q.relation != "parent" and not (q.relation == "write" and q.wh == "who") and \
            not any(st in ask.trig for _, st, _ in stems):
        return None                   # no word of the asked relation ("by" marks an author): skip what follows
    ssup, subj_spans = _subject_support(corpus, doc, s0, text, ask.subj, toks, ch.prev)
    if ssup <= 0:
        return None
    others = _other_names(corpus, ask, ch, toks)
    if others is None:
        return None
    other_spans, penalty = others
    tpos = _relation_positions(corpus, ask, ch, stems, subj_spans)
    if q.relation and not tpos:
        return None
    years = _year_positions(corpus, q, ch)
    if years is None:
        return None
    ypos, late = years
    penalty += late
    apos = []
    if q.anchor:
        arel = TRIGGER_STEMS.get(ask.anchor_rel or "", set())
        apos = [(p, p + len(w)) for p, s, w in stems if s in arel or (not arel and s in ask.anchor_content)]
        if not apos:
            return None
    # remaining content words
    sset = {s for _, s, _ in stems}
    focus = ask.focus
    fhit = sum(1 for f in focus if f in sset)
    if focus and fhit < len(focus) - (1 if len(focus) >= 3 else 0):
        return None
    if q.relation == "birth" and tpos and all(re.match(r"(?i)natives?\b", text[p:]) for p in tpos):
        penalty += 0.5                # "his native region": looser than "was born in"
    if tpos and all(_in_quotes(text, p) for p in tpos):
        penalty += 0.8                # told inside a quotation ("in describing his father: \"he was born in ...\"")
    ev = _Evidence(ch, stems, subj_spans, other_spans, tpos, ypos, apos)
    bm = -ch.rank / best_bm
    ev.base = 0.6 * bm + ssup + (0.3 * fhit / len(focus) if focus else 0) - penalty
    ev.base -= min(1.0, 0.3 * max(0.0, len(text) / 400 - 1))
    ev.fpos = [(p, p + len(w)) for p, st, w in stems if st in focus]
    ev.exclude = subj_spans + other_spans + [(p, p + len(w)) for p, st, w in stems if st in ask.trig]
    ev.exclude += [(max(0, a - s0), b - s0) for a, b in corpus.stripped(doc) if a < s1 and s0 < b]
    ev.pivots = [(p, p + 1) for p in tpos] or ypos or apos or ev.fpos or other_spans or [(0, 0)]
    return ev


def _other_names(corpus: Corpus, ask: _Asked, ch: Chunk, toks) -> tuple[list[tuple], float] | None:
    """Where the question's other names are in the sentence, and a penalty for those only found nearby
    (the sentence before, the paragraph before, the document's own person); None when one is missing."""
    doc, s0, text = ch.doc, ch.start, ch.text
    spans, penalty = [], 0.0
    for o in ask.q.others:
        name = re.sub(r"['’]s$", "", o)
        ps = _name_variants(text, name)
        if ps:
            spans += [(p, p + len(o)) for p in ps]
            continue
        if _contains_name(ch.prev if ch.prev is not None else corpus.previous(doc, s0), name):
            penalty += 0.3
            continue
        para = corpus.paragraph_before(doc, s0)
        os_ = ask.others.get(o)
        if para and _name_variants(para, name) and (os_ is None or os_.type in ("PLACE", None)):
            penalty += 0.4    # "That month, Stalin travelled to ... Batumi. [...] before being arrested"
            continue
        if os_ is not None and os_.ids and corpus.dominant(doc) in os_.ids and \
                any(w.lower() in PRONOUNS for _, w in toks):
            penalty += 0.3    # "his novels", the document being about the one named
            continue
        return None
    return spans, penalty


def _relation_positions(corpus: Corpus, ask: _Asked, ch: Chunk, stems, subj_spans) -> list[int]:
    """Offsets of the words of the asked relation that say it of the subject."""
    q, subj, doc, s0, text = ask.q, ask.subj, ch.doc, ch.start, ch.text
    tpos = [p for p, s, w in stems if s in ask.trig and not (p > 0 and text[p - 1] == "-")
            and not (p > 2 and w[:1].isupper() and re.search(r"[^\W\d_][\w’'\-]*,?\s+$", text[:p]))]
    # a capitalised trigger inside a sentence is part of a name ("Certificate of Education", "Born Free")
    if q.relation == "work_with":
        tpos = [p for p in tpos if re.match(r"[\w’']+\s+(?:\w+\s+)?(with|alongside|under|for)\b", text[p:])]
    if q.trigger in KIN_WORDS:
        tpos = [p for p in tpos if stem(_WORD.match(text, p).group()) in ask.kin]
    if q.relation == "parent":
        tpos += [m.start(2) for m in re.finditer(r"\b(son|daughter|child|children)\s+(of)\b", text)]
    if q.relation in KIN and tpos:
        tpos = [p for p in tpos if (_agent(corpus, doc, s0, text, p, subj, subj_spans)
                if text[p:p + 5].lower() in ("marri", "marry") or re.match(r"wed(?:s|ded)?\b", text[p:])
                or text[p:p + 3] == "of "
                else _owned(corpus, doc, s0, text, p, subj, subj_spans))]
    if q.relation == "death" and q.answer_type != "PERSON":
        tpos = [p for p in tpos if re.match(r"(?i)(die|died|dies|death|dead)\b", text[p:])
                or re.search(r"\b(was|were|been|being)\s+$", text[max(0, p - 10):p])]
    by_author = q.wh == "who" and subj is not None and subj.type in ("WORK", None)
    if q.relation == "write" and by_author:
        # "Conquered City, by Victor Serge": "by" right after the title is the author's mark
        tpos += [m.start() for a, b in subj_spans for m in [re.compile(r"[\s,–—-]*by\b").match(text, b)]
                 if m and (m.start() + len(m.group()) - 2) >= 0]
        tpos = sorted(set(p + len(text[p:]) - len(text[p:].lstrip(" ,–—-")) for p in tpos))
    if q.relation == "write" and not by_author:
        # "Dostoevsky's novel", "Sanger's pamphlet": somebody else's work
        tpos = [p for p in tpos if (_agent(corpus, doc, s0, text, p, subj, subj_spans)
                if re.match(r"(?i)(wr[io]t|publish|author)", text[p:])
                else _owned(corpus, doc, s0, text, p, subj, subj_spans))]
    if q.relation == "imprisonment":
        tpos = [p for p in tpos if not re.search(r"(?i)\b(released|release|freed|escaped|out)\s+(from|of)\s+$",
                                                  text[max(0, p - 20):p])]
    if q.relation == "birth":
        tpos = [p for p in tpos if not re.match(r"birth\s+(name|certificate|rate|of)", text[p:], flags=re.I)]
        # "his locally born wife", "foreign-born workers": born describing a noun, not a birth told
        tpos = [p for p in tpos if not re.match(r"born\s+(?!in\b|at\b|on\b|to\b|into\b|near\b|as\b|of\b|and\b|"
                                                r"circa\b|about\b|around\b|c\.|the\b|a\b|an\b)[a-z]", text[p:])
                and text[p - 1:p] != "-"]
    if q.relation in ("birth", "death") and tpos:
        tpos = [p for p in tpos if _agent(corpus, doc, s0, text, p, subj, subj_spans) and _noun_owner(text, p, subj_spans)]
    return tpos


def _noun_owner(text: str, p: int, subj_spans) -> bool:
    """"the death of X" at p is the subject's only when X is ("After the death of Camille Monet": hers)."""
    m = re.match(r"(?:death|birth|murder|execution|assassination|funeral)\s+of\s+", text[p:], flags=re.I)
    if not m:
        return True
    after = p + m.end()
    if any(after <= a <= after + 25 and not re.search(r"[,;.()]", text[after:a]) for a, _ in subj_spans):
        return True           # "the assassination of President William McKinley"
    return not re.match(r"(?:his|her|their|its)\b|[A-ZÀ-Þ]", text[after:])


def _year_positions(corpus: Corpus, q: Question, ch: Chunk) -> tuple[list[tuple], float] | None:
    """Where the asked year is said (a date of at most a few years containing it, or the number), and a
    penalty when only the sentence before says it ("In 1893 ... A week later"); None when neither does."""
    if not q.year:
        return [], 0.0
    doc, s0, s1, text = ch.doc, ch.start, ch.end, ch.text
    ypos = []
    for x in corpus.timexes(doc):
        if x.start >= s0 and x.end <= s1 and x.earliest and x.latest:
            try:
                lo, hi = int(x.earliest[:4]), int(x.latest[:4])
            except ValueError:
                continue
            if lo <= q.year <= hi and hi - lo <= 3:
                ypos.append((x.start - s0, x.end - s0))
    if not ypos:
        ypos = [(m.start(), m.end()) for m in re.finditer(rf"\b{q.year}\b", text)]
    if ypos:
        return ypos, 0.0
    if ch.prev and re.search(rf"\b{q.year}\b", ch.prev) and \
            re.match(r"(?i)\W*(a|the|that|one|two|three|several)?\s*(week|month|day|year)s?\s+later|then|"
                     r"the (same|next|following)", text):
        return ypos, 0.3      # "In 1893 ... A week later, Goldman was arrested"
    return None


def _answers(corpus: Corpus, ask: _Asked, ev: _Evidence) -> list[dict]:
    """The answers one supporting sentence gives: typed spans, or the clause around what is asked."""
    q, ch = ask.q, ev.ch
    if q.anchor and q.direction and q.answer_type in _ANSWER_TYPES:
        return _typed_after_anchor(corpus, q, ev)
    if q.anchor and q.direction:
        ans = _after_text(ch.text, ev.apos, q.direction)
        return [_passage(ch, ans, ev.base)] if ans else []
    if q.answer_type:
        return _typed_answers(corpus, ask, ev)
    pa, pb = ev.pivots[0]
    if q.wh == "why":
        cause = _cause(ch.text, pa)
        if cause:
            return [_passage(ch, cause, ev.base + 0.5)]
        return [_passage(ch, _clause(ch.text, pa, pb), ev.base - 0.3)]   # says what, not why
    return [_passage(ch, _clause(ch.text, pa, pb), ev.base)]


_CAUSE = re.compile(r"\b(?:because(?: of)?|due to|as a result of|owing to|on (?:the )?charges? of|charged with|accused of|"
                    r"convicted of|for (?:his|her|their) (?:role|part|involvement|activities|opposition|support|views|"
                    r"writings|criticism|beliefs|refusal|participation)|for (?:having|being|refusing|opposing|"
                    r"supporting|publishing|writing|taking part|participating|inciting|criticising|criticizing|"
                    r"preaching|organi[sz]ing|plotting|conspiring)|over (?:his|her|their))\b", re.I)


def _cause(text: str, p: int) -> str | None:
    """"Why was X banned?": the cause the sentence gives after (or just before) the asked word ("due to his role
    in a match-fixing scandal"), cut at the end of its clause."""
    best = None
    for m in _CAUSE.finditer(text):
        if m.start() >= p - 80 and (best is None or abs(m.start() - p) < abs(best.start() - p)):
            best = m
    if best is None:
        return None
    rest = re.split(r"[.;:()]|,\s+(?:and|but|which|who|while|although)\b|\s[–—]\s", text[best.start():])[0]
    words = rest.split()
    return " ".join(words[:16]) + (" …" if len(words) > 16 else "") if len(words) >= 3 else None


def _passage(ch: Chunk, text: str, score: float) -> dict:
    return {"text": text, "doc": ch.doc, "start": ch.start, "end": ch.end, "quote": ch.text, "score": score}


def _typed_after_anchor(corpus: Corpus, q: Question, ev: _Evidence) -> list[dict]:
    """"Where did he go after X?": spans of the asked type on the asked side of the anchor, nearest first."""
    ch = ev.ch
    a_end = max(b for _, b in ev.apos) if q.direction == "after" else min(a for a, _ in ev.apos)
    out = []
    for c in _candidates(corpus, q, ch.doc, ch.start, ch.end, ch.text, ev.exclude):
        if (c["a"] >= a_end) == (q.direction == "after"):
            d = abs(c["a"] - a_end) / 6.0
            out.append(_passage(ch, c["text"], ev.base + 1.5 * c["w"] / (1.0 + d / 4.0)))
    return out


def _typed_answers(corpus: Corpus, ask: _Asked, ev: _Evidence) -> list[dict]:
    """Spans of the asked type, scored by how close they sit to what the question names."""
    q, ch, text, tpos = ask.q, ev.ch, ev.ch.text, ev.tpos
    near = [_WORD.match(text, p).end() + 1 for p in tpos]
    cands = _candidates(corpus, q, ch.doc, ch.start, ch.end, text, ev.exclude, near)
    if q.answer_type == "PERSON" and q.relation == "death":
        cands = _killers(cands, text, tpos, ev.subj_spans)
    cands = _merge_lists(cands, text) if q.answer_type in ("PERSON", "WORK", "PLACE") else cands
    _reweigh(cands, q, text, tpos)
    pivots = ev.pivots + ev.ypos if q.year and q.answer_type != "DATE" else ev.pivots
    if q.answer_type == "PLACE" and ev.other_spans:
        # "England, Canada, and France" for "where in England": siblings, not places inside it
        cands = [c for c in cands if not any(
            re.fullmatch(r"\s*(,|and|, and|or|, or)\s*", text[min(c["b"], ob):max(c["a"], oa)] or "x")
            for oa, ob in ev.other_spans)]
    best = None
    second = [sp for sp in ev.other_spans + ev.fpos if sp not in pivots]
    out = []
    for c in cands:
        sc = _span_score(c, q, text, tpos, pivots, second, ev.other_spans)
        if sc is None:
            continue
        if best is None or sc > best[0]:
            best = (sc, c)
        out.append(_passage(ch, c["text"], ev.base + sc))
    if q.answer_type == "WORK" and tpos and (best is None or best[1]["w"] < 0.5):
        verb = [p for p in tpos if re.match(r"(wr[io]t|publish|author)", text[p:].lower())]
        if verb:
            out.append(_passage(ch, _object_after(text, verb[0]), ev.base + 0.4))
    return out


def _killers(cands: list[dict], text: str, tpos: list[int], subj_spans) -> list[dict]:
    """The killer: "assassinated ... by X", or the one named before the verb ("X shot McKinley")."""
    by = [c for c in cands if re.search(r"\bby\s+(\w+\s+)?$", text[max(0, c["a"] - 30):c["a"]])]
    kills = [p for p in tpos if not re.match(r"(?i)(die|died|dies|death|dead)\b", text[p:])
             and not re.search(r"\b(was|were|been|is|being)\s+$", text[max(0, p - 8):p])
             and any(0 < a - p <= 40 for a, _ in subj_spans)]     # "X shot McKinley"
    agent = []
    if kills:
        first_t = min(kills)
        agent = [c for c in cands if c["b"] <= first_t and not re.search(r"[.;]", text[c["b"]:first_t])]
        agent = sorted(agent, key=lambda c: c["a"])[:1]
    return by or agent


def _reweigh(cands: list[dict], q: Question, text: str, tpos: list[int]) -> None:
    """Lower the weight of a possessor ("Kamenev's first wife") and of a work that is not the one written."""
    if q.answer_type == "PLACE":
        for c in cands:
            if text[:c["a"]].count("(") > text[:c["a"]].count(")"):
                c["w"] *= 0.5     # "Sontsovka (now Sontsivka, Donetsk Oblast)": an aside
            if re.search(r"\b(?:rue|via|calle|avenida|avenue|street|strasse|boulevard|place)\s+$", text[max(0, c["a"] - 10):c["a"]]):
                c["w"] *= 0.3     # "45 rue Laffitte": a street of the city
        # "the village of Marton in Yorkshire", "Lyon, France": the first place is the answer, the next its region
        by_a = sorted(cands, key=lambda c: c["a"])
        for c1, c2 in zip(by_a, by_a[1:]):
            if c1["b"] <= c2["a"] and re.fullmatch(r"\s+in\s+(?:the\s+)?|\s*,\s*", text[c1["b"]:c2["a"]]):
                c1["w"] = max(c1["w"], c2["w"])
                c2["w"] *= 0.7
    if q.answer_type == "PERSON" and q.relation in KIN:
        # "married Syme's daughter, Agnes": the daughter, not Syme
        for c in cands:
            if re.match(r"['’]s?\s+(?:[a-z]+\s+)?(?:daughter|son|sister|brother|niece|nephew|widow|cousin|mother|"
                        r"father)\b", text[c["b"]:c["b"] + 30]):
                c["w"] *= 0.3
                m = re.match(r"['’]s?\s+(?:[a-z]+\s+)?[a-z]+,?\s+((?:[A-ZÀ-Þ][\w\-]+\s?){1,3})", text[c["b"]:])
                if m:
                    a = c["b"] + m.start(1)
                    name = m.group(1).strip()
                    cands.append({"a": a, "b": a + len(name), "text": name, "w": 0.9})
    for c in cands:
        if re.match(r"['’]s?\b", text[c["b"]:c["b"] + 2]):
            c["w"] *= 0.5
        if q.answer_type == "WORK":
            if re.search(r"\bfor\s+[_*\"“]?$", text[max(0, c["a"] - 6):c["a"]]):
                c["w"] *= 0.6     # "written for _Mother Earth_": where, not what
            if any(p < c["a"] and re.search(r":\s*[\"“]", text[p:c["a"]]) for p in tpos):
                c["w"] *= 0.3     # inside what was written, not its title


def _span_score(c: dict, q: Question, text: str, tpos, pivots, second, other_spans) -> float | None:
    """A span's score: its weight, closeness to the pivots (and the second names), the words around it."""
    d = min(min(abs(c["a"] - pb), abs(pa - c["b"])) for pa, pb in pivots)
    if second:
        d = (d + 2 * min(min(abs(c["a"] - pb), abs(pa - c["b"])) for pa, pb in second)) / 3
    dw = d / 6.0    # ~ words
    if q.answer_type in ("DATE", "PLACE") and d > 160:
        return None
    if q.answer_type == "DATE" and q.relation in ("birth", "death") and c["w"] < 0.6:
        return None           # "the first half of the twentieth century" is not a birth date
    after = any(c["a"] >= pa for pa, _ in pivots)
    sc = 1.5 * c["w"] * (1.0 / (1.0 + dw / 4.0)) + (0.1 if after else 0)
    if q.answer_type == "PLACE" and after and \
            re.search(r"\b(in|at|to|into|near|from)\s+(the\s+|a\s+|an\s+)?$", text[max(0, c["a"] - 12):c["a"]]):
        sc += 0.25
    if not q.prep and any(0 <= c["a"] - pb <= 25 and not re.search(
            r"[;.]" if q.relation in KIN else r"[,;.]", text[pb:c["a"]]) for pa, pb in
            [(p, _WORD.match(text, p).end()) for p in tpos]):
        sc += 0.35        # right after the verb: "married Liuba Russakova", "joined the Bolsheviks"
    if tpos and all(re.search(r"\b(and|then|but)\s+(?!was\b|were\b)[a-z]+(ed|ied)\b",
                              text[_WORD.match(text, p).end():c["a"]]) for p in tpos if p < c["a"]) \
            and any(p < c["a"] for p in tpos):
        sc -= 0.4         # "worked for ... and married Liuba": the object of another verb
    if q.answer_type == "DATE" and any(0 <= c["a"] - ob <= 4 and "(" in text[ob:c["a"]] for _, ob in other_spans):
        sc += 0.4         # "_The Revolution Betrayed_ (1936)"
    if q.relation == "work_with" and re.search(r"\b(with|under|alongside|and)\s+$", text[max(0, c["a"] - 12):c["a"]]):
        sc += 0.3
    if q.prep and any(pa <= c["a"] and re.search(rf"\b{q.prep}\b", text[pa:c["a"]]) for pa, _ in pivots):
        sc += 0.3
    elif q.prep in ("to", "for", "with", "from", "by") and q.answer_type != "DATE":
        sc -= 0.2         # "flee to?": "fled Paris" names where from
    return sc


_SPLIT = re.compile(r"\]\]\s*|(?<=[.!?])(?:\[\d+\])+\s*(?=\S)|(?<=[.!?])\s+(?=[A-Z\"“(])|\n\s*\n+|(?<=\S)\s{3,}")


def _split(sent, rank: float = 0.0) -> list[Chunk]:
    """A stored sentence (doc, start, text) cut again where citation marks ("...Kamenev.[8] Some authors") or
    headings glued several together; offsets stay document offsets (quote == text[start:end])."""
    text, s0 = sent.text, int(sent.start)
    out, a, prev = [], 0, None
    for m in list(_SPLIT.finditer(text)) + [None]:
        b = m.start() if m else len(text)
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if len(chunk) >= 3:
            st = s0 + a + lead
            out.append(Chunk(sent.doc, st, st + len(chunk), chunk, rank, prev))
            prev = chunk
        if m:
            a = m.end()
    return out


def _object_after(text: str, p: int) -> str:
    rest = re.sub(r"^[\w’']+\s+", "", text[p:])
    rest = re.split(r"[.;,(:]|\s[-–—]\s|\s(?:and|but)\s(?:was|is|he|she|had|has)\b", rest)[0]
    words = rest.split()
    return " ".join(words[:10]) + (" …" if len(words) > 10 else "")


def _after_text(text: str, apos: list[tuple], direction: str) -> str | None:
    a, b = apos[0]
    if direction == "after":
        rest = text[b:]
        m = re.search(r"[,;:]\s*|\s(?:he|she)\s", rest)
        if m and m.end() < len(rest) - 8:
            seg = rest[m.end():] if m.group().strip() in (",", ";", ":") else rest[m.start():]
            return _clause(seg.strip(), 0, 1)
        return None
    before = text[:a]
    seg = before.strip(" ,;")
    return _clause(seg, max(0, len(seg) - 2), len(seg)) if len(seg.split()) >= 3 else None


def sentence_of(conn, doc: str, start: int, end: int) -> Chunk | None:
    """The sentence (cut as ``_split`` cuts) around [start, end) of a document, or None."""
    sent = stored.sentence_around(conn, doc, start, end)
    if sent is None:
        return None
    for c in _split(sent):
        if c.start <= start < c.end:
            return c
    return Chunk(doc, sent.start, sent.end, sent.text)


def support(conn, corpus: Corpus, q: Question, subj: Subject | None, src: dict) -> tuple[float, bool]:
    """How well the sentence around a structured record's quotation supports the question:
    (subject support in [0, 1], all focus words present)."""
    sent = sentence_of(conn, src["doc"], src["start"], src["end"])
    if sent is None:
        return 0.5, True
    s0, text = sent.start, sent.text
    ssup, spans = _subject_support(corpus, src["doc"], s0, text, subj, _tokens(text))
    if q.relation in KIN or q.relation in ("birth", "death"):
        trig = TRIGGER_STEMS.get(q.relation, set())
        pos = [p for p, w in _tokens(text) if stem(w) in trig and s0 + p >= src["start"] - 40 and s0 + p <= src["end"]]
        check = _owned if q.relation in KIN else _agent
        if pos and not any(check(corpus, src["doc"], s0, text, p, subj, spans) for p in pos):
            ssup = 0.0                # "Trotsky's grandson ... (born 7 March 1926)"
        if pos and all(_in_quotes(text, p) for p in pos):
            ssup = 0.0                # said inside a quotation, of somebody the quotation speaks of
    if q.trigger in KIN_WORDS:
        kin = {stem(k) for k in KIN_WORDS[q.trigger]}
        if not kin & {stem(w) for _, w in _tokens(src["quote"])}:
            return ssup, False        # the record's quotation does not say the kin word asked ("son", not "daughter")
    focus = [stem(re.sub(r"['’]s$", "", f)) for f in q.focus]
    stems = {stem(w) for _, w in _tokens(src["quote"] + " " + text)}
    return ssup, all(f in stems for f in focus)
