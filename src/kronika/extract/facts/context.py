"""spaCy Doc + mentions + timexes -> a FactContext: person keys, the main person, entity spans, dates, lexicons.

Shared by the fact pattern modules: who a clause is about (subject resolution with
pronouns going to the most salient person), which entity a token belongs to, and
the lazily loaded lexicons in data/demonyms.json.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
import re
from functools import lru_cache
from itertools import accumulate

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from ...lexicons import load
from ...records import Document, Fact, Mention, Relation, Source, Timex
from .dates import DateSpan, dates_in

KIN_SUBJECTS = {"father", "mother", "brother", "sister", "son", "daughter", "husband", "wife", "parents", "uncle",
                "aunt", "grandfather", "grandmother", "stepfather", "stepmother", "widow", "widower"}
PRONOUNS = {"he", "she", "his", "her", "him", "hers", "himself", "herself"}
FEMININE = {"she", "her", "hers", "herself"}
ENT_TYPES = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG",
             "WORK_OF_ART": "WORK", "EVENT": "EVENT", "NORP": "NORP"}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """data/demonyms.json, loaded once: demonyms, country_aliases, occupations, military_branches."""
    data = dict(load("demonyms"))
    data["occupations"] = set(data["occupations"])
    return data


def country_of(word: str) -> str | None:
    """'German' -> 'Germany', 'U.S.' -> 'United States', 'Belgium' -> 'Belgium'; None when not a country word."""
    lex = lexicon()
    w = " ".join(word.replace(" - ", "-").split()).strip(" ,.'’").lower() if word else ""
    if w in lex["demonyms"]:
        return lex["demonyms"][w]
    if w in lex["country_aliases"]:
        return lex["country_aliases"][w]
    if word and word.strip().lower() in lex["country_aliases"]:
        return lex["country_aliases"][word.strip().lower()]
    for c in set(lex["demonyms"].values()):
        if c.lower() == w:
            return c
    return None


@dataclass
class Ent:
    """An entity span (from the mentions, or spaCy's NER as a fallback)."""

    start: int
    end: int
    text: str
    type: str
    key: str


@dataclass
class FactContext:
    sdoc: Doc
    document: Document
    persons: dict[str, str] = field(default_factory=dict)   # any person key -> canonical key
    main: str | None = None
    gender: str | None = None                                # "f"/"m" when the pronouns say so clearly
    ents: list[Ent] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    _tok_ent: dict[int, Ent] = field(default_factory=dict)
    _date_starts: list[int] = field(default_factory=list)
    lead_end: int | None = None                              # token index right after the opening name

    # --- entities -------------------------------------------------------------
    def ent_of(self, tok: Token) -> Ent | None:
        return self._tok_ent.get(tok.i)

    def person_of(self, tok: Token) -> str | None:
        """The canonical person key a token refers to (a name, or he/she/his/her -> the main person)."""
        if tok.lower_ in PRONOUNS:
            if self.gender and (tok.lower_ in FEMININE) != (self.gender == "f"):
                return None  # "his wife" in a woman's biography is someone else's wife
            if tok.dep_ == "poss":
                return self._possessor(tok)
            return self.main
        e = self.ent_of(tok)
        if e is not None and e.type == "PERSON":
            return self.persons.get(e.key, e.key)
        if tok.pos_ == "PROPN" and self.main and tok.text.casefold() in _name_tokens(self.main):
            doc, words = tok.doc, _name_tokens(self.main)
            near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
            if any(n.pos_ == "PROPN" and n.text[:1].isupper() and n.text.casefold() not in words for n in near):
                return None  # 'Meier Bernheimer' is not 'Lehmann Bernheimer'
            return self.main
        return None

    def _possessor(self, tok: Token) -> str | None:
        """Whose 'his'/'her' is: the subject of its clause when that is someone else named before it ('His
        father, Hugh, ... after his second marriage to Grace': the father's marriage), else the main person."""
        cur = tok.head
        for _ in range(8):
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
            if subj:
                s = subj[-1]
                if s.lower_ in PRONOUNS or s.lower_ in ("who", "that"):
                    return self.main if s.lower_ in PRONOUNS else None
                if s.pos_ == "NOUN" and s.lower_ in KIN_SUBJECTS and tok not in list(s.subtree):
                    named = [c for c in s.children if c.dep_ == "appos"]
                    return self.person_of(named[0]) if named and named[0].lower_ not in PRONOUNS else None
                if s.pos_ == "PROPN" and tok not in list(s.subtree):
                    e = self.ent_of(s)
                    if e is not None and e.type == "PERSON":
                        return self.persons.get(e.key, e.key)
                return self.main
            if cur.head is cur:
                break
            cur = cur.head
        return self.main

    def in_lead_parenthesis(self, tok: Token) -> bool:
        """The token is inside the parenthesis right after the opening name: '(born ...; died ...)'."""
        if self.lead_end is None or tok.i <= self.lead_end or not self.sdoc[self.lead_end].text.startswith("("):
            return False
        depth = 0
        for t in self.sdoc[self.lead_end:min(len(self.sdoc), self.lead_end + 80)]:
            depth += t.text.startswith("(") - (")" in t.text)  # ")[1", "1953)[1" are one token each
            if depth == 0:
                return tok.i < t.i
        return False

    def date_at(self, start: int, end: int) -> DateSpan | None:
        i = bisect.bisect_left(self._date_starts, end) - 1
        while i >= 0:  # dates hardly overlap: look back until one ends before start
            d = self.dates[i]
            if d.start < end and start < d.end:
                return d
            if d.end <= start:
                return None
            i -= 1
        return None

    def dates_between(self, start: int, end: int) -> list[DateSpan]:
        lo = bisect.bisect_left(self._date_starts, start)
        hi = bisect.bisect_left(self._date_starts, end)
        return [d for d in self.dates[lo:hi] if d.end <= end]

    def source(self, start: int, end: int) -> Source:
        text = self.document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Source(self.document.doc, start, end, text[start:end])

    # --- subjects ---------------------------------------------------------------
    def clause_subject(self, tok: Token) -> str | None:
        """The person a clause containing ``tok`` is about; the main person when the clause has no subject.

        Walks up to the governing verb; a nominal subject that is a person (or a pronoun)
        decides; a non-person subject ("his father died") gives None.
        """
        seen = 0
        cur = tok
        while seen < 12:
            seen += 1
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                # "The daughter of X, she was born in ...": of two subjects the one next to the verb
                s = subj[-1] if len(subj) > 1 and subj[-1].i < cur.i else subj[0]
                if self.in_lead_parenthesis(s):
                    return self.main  # "X ( 1934 , Uerdingen – 2014 ) was ...": a parse error, the subject is X
                if s.lower_ in ("who", "that") and cur.dep_ == "relcl":
                    h = cur.head
                    if h.pos_ in ("PROPN", "PRON"):
                        return self.person_of(h)
                    while h.dep_ == "conj" and h.head is not h:
                        h = h.head
                    # "X is a footballer who plays for ...", "X, a painter who lived in ...": the described person
                    if h.pos_ == "NOUN" and h.dep_ == "attr" and h.head.lemma_ in ("be", "become", "remain"):
                        subj = [c for c in h.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                        return self.person_of(subj[0]) if subj else None
                    if h.pos_ == "NOUN" and h.dep_ == "appos" and h.head.pos_ == "PROPN":
                        return self.person_of(h.head)
                    return None
                p = self.person_of(s)
                if p is None and s.pos_ in ("NOUN", "PROPN"):
                    # "the critic Ivan Petrov denounced ...": the name in apposition to the subject noun
                    names = [c for c in s.children if c.dep_ == "appos" and self.person_of(c)]
                    p = self.person_of(names[0]) if names else None
                if p:
                    return p
                if s.dep_ == "nsubj" and s.lower_ in ("which", "it", "this", "that"):
                    return None
                return None
            if cur.dep_ in ("appos",) and self.person_of(cur.head):
                return self.person_of(cur.head)
            if cur.dep_ == "relcl" and cur.head.pos_ in ("PROPN",):
                return self.person_of(cur.head)
            if cur.head is cur:
                break
            if cur.dep_ in ("conj", "advcl", "xcomp", "ccomp", "acl", "prep", "pobj", "dobj", "attr", "appos",
                            "npadvmod", "pcomp", "advmod", "agent", "compound", "amod", "dep", "nmod", "oprd"):
                cur = cur.head
                continue
            cur = cur.head
        return self.main


def _lead_name(sdoc: Doc) -> tuple[int, int, str, int, int] | None:
    """A biography's opening name: 'X (born ...) is a ...', 'X was a ...' -> (start, end, text, tok_lo, tok_hi)."""
    sents = list(sdoc.sents)[:1]
    if not sents:
        return None
    sent = sents[0]
    # a footnote mark may end the parser's first sentence: 'ÉVARISTE GALOIS (;[1] ; 25 October 1811 – ...'
    toks = [t for t in sent] if len(sent) > 6 else list(sdoc[:min(len(sdoc), 40)])
    end = None
    for k, t in enumerate(toks[:25]):
        if t.text.startswith("(") or t.text == "," or t.text.startswith("["):
            end = k
            break
        if t.lemma_ in ("be",) and t.dep_ in ("ROOT", "aux", "auxpass"):
            end = k
            break
    if not end:
        return None
    name = toks[:end]
    while name and (not name[0].text[:1].isupper() or _JUNK.search(name[0].text)):
        name = name[1:]  # 'Raiffeisen-tochter-amalie-200px.jpg AMALIE RAIFFEISEN (...)': an image's file name
    if not name or len(name) > 8 or not all(t.text[:1].isupper() or t.text in ('"', "'", "-", ".") or t.lower_ in
                                            ("de", "van", "von", "der", "da", "du", "bin", "ibn", "al", "y", "of")
                                            for t in name):
        return None
    par = _lead_parenthesis(sdoc, toks[end].i)
    dated = sdoc[par].text.startswith("(") and any(t.ent_type_ == "DATE" or t.lower_ == "born"
                                                   for t in sdoc[par:min(len(sdoc), par + 12)])
    if not dated and (not any(t.pos_ == "PROPN" for t in name) or not any(t.ent_type_ == "PERSON" for t in name)
                      and any(t.ent_type_ in ("GPE", "ORG", "DATE", "WORK_OF_ART", "FAC", "LOC") for t in name)):
        return None
    if not dated and not any(t.ent_type_ == "PERSON" for t in name):
        # an untagged name is a person only when the sentence calls it one: "X was a Swedish chemist"
        attr = [c for c in toks[end].children if c.dep_ == "attr"] if toks[end].lemma_ == "be" else []
        if not attr or attr[0].lemma_.lower() not in lexicon()["occupations"]:
            return None
    s, e = name[0].idx, name[-1].idx + len(name[-1].text)
    text = " ".join(t.text for t in name if t.text not in ('"', "'"))
    return s, e, text, name[0].i, name[-1].i + 1


_NOTE = re.compile(r"^(?:,|;|\[|\]|\d{1,3}\]?|[A-Z][A-Z.]{1,7}(?:\[\d+\]?)?|\[\d+\]?|[A-Z]\.)$")


def _lead_parenthesis(sdoc: Doc, end: int) -> int:
    """The token right after the opening name, or the '(' a few post-nominals or footnote marks later:
    'EDWARD JENNER, FRS FRCPE[1] (17 May 1749 – ...)', 'MYCHAL JUDGE, O.F.M. (born ...)'."""
    for k in range(end, min(len(sdoc), end + 8)):
        if sdoc[k].text.startswith("("):
            return k
        if not _NOTE.match(sdoc[k].text):
            break
    return end


def _name_tokens(name: str) -> set[str]:
    """Case-folded tokens of a name, hyphens split: 'OSCAR-CLAUDE MONET' -> {'oscar', 'claude', 'monet'}."""
    return {w for w in re.split(r"[\s\-‐–.]+", name.casefold()) if w and w not in ("'s", "’s")}


def _fold_into_main(ctx: "FactContext", counts: Counter) -> None:
    """The opening name and the names made of its words are one person, whatever their case.

    'SYLVIA PLATH (...) was ...' (a title in capitals) is the 'Sylvia Plath' of the text: the main key
    becomes the most used mention key with the same words; a bare surname or given name of the main
    person ('Plath') is the main person, not a relative who shares it ('Otto Plath'), as a biography
    names its subject by the surname alone.
    """
    main = ctx.main
    if not main:
        return
    words = _name_tokens(main)
    if sum(1 for w in main.split() if w.isupper() and len(w) > 1) >= 2:  # 'SIR ALEXANDER FLEMING', 'General IVAN PETROV' 
        same = [k for k in counts if k != main and not k.isupper() and len(_name_tokens(k)) >= 2
                and _name_tokens(k) <= words and _surname(main) in _name_tokens(k)]
        if same:
            better = max(same, key=lambda k: (len(_name_tokens(k)), counts[k], k))
            ctx.main = better
            for k, v in list(ctx.persons.items()):
                if v == main:
                    ctx.persons[k] = better
            for i, e in list(ctx._tok_ent.items()):
                if e.type == "PERSON" and e.key == main:
                    ctx._tok_ent[i] = Ent(e.start, e.end, e.text, "PERSON", better)
            main = better
    last = _surname(main)
    ctx.persons[main] = main  # not 'Margaret Mead Legacy', a longer key that merely contains the name
    for k in list(ctx.persons):
        kt = _name_tokens(k)
        if k == main or not kt or not kt <= words:
            continue
        if last in kt or len(kt) == 1 and ctx.persons.get(k) == k:
            ctx.persons[k] = main  # 'Plath', 'Claude Monet'; not 'Joseph-Octave', a son of Joseph Octave Mousseau


def _canon_persons(keys: list[str], counts: Counter) -> dict[str, str]:
    """Short person keys to the longer key whose tokens include them ('Serge' -> 'Victor Serge')."""
    out = {}
    uniq = sorted(set(keys), key=lambda k: (-len(k.split()), -counts[k], k))   # total order: no hash-seed effects
    for k in uniq:
        toks = set(k.replace(".", " ").split())
        best = None
        for other in uniq:
            if other == k or len(other.split()) <= len(k.split()):
                continue
            if toks <= set(other.replace(".", " ").split()) | set(other.replace("'s", "").split()):
                if best is None or counts[other] > counts[best]:
                    best = other
        out[k] = out.get(best, best) if best else k
    return out


def build_context(sdoc: Doc, document: Document, mentions: list[Mention], timexes: list[Timex]) -> FactContext:
    """Everything the fact modules share about one document."""
    ctx = FactContext(sdoc, document)
    ents = [Ent(m.start, m.end, m.text, m.type, m.key) for m in mentions]
    covered = sorted((e.start, e.end) for e in ents)
    cov_starts = [a for a, _ in covered]
    cov_ends = list(accumulate((b for _, b in covered), max))  # furthest end among the first k mentions
    for e in sdoc.ents:
        typ = ENT_TYPES.get(e.label_)
        if typ is None:
            continue
        k = bisect.bisect_left(cov_starts, e.end_char)  # mentions starting before the entity ends
        if typ == "NORP" or not (k and cov_ends[k - 1] > e.start_char):
            ents.append(Ent(e.start_char, e.end_char, e.text, typ, e.text))
    ctx.ents = sorted(ents, key=lambda e: (e.start, -e.end))
    for e in ctx.ents:  # token -> entity, first (longest) entity wins over a NORP
        span = sdoc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if e.start <= tok.idx < e.end and (tok.i not in ctx._tok_ent or ctx._tok_ent[tok.i].type == "NORP"):
                ctx._tok_ent[tok.i] = e
    pkeys = [e.key for e in ctx.ents if e.type == "PERSON"]
    counts = Counter(pkeys)
    ctx.persons = _canon_persons(pkeys, counts)
    canon_counts: Counter = Counter()
    first: dict[str, int] = {}
    for e in ctx.ents:
        if e.type == "PERSON":
            k = ctx.persons[e.key]
            canon_counts[k] += 1
            first.setdefault(k, e.start)
    lead_name = _lead_name(sdoc)
    if lead_name is not None:
        ctx.lead_end = _lead_parenthesis(sdoc, lead_name[4])
        ent = next((e for e in ctx.ents if e.type == "PERSON" and e.start < lead_name[1] and lead_name[0] < e.end), None)
        if ent is not None and ent.start <= lead_name[0] and ent.end >= lead_name[1]:
            # the opening mention's own key: never a longer key that contains its words ('Paul Lemaire Sr'
            # for 'Paul Lemaire', the father of PAUL LEMAIRE JR.)
            ctx.main = ent.key
            ctx.persons[ent.key] = ent.key
        else:
            if ent is not None:  # the entity stage cut the name short: 'Carl Gösta' of 'Carl Gösta von der Esch'
                ctx.persons[ent.key] = lead_name[2]
            ctx.main = lead_name[2]
            ctx.persons[lead_name[2]] = lead_name[2]
            for k in list(ctx.persons):
                if k != ctx.main and set(k.split()) <= set(ctx.main.split()):
                    ctx.persons[k] = ctx.main
            for i in range(lead_name[3], lead_name[4]):
                ctx._tok_ent[i] = Ent(lead_name[0], lead_name[1], lead_name[2], "PERSON", lead_name[2])
        _fold_into_main(ctx, counts)
    elif canon_counts:
        lead = min(first, key=first.get)
        top = max(canon_counts.values())
        # a biography names its person first; otherwise the most mentioned person
        ctx.main = lead if canon_counts[lead] * 2 >= top else max(canon_counts, key=lambda k: (canon_counts[k], -first[k]))
    ctx.dates = dates_in(document.text, timexes)
    ctx._date_starts = [d.start for d in ctx.dates]
    # the main person's gender from subject pronouns (possessives often belong to others)
    fem = sum(1 for t in sdoc if t.lower_ == "she")
    masc = sum(1 for t in sdoc if t.lower_ == "he")
    if fem + masc >= 1 and max(fem, masc) >= 3 * min(fem, masc):
        ctx.gender = "f" if fem > masc else "m"
    return ctx


CONNECT = {"of", "the", "de", "du", "des", "la", "le", "von", "van", "der", "den", "for", "and", "&", "-", "–", "'s",
           "’s", "y", "di", "da", "del"}
STOP_CAPS = {"He", "She", "His", "Her", "The", "In", "On", "At", "After", "Before", "During", "From", "It", "They",
             "This"}


def name_at(ctx: FactContext, tok: Token) -> tuple[int, int, str, str | None]:
    """The name a token belongs to: (start, end, text, entity key or None).

    A run of capitalised tokens (joined by 'of', 'the', 'de', '-', ...) around ``tok``;
    an overlapping entity mention wins when it is longer.
    """
    doc = tok.doc
    sent = tok.sent

    def cap(t: Token) -> bool:
        return (t.text[:1].isupper() or (t.like_num and t.i > sent.start and doc[t.i - 1].text[:1].isupper())) \
            and t.text not in ("(", ")")
    lo = hi = tok.i
    while lo - 1 >= sent.start:
        p = doc[lo - 1]
        if cap(p) and p.text not in STOP_CAPS and p.pos_ != "PRON":
            lo -= 1
        elif (p.text == "-" or p.lower_ in CONNECT and p.lower_ not in ("and", "the", "for", "&")) \
                and lo - 2 >= sent.start and cap(doc[lo - 2]) and doc[lo - 2].text not in STOP_CAPS:
            lo -= 2
        else:
            break
    while hi + 1 < sent.end:
        n = doc[hi + 1]
        if cap(n):
            hi += 1
        elif n.lower_ in CONNECT and hi + 2 < sent.end and cap(doc[hi + 2]) and n.lower_ != "and" \
                and not (doc[hi + 2].ent_type_ == "NORP" or doc[hi + 2].lower_ in lexicon()["demonyms"]):
            hi += 2  # "University of Ghent", not "Copenhagen of Jewish (parents)"
        else:
            break
    while lo < hi and doc[lo].lower_ in CONNECT:
        lo += 1
    s, e = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    key = None
    ent = ctx.ent_of(tok)
    if ent is not None and ent.type != "NORP":
        key = ctx.persons.get(ent.key, ent.key) if ent.type == "PERSON" else ent.key
        inner = ctx.document.text[ent.start:ent.end]
        if ((ent.end - ent.start) > (e - s) and not (", " in inner or (" and " in inner and ent.type in ("WORK", "PERSON")))
                and not any(d.start < ent.end and ent.start < d.end for d in ctx.dates)) or not tok.text[:1].isupper():
            s, e = ent.start, ent.end
    if not tok.text[:1].isupper() and ent is None:
        s, e = tok.idx, tok.idx + len(tok.text)
    return s, e, ctx.document.text[s:e], key


_FOOTNOTE = re.compile(r"\s*\[\s*(?:\d+|[a-z]|citation needed|note \d+)?\s*\]?\s*$")   # "Society[34", "1918[1]"
_JUNK = re.compile(r"[|=<>{}\\]|\.(?:jpe?g|png|gif|svg|tiff?)\b|https?:|www\.|_\w", re.I)   # markup, files, links
PERSON_VALUED = {"spouse", "parent", "child", "sibling"}
#: attributes whose value is never the subject itself
SELF_EXCLUSIVE = {"spouse", "parent", "child", "sibling", "notable_work", "pseudonym", "birth_name", "member_of",
                  "employer", "educated_at", "award"}


def _surname(name: str) -> str:
    """The last word of a name that is not a generation mark: 'Paul Desmarais Jr.' -> 'desmarais'."""
    return next((w for w in reversed(re.split(r"[\s\-‐–]+", name.casefold()))
                 if w and w.rstrip(".") not in ("jr", "sr", "ii", "iii", "iv")), "")


def _is_self(value: str, subject: str) -> bool:
    """The value names the subject: the same words, two or more of them, or the surname alone
    ('Paul' is a son of Paul Desmarais Jr.; 'Plath' is Sylvia Plath)."""
    v, s = _name_tokens(value), _name_tokens(subject)
    if not v or not s:
        return False
    last = _surname(subject)
    if len(v) >= 2:  # 'Joseph-Octave', a son of Joseph Octave Mousseau, lacks the surname: not the father
        return v <= s and last in v
    return v == s or (len(s) >= 2 and v == {last})


def add_fact(ctx: FactContext, subject: str | None, attribute: str, value: tuple[int, int, str, str | None],
             stmt: tuple[int, int], confidence: float = 0.8, date: DateSpan | None = None) -> None:
    """Append a Fact; ``value`` is (start, end, text, key), ``stmt`` the span that states it."""
    if not subject or not value[2].strip():
        return
    s, e = min(stmt[0], value[0]), max(stmt[1], value[1])
    val = _FOOTNOTE.sub("", " ".join(value[2].split())).strip(" ,;:")
    if not val or (value[3] and value[3] == subject) or _JUNK.search(val):
        return
    if attribute in PERSON_VALUED:
        words = val.split()
        while len(words) > 1 and lexicon()["demonyms"].get(words[0].lower()):
            words = words[1:]  # "her first husband (1923-28) American Luther Cressman" -> "Luther Cressman"
        val = " ".join(words)
    if attribute in SELF_EXCLUSIVE and (_is_self(val, subject) or val.casefold() in STOP_WORDS):
        return  # a value that is a function word ('It', 'This') is a misread title or name  # "Hughes and Plath were married": a person is not their own spouse, parent or work
    if date is not None:
        ctx.facts.append(Fact(subject, attribute, val, ctx.source(s, e), date.iso, date.event_date(),
                              confidence * (0.8 if date.approx else 1.0), None))
    else:
        ctx.facts.append(Fact(subject, attribute, val, ctx.source(s, e), None, None, confidence, value[3]))


def add_relation(ctx: FactContext, a: str | None, relation: str, b: str | None, stmt: tuple[int, int],
                 confidence: float = 0.7) -> None:
    if not a or not b or a == b:
        return
    ctx.relations.append(Relation(a, relation, b, ctx.source(*stmt), confidence=confidence))
