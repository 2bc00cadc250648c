"""spaCy Doc + Document + mentions -> a ClaimContext: who a token refers to (entity key, pronoun, 'this book').

Shared by the claim rules. Pronouns use the resolver's ``coref`` mentions when
present; otherwise a small fallback: the nearest preceding person (not the
excluded holder), else the document's most mentioned person.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...records import Document, EventDate, Mention, Source
from .stance import Cue, find_cues, sent_of, words

PRONOUNS_PERSON = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
NOMINATIVE = {"he", "she", "himself", "herself"}
PRONOUNS_WORK = {"it", "this", "its", "that"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
ENTITY_TYPES_ABOUT = ("PERSON", "WORK", "ORG", "PLACE", "EVENT")
YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})(s?)\b")
TITLE_SMALL = {"a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "at", "by", "with", "from", "into",
               "as", "but", "nor", "upon", "about"}


@dataclass
class ClaimContext:
    """Everything the rules need to name holders and targets in one document."""

    sdoc: Doc
    document: Document
    mentions: list[Mention]
    cues: list[Cue] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _sorted: list[Mention] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    types: dict[str, str] = field(default_factory=dict)
    reviewed: str | None = None
    _tok_starts: list[int] = field(default_factory=list)
    _dates: list | None = None
    _genders: dict | None = None
    _aliases: dict | None = None
    _surnames: Counter | None = None
    _ranked: list | None = None
    text: str = ""

    @classmethod
    def build(cls, sdoc: Doc, document: Document, mentions: list[Mention]) -> "ClaimContext":
        ctx = cls(sdoc, document, list(mentions))
        ctx.text = sdoc.text if len(sdoc.text) == len(document.text) else document.text  # boilerplate blanked
        ctx._sorted = sorted(ctx.mentions, key=lambda m: (m.start, -(m.end - m.start)))
        ctx._starts = [m.start for m in ctx._sorted]
        for m in ctx.mentions:
            if m.source != "coref":
                ctx.counts[m.key] += 1
            ctx.types.setdefault(m.key, m.type)
        ctx.cues = find_cues(sdoc)
        ctx.reviewed = reviewed_work(document, mentions)
        return ctx

    # -- dates ------------------------------------------------------------
    def date_of(self, lo: int, hi: int) -> EventDate | None:
        """The year a claim in tokens [lo, hi) is dated by: a DATE inside it or hung on one of its verbs."""
        if self._dates is None:
            self._dates = [e for e in self.sdoc.ents if e.label_ == "DATE" and YEAR.search(e.text)]
            taken = {i for e in self._dates for i in range(e.start, e.end)}
            self._dates += [self.sdoc[t.i:t.i + 1] for t in self.sdoc  # "the congress of 1934"
                            if t.i not in taken and t.dep_ in ("pobj", "nummod", "npadvmod")
                            and YEAR.fullmatch(t.text)]
            self._dates.sort(key=lambda e: e.start)
        for e in self._dates:
            if e.end <= lo - 40 or e.start >= hi + 40:
                continue
            hit = lo <= e.start < hi
            t = e.root
            for _ in range(4):
                if hit or t.head is t:
                    break
                t = t.head
                hit = lo <= t.i < hi and t.pos_ in ("VERB", "AUX")
            if hit:
                m = YEAR.search(e.text)
                year = m.group(1)
                end = str(int(year) + 9) if m.group(2) and year.endswith("0") else year
                return EventDate(start=year, end=end, text=e.text)
        return None

    # -- tokens -----------------------------------------------------------
    def token_at(self, char: int) -> Token | None:
        """The token covering a character offset, else the first after it (None past the end)."""
        if not self._tok_starts:
            self._tok_starts = [t.idx for t in self.sdoc]
        if char < 0 or not self._tok_starts:
            return None
        k = bisect_right(self._tok_starts, char) - 1
        if k < 0:
            k = 0
        t = self.sdoc[k]
        if t.idx + len(t.text) <= char:
            k += 1
        return self.sdoc[k] if k < len(self.sdoc) else None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens starting inside [start, end)."""
        t = self.token_at(start)
        out = []
        while t is not None and t.idx < end:
            if t.idx >= start:
                out.append(t)
            t = self.sdoc[t.i + 1] if t.i + 1 < len(self.sdoc) else None
        return out

    # -- mentions ---------------------------------------------------------
    def mention_at(self, char: int) -> Mention | None:
        """The mention covering a character offset (the longest one starting last before it)."""
        i = bisect_right(self._starts, char) - 1
        best = None
        while i >= 0 and i >= bisect_right(self._starts, char) - 8:
            m = self._sorted[i]
            if m.start <= char < m.end and (best is None or m.end - m.start > best.end - best.start):
                best = m
            i -= 1
        return best

    def mention_of(self, tok: Token) -> Mention | None:
        m = self.mention_at(tok.idx)
        if m is not None and m.type == "PERSON" and m.source == "coref" and tok.lower_ not in PRONOUNS_PERSON:
            return None
        return m

    def top_person(self, exclude: str | None = None) -> str | None:
        """The document's most salient person (see ``salience``)."""
        if self._ranked is None:
            people = [k for k in self.counts if self.types.get(k) == "PERSON"]
            self._ranked = sorted(people, key=lambda k: -self.salience(k))
        return next((k for k in self._ranked if k != exclude), None)

    def previous_work(self, char: int, window: int = 1500) -> str | None:
        """The nearest WORK mention before ``char``."""
        i = bisect_right(self._starts, char) - 1
        while i >= 0:
            m = self._sorted[i]
            if char - m.start > window:
                break
            if m.type == "WORK" and m.end <= char:
                return m.key
            i -= 1
        return None

    def previous_person(self, char: int, exclude: str | None = None, window: int = 600) -> str | None:
        """The nearest person mention before ``char`` (within ``window`` characters)."""
        i = bisect_right(self._starts, char) - 1
        while i >= 0:
            m = self._sorted[i]
            if char - m.start > window:
                break
            if m.type == "PERSON" and m.source != "coref" and m.end <= char and m.key != exclude:
                return m.key
            i -= 1
        return None

    # -- references -------------------------------------------------------
    def genders(self) -> dict[str, str]:
        """Person key -> 'm'/'f', voted where a sentence whose subject is that person is followed by one
        whose subject is he/she and which names nobody (the centering pattern); clear majorities only."""
        if self._genders is not None:
            return self._genders
        votes: dict[str, Counter] = {}
        sents = list(self.sdoc.sents)
        for k in range(len(sents) - 1):
            subj = self._sentence_subject(sents[k])
            if subj is None:
                continue
            nxt = sents[k + 1]
            if any((m := self.mention_of(t)) is not None and m.type == "PERSON" for t in nxt):
                continue
            pron = next((t for t in nxt if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
            if pron is not None and pron.lower_ in NOMINATIVE:
                votes.setdefault(subj, Counter())[GENDER[pron.lower_]] += 1
        self._genders = {key: c.most_common(1)[0][0] for key, c in votes.items()
                         if len(c) == 1 or c.most_common(2)[0][1] >= 3 * c.most_common(2)[1][1]}
        return self._genders

    def _sentence_subject(self, sent) -> str | None:
        for t in sent:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
                m = self.mention_of(t)
                return m.key if m is not None and m.type == "PERSON" else None
        return None

    def salience(self, key: str) -> float:
        """How central a person is: mentions, bare surname uses, and naming in the title or about."""
        if self._surnames is None:
            self._surnames = Counter(t.text for t in self.sdoc if t.pos_ == "PROPN")
        last = key.split()[-1]
        score = self.counts.get(key, 0) + 0.5 * self._surnames.get(last, 0)
        meta = " ".join(x for x in (self.document.title, self.document.about) if x)
        if last and last in meta.split():
            score += 1000
        return score

    def fits(self, key: str | None, tok: Token) -> bool:
        """Whether a person key can be what a gendered pronoun refers to. A person of unknown gender fits
        unless the document's main person is known to match the pronoun (then the main person is likelier)."""
        g = GENDER.get(tok.lower_)
        if key is None or g is None:
            return key is not None
        known = self.genders().get(key)
        if known is not None:
            return known == g
        top = self.top_person()
        return top is None or top == key or self.genders().get(top) != g

    def resolve_pronoun(self, tok: Token, exclude: str | None = None) -> str | None:
        """A person pronoun's referent: the resolver's coref mention; else a person that is the subject
        earlier in the same sentence; else the subject of the previous sentence; else the document's most
        mentioned person; else the nearest before. Candidates must agree with the pronoun's gender."""
        m = self.mention_at(tok.idx)
        if m is not None and m.type == "PERSON" and m.key != exclude:
            return m.key
        key = self._resolve(tok, exclude)
        if key is not None and not self.fits(key, tok):
            for cand, _ in self.counts.most_common():
                if self.types.get(cand) == "PERSON" and cand != exclude and self.fits(cand, tok) \
                        and cand in self.genders():
                    return cand
        return key

    def _resolve(self, tok: Token, exclude: str | None) -> str | None:
        for t in sent_of(tok):
            if t.i >= tok.i:
                break
            if t.dep_ in ("nsubj", "nsubjpass"):
                mm = self.mention_of(t)
                if mm is not None and mm.type in ("PERSON", "ORG") and t.pos_ == "PROPN" \
                        and mm.key != exclude and mm.source != "coref" and self.fits(mm.key, tok):
                    return mm.key
        prev = self._previous_subject(tok, exclude)
        if prev is not None and self.fits(prev, tok):
            return prev
        top = self.top_person(exclude)
        if top is not None and self.fits(top, tok):
            return top
        return self.previous_person(tok.idx, exclude) or top

    def _previous_subject(self, tok: Token, exclude: str | None) -> str | None:
        """The person who is the subject of the previous sentence (centering: the likeliest referent)."""
        start = sent_of(tok).start
        if start == 0:
            return None
        prev = sent_of(self.sdoc[start - 1])
        for t in prev:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
                m = self.mention_of(t)
                if m is not None and m.type == "PERSON" and m.key != exclude and m.source != "coref":
                    return m.key
                if t.pos_ == "PROPN" and m is None:
                    known = self.known_name(t.text) or proper_chunk(t)
                    if known != exclude and self.types.get(known, "PERSON") == "PERSON":
                        return known
        return None

    def key_of(self, tok: Token, exclude: str | None = None, allow_text: bool = True, poss: bool = True) -> str | None:
        """The entity key a token (head of a phrase) refers to, or None.

        Looks at the token's mention, then pronouns, 'this book' in a review,
        possessors ('Serge's work'), appositions, compounds and 'of' phrases
        ('the work of X'), then a proper-noun chunk ('Stalinism').
        """
        low = tok.lower_
        m = self.mention_of(tok)
        if m is not None and m.type in ENTITY_TYPES_ABOUT:
            key = m.key
            if " " not in key and m.type in ("PERSON", "ORG"):
                key = self.known_name(key) or key  # 'Holt' -> 'Mara Holt' when the document names her in full
            return key if key != exclude else None
        if low in PRONOUNS_PERSON:
            return self.resolve_pronoun(tok, exclude)
        if low in FIRST_PERSON:
            return None
        if tok.lemma_ in words("work_nouns") and _demonstrative(tok) and not self.reviewed and not any(
                c.dep_ in ("prep", "poss", "compound", "appos", "amod", "relcl", "acl") for c in tok.children):
            prev = self.previous_work(tok.idx)  # "the novel" after "... wrote Salt and Iron"
            if prev:
                return prev
        work = self.reviewed or (self.top_person() if self.document.genre == "review" else None)
        if work and (low in PRONOUNS_WORK and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
                     or tok.lemma_ in words("work_nouns") and _demonstrative(tok)):
            return work
        if tok.pos_ == "NOUN":
            alias = self.aliases().get(_np_key(tok))
            if alias and alias != exclude:
                return alias
            if tok.lemma_.lower() in words("relational_nouns"):
                poss = False  # "her former ally" is not "her"
        for c in sorted(tok.children, key=lambda c: c.dep_ == "poss"):
            if c.dep_ in ("appos", "compound", "poss") and c.i != tok.i and (poss or c.dep_ != "poss"):
                mm = self.mention_of(c)
                if mm is not None and mm.type in ENTITY_TYPES_ABOUT and mm.key != exclude:
                    return mm.key
        for c in tok.children:
            if c.dep_ == "poss" and poss:
                k = self.key_of(c, exclude, allow_text)
                if k:
                    return k
        if tok.lemma_ in words("person_nouns") and _demonstrative(tok) and tok.tag_ == "NN" and not any(
                c.dep_ in ("appos", "compound", "prep", "relcl", "acl") for c in tok.children) and not (
                tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN"):
            return self.resolve_pronoun(tok, exclude)
        if tok.text[:1].isupper() and tok.is_alpha:
            known = self.known_name(tok.text)
            if known and known != exclude:
                return known
        if allow_text and tok.pos_ == "PROPN":
            chunk = proper_chunk(tok)
            low = chunk.lower()
            known = [k for k in self.counts if k.lower() == low or k.lower().endswith(" " + low)]
            return max(known, key=len) if known else chunk
        return None

    def aliases(self) -> dict[str, str]:
        """Descriptions named in apposition: 'my father, Karl Renner' -> {'my father': 'Karl Renner'}."""
        if self._aliases is not None:
            return self._aliases
        out: dict[str, str] = {}
        for t in self.sdoc:
            if t.dep_ not in ("appos", "compound") or t.pos_ != "PROPN":
                continue
            head = t.head
            m = self.mention_of(t)
            if m is None or m.type != "PERSON" or head.pos_ != "NOUN":
                continue
            key = _np_key(head)
            if key and key not in out:
                out[key] = m.key
        self._aliases = out
        return out

    def known_name(self, word: str) -> str | None:
        """The most mentioned entity key whose last word is ``word`` ('Reyes' -> 'Daniel Reyes')."""
        best = None
        for key, n in self.counts.items():
            if self.types.get(key) in ("PERSON", "ORG") and key.split()[-1] == word:
                if best is None or (len(key.split()), n) > (len(best[0].split()), best[1]):
                    best = (key, n)
        return best[0] if best else None

    def keys_in(self, tok: Token, exclude: str | None = None) -> list[str]:
        """Entity keys of a noun phrase and its conjuncts, looking through 'the work of X', 'X's memoir'."""
        out: list[str] = []
        for t in [tok] + list(tok.conjuncts):
            k = self.key_of(t, exclude)
            if k is None and (t.lemma_ in words("holder_nouns") or t.lemma_ in words("person_nouns")):
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ in ("of", "by", "at", "from", "in", "within", "among"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                out.extend(self.keys_in(p, exclude))
            elif k and k not in out:
                out.append(k)
        return [k for i, k in enumerate(out) if k not in out[:i]]

    def holder_keys(self, tok: Token) -> list[str]:
        """Holders named by a subject / agent phrase; a common noun ('critics', 'the publisher') keeps its text."""
        if tok.lower_ in FIRST_PERSON:
            return []
        if tok.pos_ == "NOUN":
            nxt = tok.doc[tok.i + 1:tok.i + 3]
            for t in nxt:  # "his former deputy, Lena Ortiz", "her former ally James Doyle"
                m = self.mention_of(t)
                if t.is_punct:
                    continue
                if m is not None and m.type == "PERSON" and m.start == t.idx:
                    return [m.key]
                break
            named = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("including", "like", "notably")
                     for p in c.children if p.dep_ == "pobj"]
            named += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                      and any(a.lower_ == "such" for a in tok.doc[c.i - 1:c.i]) for p in c.children if p.dep_ == "pobj"]
            if named:  # "some biographers, including Niamh Kelly"
                keys = [k for p in named for k in self.keys_in(p)]
                if keys:
                    return keys
        keys = [k for k in self.keys_in(tok) if self.types.get(k) != "EVENT"]
        if keys:
            return keys
        if tok.lower_ in words("quantifier_subjects") or tok.pos_ == "PRON":
            return []
        if tok.pos_ == "NOUN":
            for c in tok.children:
                if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in words(
                        "relational_nouns"):
                    return self.holder_keys(c)  # "the council's own report" -> council
        if tok.pos_ in ("NOUN", "PROPN"):
            return [noun_text(tok)]
        return []

    def source(self, start_char: int, end_char: int) -> Source:
        """A Source for a character range, trimmed of spaces and edge punctuation."""
        text = self.document.text
        start_char = max(0, start_char)
        end_char = min(len(text), end_char)
        while start_char < end_char and (text[start_char].isspace() or text[start_char] in ",;:–—-"):
            start_char += 1
        while end_char > start_char and (text[end_char - 1].isspace() or text[end_char - 1] in ",;:–—-("):
            end_char -= 1
        return Source(self.document.doc, start_char, end_char, text[start_char:end_char])

    def token_source(self, first: int, last: int) -> Source:
        """A Source for tokens first..last (inclusive)."""
        a, b = self.sdoc[first], self.sdoc[last]
        return self.source(a.idx, b.idx + len(b.text))


def agent_of(verb: Token) -> Token | None:
    """The 'by' agent of a passive verb, also when the parser hung it on the verb's complement."""
    for holder in [verb] + [c for c in verb.children if c.dep_ in ("oprd", "dobj", "attr", "prep", "xcomp")]:
        for c in holder.children:
            if c.dep_ in ("agent", "prep") and c.lower_ == "by" and c.i > verb.i:
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
    return None


def _demonstrative(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("this", "that", "these", "the", "my", "our") for c in tok.children)


def _np_key(tok: Token) -> str | None:
    """'my father' / 'his brother' (possessive + noun lemma) for a relational noun, else None."""
    if tok.pos_ != "NOUN":
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    return f"{poss.lower_} {tok.lemma_.lower()}" if poss is not None else None


def proper_chunk(tok: Token) -> str:
    """'orthodox Trotskyism' -> 'Trotskyism'; 'Daily Courier' from its compound proper nouns."""
    toks = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i] + [tok]
    toks.sort(key=lambda t: t.i)
    first = toks[0].i
    return tok.doc[first:tok.i + 1].text


def noun_text(tok: Token) -> str:
    """A common noun phrase's text without determiners: 'the city auditor' -> 'city auditor'."""
    toks = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN", "ADJ")] + [tok]
    first = min(t.i for t in toks)
    while first > 1 and tok.doc[first - 1].text == "-" and tok.doc[first - 2].is_alpha:
        first -= 2
    return tok.doc[first:tok.i + 1].text.lower() if tok.pos_ == "NOUN" else tok.doc[first:tok.i + 1].text


def reviewed_work(document: Document, mentions: list[Mention]) -> str | None:
    """The work a review discusses: ``document.about``, else the work in a 'Review: X – by Y' title."""
    title = document.about
    if not title and document.title and (document.genre == "review" or document.title.lower().startswith("review")):
        t = document.title
        if ":" in t[:12]:
            t = t.split(":", 1)[1]
        for sep in (" – by ", " - by ", " — by ", ", by ", " by "):
            if sep in t:
                t = t.split(sep)[0]
                break
        title = t.strip(" \"'“”‘’") or None
    if not title:
        return None
    low = title.lower()
    for m in mentions:
        if m.type == "WORK" and (m.key.lower() == low or m.text.lower() == low):
            return m.key
    return title


def title_case(text: str, document: Document, mentions: list[Mention]) -> str:
    """A work title as the document spells it best: a WORK mention or the reviewed title, else Title Case."""
    low = text.lower().strip()
    for cand in [m.key for m in mentions if m.type == "WORK"] + [document.about or "", reviewed_work(document, mentions) or ""]:
        if cand and cand.lower() == low:
            return cand
    parts = text.split()
    return " ".join(w if (i and w.lower() in TITLE_SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(parts))
