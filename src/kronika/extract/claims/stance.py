"""spaCy Doc -> evaluative cues (word or phrase, polarity, weight) from kronika's stance lexicon, with negation.

The lexicon (``data/stance_lexicon.json``) is loaded lazily, once. ``find_cues``
finds the multi-word entries by their first word (the same matches as the ``Matcher``
of ``_matcher``, which still decides the rare tie between tiers) and the one-word
entries by lookup; ``polarity`` and ``span_stance`` then
apply negation ("not a good novel", "never gave up") and intensifiers.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from ...annotate import arrays
from ...lexicons import load

NEG_CLIMB = ("amod", "advmod", "attr", "acomp", "oprd", "compound", "conj", "appos", "npadvmod", "xcomp", "ROOT")
TIERS = {"positive": (1, True), "negative": (-1, True), "positive_weak": (1, False), "negative_weak": (-1, False),
         "neutral": (0, True)}


@dataclass(frozen=True)
class Cue:
    """One evaluative word or phrase: token range, polarity +1/-1, strong (counts in the document's voice)."""

    start: int
    end: int
    polarity: int
    strong: bool
    text: str
    root: int = -1                # the phrase's head token ("gave" in "gave up")


_SENTS: tuple = (None, [], {})   # (doc, sentence starts, {index: Span}) of the document last asked about


def sent_of(tok: Token) -> Span:
    """The sentence of a token, from a per-document index (``Token.sent`` rescans the document each call).

    The index is swapped in as one tuple, so concurrent threads at worst rebuild it.
    """
    global _SENTS
    doc = tok.doc
    state = _SENTS
    if state[0] is not doc:
        state = (doc, [s.start for s in doc.sents], {})
        _SENTS = state
    _, starts, cache = state
    k = bisect_right(starts, tok.i) - 1
    span = cache.get(k)
    if span is None:
        end = starts[k + 1] if k + 1 < len(starts) else len(doc)
        span = cache[k] = doc[starts[k]:end]
    return span


def lexicon() -> dict:
    """The stance lexicon (``data/stance_lexicon.json``, read once; shared, not to be changed)."""
    return load("stance_lexicon")


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    lex = lexicon()
    out = {k: frozenset(lex[k]) for k in ("negators", "not_negation", "intensifiers", "quantifier_subjects",
                                         "holder_nouns", "relation_nouns", "work_nouns", "person_nouns",
                                         "relational_nouns")}
    for k, v in lex["verbs"].items():
        out["verbs_" + k] = frozenset(v)
    for k, v in lex["nouns"].items():
        out["nouns_" + k] = frozenset(v)
    for k, v in lex["relation_verbs"].items():
        out["relverbs_" + k] = frozenset(v)
    return out


@lru_cache(maxsize=1)
def _all_verbs() -> frozenset[str]:
    out: set[str] = set()
    for v in lexicon()["verbs"].values():
        out.update(v)
    return frozenset(out)


def verb_lemma(tok: Token) -> str:
    """The token's lemma, repaired for verbs the model lemmatises badly ('hated' -> 'hat')."""
    lemma = tok.lemma_.lower()
    known = _all_verbs()
    if lemma in known or tok.pos_ not in ("VERB", "AUX"):
        return lemma
    low = tok.lower_
    for cand in (low, low[:-1], low[:-2], low[:-3], low[:-3] + "e", low[:-1] if low.endswith("s") else "",
                 low[:-2] + "y" if low.endswith("ied") else ""):
        if cand in known:
            return cand
    return lemma


def words(name: str) -> frozenset[str]:
    """A named word set of the lexicon, e.g. ``words('verbs_negative')``, ``words('negators')``."""
    return _word_sets()[name]


def _split(entry: str) -> tuple[list[str], str | None]:
    pos = None
    if "/" in entry:
        entry, pos = entry.rsplit("/", 1)
    parts = entry.replace("n't", " n't").replace("cannot", "can not").replace("-", " - ").split()
    return parts, pos


_MATCHERS: dict[int, Matcher] = {}


@lru_cache(maxsize=1)
def _single_words() -> dict[str, list[tuple[str | None, str]]]:
    """One-word entries: word -> [(POS or None, tier)] (looked up directly, much faster than patterns)."""
    out: dict[str, list[tuple[str | None, str]]] = {}
    lex = lexicon()
    for tier in TIERS:
        for entry in lex[tier]:
            parts, pos = _split(entry)
            if len(parts) == 1:
                out.setdefault(parts[0], []).append((pos, tier))
    return out


def _matcher(vocab) -> Matcher:
    """A Matcher for the multi-word entries ('must read', 'give up', 'cannot think of a better')."""
    key = id(vocab)
    m = _MATCHERS.get(key)
    if m is not None:
        return m
    m = Matcher(vocab)
    lex = lexicon()
    for tier in TIERS:
        for entry in lex[tier]:
            parts, pos = _split(entry)
            if len(parts) < 2:
                continue
            for attr in ("LOWER", "LEMMA"):
                pat = [{attr: w} for w in parts]
                if pos:
                    pat[-1]["POS"] = pos
                m.add(tier, [pat])
    _MATCHERS.clear()
    _MATCHERS[key] = m
    return m


@lru_cache(maxsize=1)
def _phrase_index() -> dict[str, dict[str, list[tuple[str, tuple[str, ...], str | None]]]]:
    """The Matcher's multi-word patterns by attribute and first word: {attr: {word: [(tier, words, POS)]}}."""
    out: dict[str, dict] = {"LOWER": {}, "LEMMA": {}}
    lex = lexicon()
    for tier in TIERS:
        for entry in lex[tier]:
            parts, pos = _split(entry)
            if len(parts) < 2:
                continue
            for attr in ("LOWER", "LEMMA"):
                out[attr].setdefault(parts[0], []).append((tier, tuple(parts), pos))
    return out


def _phrase_hits(sdoc: Doc) -> set[tuple[str, int, int]]:
    """(tier, start, end) of every match of the multi-word patterns of ``_matcher``, found by first word."""
    lowers, lemmas, tags = arrays.lowers(sdoc), arrays.lemmas(sdoc), arrays.pos(sdoc)
    index = _phrase_index()
    n = len(lowers)
    hits = set()
    for attr, vals in (("LOWER", lowers), ("LEMMA", lemmas)):
        first = index[attr]
        for i, v in enumerate(vals):
            for tier, parts, pos in first.get(v, ()):
                k = len(parts)
                if i + k <= n and tuple(vals[i:i + k]) == parts and (not pos or tags[i + k - 1] == pos):
                    hits.add((tier, i, i + k))
    return hits


def find_cues(sdoc: Doc) -> list[Cue]:
    """Every lexicon hit in the document, longest match first where hits overlap."""
    found = _phrase_hits(sdoc)
    ranks: dict[tuple, set] = {}
    for tier, s, e in found:
        pol, strong = TIERS[tier]
        ranks.setdefault((s, e, pol != 0, not strong), set()).add(tier)
    if any(len(v) > 1 for v in ranks.values()):
        # one span in two tiers of equal rank: the Matcher's order decides, as it always did
        m = _matcher(sdoc.vocab)
        hits = [(s, e, *TIERS[sdoc.vocab.strings[mid]]) for mid, s, e in m(sdoc)]
    else:
        hits = [(s, e, *TIERS[tier]) for tier, s, e in found]
    singles = _single_words()
    lowers, lemmas, tags = arrays.lowers(sdoc), arrays.lemmas(sdoc), arrays.pos(sdoc)
    for i, low in enumerate(lowers):
        entries = singles.get(low) or singles.get(lemmas[i].lower())
        if not entries:
            continue
        for pos, tier in entries:
            if pos is None or pos == tags[i]:
                pol, strong = TIERS[tier]
                hits.append((i, i + 1, pol, strong))
                break
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0], h[2] != 0, not h[3]))
    taken: set[int] = set()
    out = []
    for s, e, pol, strong in hits:
        if any(i in taken for i in range(s, e)):
            continue
        taken.update(range(s, e))
        if pol == 0:
            continue  # a neutral phrase only hides its words
        root = next((i for i in range(s, e) if not (s <= sdoc[i].head.i < e) or sdoc[i].head.i == i), e - 1)
        out.append(Cue(s, e, pol, strong, sdoc[s:e].text, root))
    for k, low in enumerate(lowers):  # "a revolutionary among revolutionaries", "a poet's poet"
        if low != "among":
            continue
        t = sdoc[k]
        if t.head.pos_ == "NOUN" and t.i == t.head.i + 1:
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_ == t.head.lemma_ and not any(i in taken for i in range(t.head.i, obj.i + 1)):
                out.append(Cue(t.head.i, t.head.i + 1, 1, True, sdoc[t.head.i:obj.i + 1].text, t.head.i))
    out.sort(key=lambda c: c.start)
    return out


def _is_negator(tok: Token) -> bool:
    low = tok.lower_
    if low not in words("negators") and tok.dep_ != "neg":
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in words("not_negation"):
        return False
    if tok.dep_ == "preconj":
        return False
    return True


def is_negated(sdoc: Doc, cue: Cue) -> bool:
    """True when a negator governs the cue (on it or its heads up to the clause) or closely precedes it."""
    if any(_is_negator(sdoc[i]) for i in range(cue.start, cue.end)) and cue.end - cue.start > 1:
        return False  # the phrase contains its own negation ("cannot think of a better")
    root = sdoc[cue.root]
    tok = root
    for _ in range(4):
        if any(_is_negator(c) for c in tok.children if c.i < cue.start or c.dep_ == "neg"):
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.i != root.i or tok.head is tok or tok.dep_ not in NEG_CLIMB:
            break
        if tok.dep_ == "conj" and any(t.lower_ in ("but", "rather", "instead") for t in sdoc[tok.head.i:tok.i]):
            break  # "not X but Y": the negation stays with X
        tok = tok.head
    lo = max(cue.start - 3, sent_of(root).start)
    for i in range(lo, cue.start):
        t = sdoc[i]
        if _is_negator(t) and not any(p.is_punct for p in sdoc[i:cue.start]) and (
                t.head.i >= cue.start or t.head.i == root.i
                or t.head.i == root.head.i and root.dep_ in NEG_CLIMB):
            return True
    return False


def polarity(sdoc: Doc, cue: Cue) -> int:
    """The cue's polarity after negation."""
    return -cue.polarity if is_negated(sdoc, cue) else cue.polarity


def weight(sdoc: Doc, cue: Cue) -> float:
    """1 plus 0.5 for each intensifier modifying the cue."""
    root = sdoc[cue.root]
    n = sum(1 for c in root.children if c.lower_ in words("intensifiers"))
    if cue.start > 0 and sdoc[cue.start - 1].lower_ in words("intensifiers"):
        n = max(n, 1)
    return 1.0 + 0.5 * n


def cues_in(cues: list[Cue], start: int, end: int, strong_only: bool = False) -> list[Cue]:
    """Cues whose tokens lie inside [start, end)."""
    return [c for c in cues if c.start >= start and c.end <= end and (c.strong or not strong_only)]


def span_stance(sdoc: Doc, cues: list[Cue], start: int, end: int, strong_only: bool = False) -> tuple[str, float]:
    """Stance of the token range [start, end): (positive|negative|neutral, score)."""
    score = 0.0
    for c in cues_in(cues, start, end, strong_only):
        score += polarity(sdoc, c) * weight(sdoc, c)
    return label(score), score


def label(score: float) -> str:
    """A score's stance label."""
    if score > 0:
        return "positive"
    if score < 0:
        return "negative"
    return "neutral"

