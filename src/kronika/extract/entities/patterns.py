"""spaCy Doc -> candidate spans from rules: WORK titles (triggers, quotes, "Review: X – by Y", "X (1951)",
possessives) and PERSON names (titles such as "General X", "Firstname Lastname" runs).

Each candidate is a ``Cand`` (token start, token end, spaCy label, priority, source). The entities
component merges them with the model's and the gazetteer's spans.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ...annotate import arrays
from ...lexicons import words
from .gazetteer import name_lists

#: Lower-case words allowed inside a title ("Midnight in the Century").
FUNC = frozenset("of the a an in on at for and to with from by or into under over upon de la le les du des von van der den y el".split())
#: Words announcing a title that follows.
TRIGGERS = words("entities", "title_triggers")
PERIODICALS = words("entities", "periodicals")
PLURAL_TRIGGERS = frozenset(t for t in TRIGGERS if t.endswith("s") and t not in ("memoirs", "works", "diaries") or t in ("works", "diaries", "studies"))
#: Words allowed between a trigger and its title ("novels (specifically X and Y)").
CONNECTORS = frozenset("specifically including include includes included especially notably namely entitled titled called such as like".split()) | {",", ":", "(", "—", "–", "-"}
QUOTES_OPEN = {"'": "'", "‘": "’", '"': '"', "“": "”", "«": "»"}
#: Second words that make a "Firstname X" run a place or building, not a person.
NON_PERSON_HEADS = words("entities", "non_person_heads")
#: Head words of institutions and places: a capitalised run ending in one is a name, not a title.
INSTITUTION_HEADS = words("entities", "institution_heads")
#: Institution heads that name a contest or occasion rather than a body ("Ranji Trophy").
CONTEST_HEADS = words("entities", "contest_heads")
#: Last words of historical event names ("Boxer Rebellion", "Dreyfus Affair", "Rivonia Trial").
EVENT_HEADS = words("entities", "event_heads")
#: Event words that need an ordinal or a year to be an event rather than a body ("Fifth Congress of the Comintern").
EVENT_HEADS_DATED = words("entities", "event_heads_dated")
#: First words of "X of Y" event names ("Battle of Tsushima", "Treaty of Rapallo").
EVENT_OF = words("entities", "event_of_heads")
ORDINALS = words("entities", "ordinals")
#: Last words of natural and administrative place names ("Big Muddy Creek", "Fort Peck Indian Reservation").
GEO_HEADS = words("entities", "geo_heads")
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
IDEOLOGY = re.compile(r"^[A-Z][\w-]*(ism|isms|ist|ists|ite|ites)$")
#: Adherent adjectives the model tags as organisations ("the early Bolshevik secret police").
ADHERENTS = words("entities", "adherents")
#: Capitalised common nouns the model tags as entities on their own ("the Party", "the State", "Generals").
GENERIC = words("entities", "generic_nouns")


class Cand(NamedTuple):
    start: int
    end: int
    label: str
    prio: float
    source: str
    kid: str = ""


def _install_extensions() -> None:
    if not Token.has_extension("kr_cap"):
        Token.set_extension("kr_cap", getter=lambda t: bool(t.text[:1].isupper()) or (t.like_num and len(t.text) == 4))


_install_extensions()


DEMONYM = re.compile(r"^[A-Z][a-z]+(ian|ians|ean|eans|ese|ish)$")


def is_ideology(text: str) -> bool:
    """Trotskyism, Stalinist, Bolshevism, Leninists: ideologies and adherents, not entities of our types."""
    text = re.sub(r"^(?:[Aa]nti|[Pp]ro|[Nn]on|[Nn]eo|[Ee]x)[- ]*", "", text.replace(" - ", "-")) or text
    return bool(IDEOLOGY.match(text)) or text in ADHERENTS


def is_demonym(text: str) -> bool:
    """Ukrainian, Japanese, Finnish: nationality adjectives (NORP), not places."""
    return bool(DEMONYM.match(text))


def is_generic(words: list[str]) -> bool:
    """True when every word is a common noun or adjective ("Civil War", "Party Centre", "State")."""
    return bool(words) and all(w.lower() in GENERIC or w.lower() in FUNC or w in ADHERENTS for w in words)


def _cap(t: Token) -> bool:
    return t.text[:1].isupper() or (t.like_num and len(t.text) == 4)


def title_run(doc: Doc, i: int, lists: bool = False, colon: bool = False, limit: int = 16) -> list[tuple[int, int]]:
    """Token ranges of the capitalised title run starting at ``i`` (several when ``lists`` splits "A, B and C")."""
    if i >= len(doc) or not _cap(doc[i]):
        return []
    parts, start, j, end = [], i, i, i
    sent_end = doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc)
    while j < min(len(doc), sent_end, i + limit):
        t = doc[j]
        if "\n" in t.text or (j > i and "\n" in doc[j - 1].whitespace_ + doc[j - 1].text):
            break
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if _cap(t):
            end = j + 1
        elif t.text == "-" and not doc[j - 1].whitespace_ and not t.whitespace_ and nxt is not None and _cap(nxt):
            pass
        elif t.text in ("'s", "’s") and nxt is not None and _cap(nxt):
            pass
        elif t.text == ":" and colon and nxt is not None and _cap(nxt):
            pass
        elif lists and t.text == "(" and j + 2 < len(doc) and YEAR.match(doc[j + 1].text) and doc[j + 2].text == ")":
            parts.append((start, end))  # "The Two Fridas (1939) and Self-Portrait ..."
            j += 3
            start = end = j
            continue
        elif lists and (t.text == "," or t.lower_ == "and") and nxt is not None and _cap(nxt):
            parts.append((start, end))
            start = j + 1
        elif t.lower_ in FUNC and t.text.islower():
            pass
        else:
            break
        j += 1
    parts.append((start, end))
    return [(a, b) for a, b in parts if b > a]


#: Patterns whose last token must be capitalised (checked on the matches).
_CAP_LAST = frozenset({"HISHER", "REVIEW", "POSS"})


_HISHER = frozenset({"his", "her", "their"})
_REVIEW = frozenset({"review", "reviewed", "reviewing"})
_POSS_S = frozenset({"'s", "’s"})


class PatternFinder:
    """Rule layers over one Doc: title and name patterns built once per vocabulary.

    ``matcher`` states the token patterns; ``scan`` finds the same matches with a
    direct pass over the token lists (the Matcher evaluates its set and extension
    predicates on every token, several times slower), and is what runs.
    """

    def __init__(self, vocab):
        names = name_lists()
        self.first_names = names["first_names"]
        self.titles = frozenset(t for t in names["titles"] if " " not in t)
        self.matcher = Matcher(vocab)
        self.matcher.add("TRIGGER", [[{"LOWER": {"IN": sorted(TRIGGERS)}}]])
        # The last token of HISHER, REVIEW and POSS must be capitalised (``_cap``, the ``kr_cap`` extension);
        # that test is applied to the matches in ``__call__``: an extension in a pattern makes the Matcher call
        # its getter on every token of the document.
        self.matcher.add("HISHER", [[{"LOWER": {"IN": ["his", "her", "their"]}}, {}]])
        self.matcher.add("REVIEW", [[{"LOWER": {"IN": ["review", "reviewed", "reviewing"]}}, {"ORTH": ":", "OP": "?"}, {}]])
        self.matcher.add("YEAR", [[{"ORTH": "("}, {"TEXT": {"REGEX": YEAR.pattern}}, {"ORTH": ")"}]])
        self.matcher.add("POSS", [[{"POS": "PROPN", "IS_TITLE": True}, {"ORTH": {"IN": ["'s", "’s"]}}, {}]])
        self.matcher.add("TITLE", [[{"ORTH": {"IN": sorted(self.titles)}}, {"IS_TITLE": True, "POS": "PROPN"}]])
        self.matcher.add("FIRST", [[{"ORTH": {"IN": sorted(self.first_names)}}, {"IS_TITLE": True, "POS": "PROPN"}]])

    def scan(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(pattern name, start, end) of every match of ``matcher`` (with the capitalised-last-token test),
        as a set: the order differs from the Matcher's, which the callers do not depend on."""
        texts, lowers, tags = arrays.texts(doc), arrays.lowers(doc), arrays.pos(doc)
        n = len(texts)
        out = []
        for i in range(n):
            low, text = lowers[i], texts[i]
            if low in TRIGGERS:
                out.append(("TRIGGER", i, i + 1))
            if low in _HISHER and i + 1 < n and _cap(doc[i + 1]):
                out.append(("HISHER", i, i + 2))
            if low in _REVIEW and i + 1 < n:
                if _cap(doc[i + 1]):
                    out.append(("REVIEW", i, i + 2))
                if texts[i + 1] == ":" and i + 2 < n and _cap(doc[i + 2]):
                    out.append(("REVIEW", i, i + 3))
            if text == "(" and i + 2 < n and texts[i + 2] == ")" and YEAR.search(texts[i + 1]):
                out.append(("YEAR", i, i + 3))
            if (tags[i] == "PROPN" and i + 2 < n and texts[i + 1] in _POSS_S and doc[i].is_title
                    and _cap(doc[i + 2])):
                out.append(("POSS", i, i + 3))
            if i + 1 < n and (text in self.titles or text in self.first_names) and tags[i + 1] == "PROPN" \
                    and doc[i + 1].is_title:
                if text in self.titles:
                    out.append(("TITLE", i, i + 2))
                if text in self.first_names:
                    out.append(("FIRST", i, i + 2))
        return out

    # ---- WORK titles -------------------------------------------------------------------
    def works(self, doc: Doc, matches, texts: list[str]) -> list[Cand]:
        out: list[Cand] = []
        for name, s, e in matches:
            if name == "TRIGGER":
                trig = doc[s]
                j = e
                while j < len(doc) and j < e + 3 and (doc[j].lower_ in CONNECTORS or doc[j].text in CONNECTORS):
                    j += 1
                if j < len(doc) and doc[j].text in QUOTES_OPEN:
                    out.extend(self._quoted(doc, j, 4.0))
                    continue
                if trig.lower_ in ("work", "works", "review", "study", "text") and j == e:
                    continue  # "his work Germany ..." is too weak without a connector or quotes
                if j < len(doc) and doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "NUM", "DET", "PRON", "ADP", "VERB") and _cap(doc[j]):
                    if doc[j].is_sent_start or (doc[j].lower_ in ("i", "he", "she", "it", "we", "they", "this", "in", "but", "and")
                                                and doc[j].pos_ != "PROPN"):
                        continue
                    for a, b in title_run(doc, j, lists=trig.lower_ in PLURAL_TRIGGERS, colon=True):
                        # a single capitalised word after "book" is as often a name ("the book Serge wrote"),
                        # but not after "the newspaper" ("the newspaper Freedom")
                        if b - a > 1 or (trig.lower_ in PERIODICALS and doc[a].ent_type_ != "PERSON"):
                            out.append(Cand(a, b, "WORK_OF_ART", 4.0, "title"))
            elif name == "HISHER":
                for a, b in title_run(doc, s + 1):
                    if b - a >= 2:
                        out.append(Cand(a, b, "WORK_OF_ART", 2.4, "title"))
            elif name == "REVIEW":
                runs = title_run(doc, e - 1, colon=False)
                if runs:
                    a, b = runs[0]
                    if b < len(doc) and (doc[b].text in ("–", "-", "—", ",", "(") or doc[b].lower_ == "by"):
                        out.append(Cand(a, b, "WORK_OF_ART", 4.0, "title"))
            elif name == "YEAR":
                span = self._before_year(doc, s)
                if span is not None:
                    out.append(Cand(span[0], span[1], "WORK_OF_ART", 2.4, "title"))
            elif name == "POSS":
                runs = title_run(doc, e - 1)
                if runs:
                    a, b = runs[0]
                    if (b - a >= 3 and sum(_cap(t) for t in doc[a:b]) >= 2 and any(t.lower_ in FUNC for t in doc[a:b])
                            and doc[b - 1].text not in INSTITUTION_HEADS):
                        out.append(Cand(a, b, "WORK_OF_ART", 2.4, "title"))
        out.extend(self._all_quoted(doc, texts))
        return out

    @staticmethod
    def _before_year(doc: Doc, s: int) -> tuple[int, int] | None:
        """The capitalised run just before "(1951)": a title unless it is a name, a place or an institution."""
        k = s - 1
        while k >= 0 and s - k < 14 and (_cap(doc[k]) or (doc[k].lower_ in FUNC and doc[k].text.islower())):
            if "\n" in doc[k].text or (doc[k].is_sent_start and not _cap(doc[k])):
                break
            k -= 1
        a = k + 1
        while a < s and not _cap(doc[a]):
            a += 1
        if a >= s or doc[s - 1].text in ("'", "’", '"', "”") or doc[s - 1].text in INSTITUTION_HEADS:
            return None  # nothing, a quoted title (the quote scan has it) or "Party (1919)"
        if s - a < 2 and doc[a].is_sent_start:
            return None
        first, last = doc[a], doc[s - 1]
        if first.ent_iob_ == "B" and first.ent_type_ in ("PERSON", "GPE") and last.ent_type_ == first.ent_type_:
            return None  # "Emma Goldman (1869)", "Berlin (1920)"
        return a, s

    def _quoted(self, doc: Doc, q: int, prio: float, strict: bool = False) -> list[Cand]:
        close = QUOTES_OPEN.get(doc[q].text)
        if close is None:
            return []
        for k in range(q + 1, min(len(doc), q + 18)):
            t = doc[k]
            if t.text in (close, "'", "’", '"', "”") and k > q + 1:
                e = k
                while e > q + 1 and doc[e - 1].is_punct and doc[e - 1].text not in ("?", "!"):
                    e -= 1
                inner = doc[q + 1:e]
                if len(inner) == 0:
                    return []
                words = [w for w in inner if w.is_alpha]
                if not words or not _cap(inner[0]):
                    return []
                if strict:
                    content = [w for w in words if w.lower_ not in FUNC]
                    if len(words) < 2 or len(inner) > 12 or not all(_cap(w) for w in content):
                        return []
                    if inner[-1].text in INSTITUTION_HEADS:
                        return []
                return [Cand(q + 1, e, "WORK_OF_ART", prio, "title")]
            if "\n" in t.text or t.text in (".", "!", "?") and not strict:
                return []
        return []

    def _all_quoted(self, doc: Doc, texts: list[str]) -> list[Cand]:
        """Quoted title-case runs of 2-12 words anywhere ("'Darkness at Noon'"); scare quotes are lower case."""
        out = []
        for i, txt in enumerate(texts):
            if txt in QUOTES_OPEN and (i == 0 or doc[i - 1].whitespace_ or texts[i - 1] in "(["):
                out.extend(self._quoted(doc, i, 2.6, strict=True))
        return out

    # ---- PERSON names ------------------------------------------------------------------
    def persons(self, doc: Doc, matches) -> list[Cand]:
        out = []
        for name, s, e in matches:
            if name not in ("TITLE", "FIRST"):
                continue
            a = s + 1 if name == "TITLE" else s
            b = s + 1
            while (b < len(doc) and b - s <= 3 and doc[b].is_title and doc[b].pos_ == "PROPN" and doc[b].text not in self.titles
                   and (doc[b].is_alpha or re.fullmatch(r"[A-Z]\.|[A-Z][a-z]+[-'][A-Za-z]+", doc[b].text))):
                b += 1
            while b < len(doc) and re.fullmatch(r"[IVX]{1,4}", doc[b].text):
                b += 1  # regnal numbers: Nicholas II
            if b <= s + 1 and name == "FIRST":
                continue
            if any(t.text in NON_PERSON_HEADS or t.text in INSTITUTION_HEADS or t.lower_ in GENERIC for t in doc[a:b]):
                continue
            if name == "FIRST" and doc[s].is_sent_start and doc[s].pos_ != "PROPN":
                continue
            if (name == "FIRST" and s > 0 and doc[s - 1].text[:1].isupper() and not doc[s].is_sent_start
                    and not is_ideology(doc[s - 1].text) and doc[s - 1].text not in self.titles):
                continue  # inside a longer name ("San Antonio Spurs")
            out.append(Cand(a, b, "PERSON", 2.0, "pattern"))
        return out

    # ---- EVENT names -------------------------------------------------------------------
    def events(self, doc: Doc, texts: list[str]) -> list[Cand]:
        out = []
        for i, txt in enumerate(texts):
            if txt not in EVENT_HEADS and txt not in EVENT_HEADS_DATED and txt not in EVENT_OF:
                continue
            t = doc[i]
            if t.text in EVENT_HEADS or t.text in EVENT_HEADS_DATED:
                a = t.i
                while a > 0 and a > t.i - 6 and (_cap(doc[a - 1]) or doc[a - 1].text == "-") and "\n" not in doc[a - 1].text:
                    a -= 1
                if a > 0 and doc[a - 1].text in ("'s", "’s"):
                    continue  # "Germany's War": a possessive, not a name
                while a < t.i and doc[a].text in ("The", "A", "-"):
                    a += 1
                words = [w.text for w in doc[a:t.i + 1] if w.is_alpha]
                if a == t.i or is_generic(words) or doc[a].is_sent_start and a + 1 == t.i and doc[a].pos_ != "PROPN":
                    continue
                if t.text in EVENT_HEADS_DATED and not any(w.text in ORDINALS or YEAR.match(w.text) for w in doc[a:t.i]):
                    continue
                end = t.i + 1
                # "Revolution of 1905", "Congress of the Comintern"
                if end + 1 < len(doc) and doc[end].lower_ == "of" and (YEAR.match(doc[end + 1].text) or t.text in EVENT_HEADS_DATED):
                    k = end + 2 if doc[end + 1].text == "the" else end + 1
                    runs = title_run(doc, k) if not YEAR.match(doc[end + 1].text) else [(end + 1, end + 2)]
                    if runs:
                        end = runs[0][1]
                out.append(Cand(a, end, "EVENT", 2.2, "pattern"))
            elif t.text in EVENT_OF and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of" and _cap(doc[t.i + 2]):
                a = t.i - 1 if t.i > 0 and doc[t.i - 1].text in ORDINALS else t.i
                runs = title_run(doc, t.i + 2)
                if runs and t.text[:1].isupper():
                    out.append(Cand(a, runs[0][1], "EVENT", 2.2, "pattern"))
        return out

    def __call__(self, doc: Doc, texts: list[str] | None = None) -> list[Cand]:
        if texts is None:
            texts = [t.text for t in doc]
        matches = self.scan(doc)
        works = [c for c in self.works(doc, matches, texts)
                 if doc[c.start].text not in self.titles  # offices: "Commissar for Foreign Affairs"
                 and (doc[c.start:c.end].text.count(" ") >= 1 or c.prio >= 4.0)]
        return works + self.persons(doc, matches) + self.events(doc, texts)
