"""spaCy Doc + mentions -> attributed claims and direct quotations of one document.

Steps (each a pure function of the parse):
  1. quotations with an attribution or citation      (quotes)
  2. attributed claims: verbs, 'according to', nouns  (attribution)
  3. the document's own voice: evaluative words tied by the parse to a person,
     a work or an organisation (holder None)
  4. reception: a review's verdict on the reviewed work, critics' reception of a work  (reception)
Stance comes from kronika's own lexicon (data/stance_lexicon.json) with negation.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Claim, Document, Mention
from .attribution import frame_claims, noun_claims, verb_claims
from .context import FIRST_PERSON, ClaimContext
from .quotes import extract_quotations
from .reception import critics_reception, review_verdict
from .stance import Cue, label, polarity, sent_of, verb_lemma, weight, words

EXPERIENCER = {"love", "enjoy", "recommend", "admire", "avoid", "cherish", "adore", "hate", "loathe", "dislike", "skip"}
SUBJECT_TARGET_VERBS = {"give", "surrender", "capitulate", "abandon", "renounce", "recant", "betray", "fail", "sell",
                        "inspire", "triumph", "succeed"}
MAX_NP = 14


def extract_claims(sdoc: Doc, document: Document, mentions: list[Mention]) -> list[Claim]:
    """Opinions, judgements, accusations and quotations, with holder, target and stance."""
    if not document.text.strip() or len(sdoc) == 0:
        return []
    ctx = ClaimContext.build(sdoc, document, mentions)
    quotes, spans, used_verbs = extract_quotations(ctx)
    quoted = _quoted_tokens(sdoc, spans)
    covered: set[int] = set()
    attributed = verb_claims(ctx, used_verbs | quoted, covered)
    attributed += frame_claims(ctx, covered)
    attributed += noun_claims(ctx, covered)
    attributed += critics_reception(ctx, covered)
    attributed = [c for c in attributed if not _inside_quote(c, spans)]
    voice = voice_claims(ctx, quoted | covered)
    claims = quotes + attributed + voice
    rec = review_verdict(ctx, voice)
    if rec is not None:
        claims.append(rec)
    claims = [c for c in dedupe(claims) if c.source.quote and _is_entity(ctx, c.about)]
    claims.sort(key=lambda c: (c.source.start, c.source.end))
    return claims


def _is_entity(ctx: ClaimContext, key: str | None) -> bool:
    """A claim is about a person, work, organisation or place: a mention key or a proper name, not 'the budget'."""
    return bool(key) and (key in ctx.types or key[:1].isupper() or key[:1].isdigit())


def _quoted_tokens(sdoc: Doc, spans: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    if not spans:
        return out
    j = 0
    for t in sdoc:
        while j < len(spans) and spans[j][1] <= t.idx:
            j += 1
        if j < len(spans) and spans[j][0] <= t.idx < spans[j][1]:
            out.add(t.i)
    return out


def _inside_quote(c: Claim, spans: list[tuple[int, int]]) -> bool:
    return any(s <= c.source.start and c.source.end <= e for s, e in spans)


# -- the document's own voice ---------------------------------------------

def _np_span(tok: Token) -> tuple[int, int]:
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    if hi - lo > MAX_NP:
        lo = min(lo, tok.i)
        hi = tok.i + 1
        for c in tok.rights:
            if c.dep_ == "prep" and c.right_edge.i - lo < MAX_NP:
                hi = c.right_edge.i + 1
                break
    return lo, hi


NOMINAL_DEPS = ("amod", "acl", "attr", "acomp", "oprd", "compound", "npadvmod", "advmod")


def _clause_verb(tok: Token) -> Token | None:
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "attr", "acomp", "oprd", "compound") or t.head is t:
            return t
        t = t.head
    return None


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return c
    if verb.dep_ == "conj" and verb.head is not verb:
        return _subject(verb.head)
    return None


#: What a step of ``_voice_target`` returns when the cue has no target (the claim is dropped).
NO_TARGET: tuple[str | None, int, int, str] = (None, 0, 0, "")


def _voice_target(ctx: ClaimContext, cue: Cue) -> tuple[str | None, int, int, str]:
    """(about key, first token, end token, kind) for an evaluative cue in the document's voice.

    Steps, the first that decides wins: a cue right before a person's name, a verbal cue, a relational noun
    ("his betrayal was ..."), the noun phrase the cue modifies, then the subject of the predicate it is in.
    """
    r = ctx.sdoc[cue.root]
    noun = r.head if r.dep_ in ("amod", "compound", "advmod") and r.head.pos_ in ("NOUN", "PROPN") else r
    for step in (_person_after_cue, _verb_target, _relational_noun_target, _noun_phrase_target):
        found = step(ctx, cue, r, noun)
        if found is not None:
            return found
    return _predicate_target(ctx, cue, r, noun)


def _person_after_cue(ctx: ClaimContext, cue: Cue, r: Token, noun: Token):
    """'the turncoat Karl Radek': the person named right after a nominal cue."""
    sdoc = ctx.sdoc
    nxt = cue.end
    if nxt < len(sdoc) and r.pos_ in ("NOUN", "X", "PROPN", "ADJ"):
        m = ctx.mention_of(sdoc[nxt])
        if m is not None and m.start == sdoc[nxt].idx and m.type == "PERSON":
            end = nxt
            while end < len(sdoc) and sdoc[end].idx < m.end:
                end += 1
            lo = cue.start
            while lo > 0 and sdoc[lo - 1].dep_ in ("det", "amod", "advmod") and sdoc[lo - 1].head.i >= cue.start:
                lo -= 1
            return m.key, lo, end, "characterisation"
    return None


def _verb_target(ctx: ClaimContext, cue: Cue, r: Token, noun: Token):
    """A verbal cue: what the document's voice loves or recommends, or who gave up, betrayed, failed."""
    if not (r.pos_ == "VERB" and r.dep_ not in NOMINAL_DEPS):
        return None
    lemma = verb_lemma(r)
    subj = _subject(r)
    if lemma in EXPERIENCER:
        if subj is not None and subj.lower_ not in FIRST_PERSON:
            return NO_TARGET
        obj = next((c for c in r.children if c.dep_ == "dobj"), None)
        if obj is None:
            if subj is None and lemma in ("recommend", "love", "enjoy", "avoid", "skip"):
                key = _review_fallback(ctx, r)  # "Highly recommended!"
                return key, cue.start, cue.end, "opinion"
            return NO_TARGET
        key = ctx.key_of(obj)
        lo = subj.i if subj is not None else r.i
        return key, min(lo, r.i), obj.right_edge.i + 1, "opinion"
    if lemma in SUBJECT_TARGET_VERBS or cue.end - cue.start > 1:
        if subj is None or subj.lower_ in FIRST_PERSON:
            key = _review_fallback(ctx, r) if cue.end - cue.start > 1 else None  # "I cannot think of a better"
            lo = subj.i if subj is not None else cue.start
            return key, min(lo, cue.start), max(cue.end, r.right_edge.i + 1 if r.right_edge.i - cue.end < 6
                                               else cue.end), "opinion"
        key = ctx.key_of(subj)
        end = max(cue.end, max((c.right_edge.i + 1 for c in r.children if c.dep_ == "dobj"), default=cue.end))
        lo = subj.left_edge.i if subj.i - subj.left_edge.i <= 6 else subj.i
        return key, lo, end, "characterisation"
    return NO_TARGET


def _relational_noun_target(ctx: ClaimContext, cue: Cue, r: Token, noun: Token):
    """'His betrayal was X': the attribute of a copula whose subject is a relational noun."""
    if not (noun.lemma_.lower() in words("relational_nouns") and noun.dep_ == "nsubj" and noun.head.pos_ == "AUX"):
        return None
    verb = noun.head if noun.dep_ == "nsubj" else None
    attr = next((c for c in verb.children if c.dep_ == "attr"), None) if verb is not None else None
    key = ctx.key_of(attr, poss=False) if attr is not None else None
    if key is None:
        return NO_TARGET
    return key, min(noun.left_edge.i, cue.start), attr.right_edge.i + 1, "characterisation"


def _noun_phrase_target(ctx: ClaimContext, cue: Cue, r: Token, noun: Token):
    """The entity the modified noun names (or its 'of' object); a reviewed work for 'a superb first novel'."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    key = ctx.key_of(noun)
    if key is None:
        for p in noun.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        key = ctx.key_of(o)
    if key is None and noun.lemma_ in words("work_nouns") and noun.dep_ in ("ROOT", "appos", "npadvmod"):
        key = _review_fallback(ctx, r)  # "Overall, a superb first novel."
    if key is None:
        return None
    lo, hi = _np_span(noun)
    return key, min(lo, cue.start), max(hi, cue.end), "characterisation" if ctx.types.get(key) == "PERSON" else "opinion"


def _predicate_target(ctx: ClaimContext, cue: Cue, r: Token, noun: Token) -> tuple[str | None, int, int, str]:
    """A predicative cue ('X is brilliant'): the subject of its clause, or the reviewed work in the reviewer's voice."""
    sdoc = ctx.sdoc
    verb = _clause_verb(r)
    if verb is None or not _predicative(r, verb):
        return NO_TARGET
    if verb_lemma(verb) in words("verbs_saying") | words("verbs_neutral"):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in FIRST_PERSON:
            return NO_TARGET  # someone else's words: an attributed claim, not the document's voice
    subj = _subject(verb)
    if subj is not None and subj.pos_ in ("VERB", "AUX"):
        subj = None
    if subj is None and verb.pos_ == "AUX" and verb.i > 0 and sdoc[verb.i - 1].pos_ in ("NOUN", "PROPN"):
        subj = sdoc[verb.i - 1]  # a copula whose subject the parser lost
    if subj is None or subj.lower_ in FIRST_PERSON:
        key = _review_fallback(ctx, r)
        if key is None:
            return NO_TARGET
        lo, hi = _np_span(noun) if noun.pos_ in ("NOUN", "PROPN") else (cue.start, cue.end)
        return key, min(lo, verb.i if subj is not None else lo), max(hi, cue.end), "opinion"
    key = ctx.key_of(subj)
    if key is None:
        key = _review_fallback(ctx, r)
    if key is None:
        return NO_TARGET
    lo = subj.left_edge.i if subj.i - subj.left_edge.i <= 6 else subj.i
    if subj.pos_ == "PROPN":
        lo = min([c.i for c in subj.children if c.dep_ == "compound"] + [subj.i])
    hi = max(cue.end, min(r.right_edge.i + 1, cue.end + 6) if r.pos_ != "VERB" else cue.end)
    if subj.i > cue.end:
        lo, hi = cue.start, max(hi, min(subj.right_edge.i + 1, subj.i + 4))
    if noun is not r and noun.i >= cue.end:
        hi = max(hi, noun.i + 1)
    kind = "characterisation" if ctx.types.get(key) == "PERSON" else "opinion"
    return key, min(lo, cue.start), hi, kind


PRED_DEPS = {"amod", "attr", "acomp", "oprd", "conj", "appos", "npadvmod", "dobj", "advmod", "compound", "ROOT", "cc"}
QUANTIFIERS = {"one", "some", "many", "most", "few", "none", "several"}


def _predicative(tok: Token, verb: Token) -> bool:
    """Whether the path from a cue up to its clause verb says something of the subject
    ('is a tedious disappointment', 'one of the most remarkable books', 'lived an exemplary life'),
    not of something deeper in the sentence ('events of the most important year')."""
    t = tok
    while t.i != verb.i and t.head is not t:
        if t.dep_ == "pobj":
            prep = t.head
            if not (prep.lower_ == "as" or prep.lower_ == "of" and prep.head.lower_ in QUANTIFIERS
                    or prep.lower_ == "among"):
                return False
        elif t.dep_ == "prep":
            if t.lower_ not in ("as", "of", "among"):
                return False
        elif t.dep_ not in PRED_DEPS:
            return False
        t = t.head
    return True


def _review_fallback(ctx: ClaimContext, tok: Token) -> str | None:
    """In a review: 'this book', 'it', 'a better book' point to the reviewed work (or, unnamed, its author)."""
    if ctx.document.genre != "review" and not ctx.reviewed:
        return None
    sent = sent_of(tok)
    short = len([t for t in sent if t.is_alpha]) <= 4
    if short or any(t.lemma_ in words("work_nouns") or t.lower_ in ("this", "it") and t.dep_ in ("nsubj", "dobj")
                    for t in sent):
        if any((m := ctx.mention_of(t)) is not None and m.type in ("PERSON", "ORG") for t in sent):
            return None
        return ctx.reviewed or ctx.top_person()
    return None


def voice_claims(ctx: ClaimContext, skip: set[int]) -> list[Claim]:
    """Evaluative wording in the document's own voice, grouped per sentence and target (holder None)."""
    sdoc = ctx.sdoc
    groups: dict[tuple[int, str], list] = {}
    text = ctx.document.text
    for cue in ctx.cues:
        if not cue.strong or any(i in skip for i in range(cue.start, cue.end)):
            continue
        m = ctx.mention_of(sdoc[cue.start])
        if m is not None and m.type != "PERSON" and m.start < sdoc[cue.start].idx + 1 and m.end > sdoc[cue.root].idx:
            continue  # part of a name: "the Great Purge"
        key, lo, hi, kind = _voice_target(ctx, cue)
        if not key or hi <= lo or ctx.types.get(key) == "EVENT":
            continue
        lo, hi = _same_paragraph(sdoc, text, cue, lo, hi)
        lo, hi = _clause_bounds(sdoc, cue, lo, hi)
        score = polarity(sdoc, cue) * weight(sdoc, cue)
        g = groups.setdefault((sent_of(sdoc[cue.start]).start, key), [0.0, lo, hi, kind])
        g[0] += score
        g[1], g[2] = min(g[1], lo), max(g[2], hi)
    out = []
    for (_, key), (score, lo, hi, kind) in groups.items():
        stance = label(score)
        if stance == "neutral":
            continue
        while hi - 1 > lo and sdoc[hi - 1].is_punct:
            hi -= 1
        src = ctx.token_source(lo, hi - 1)
        out.append(Claim(holder=None, about=key, stance=stance, text=_short(src.quote), source=src, kind=kind))
    return out


BREAKS_AFTER = {",", ";", ":", "–", "—", "(", "-"}
BREAKS_BEFORE = {";", ":", "–", "—", "("}


def _clause_bounds(sdoc: Doc, cue: Cue, lo: int, hi: int) -> tuple[int, int]:
    """Cut a span at the first clause break after the cue and the last strong break before it."""
    for i in range(cue.end, hi):
        if sdoc[i].text in BREAKS_AFTER:
            hi = i
            break
    for i in range(cue.start - 1, lo - 1, -1):
        if sdoc[i].text in BREAKS_BEFORE:
            lo = i + 1
            break
    return lo, hi


def _same_paragraph(sdoc: Doc, text: str, cue: Cue, lo: int, hi: int) -> tuple[int, int]:
    """Trim a token range so it does not cross a blank line away from the cue (titles, headings)."""
    for i in range(cue.start, lo, -1):
        if "\n" in text[sdoc[i - 1].idx:sdoc[i].idx] or sdoc[i - 1].is_space and "\n" in sdoc[i - 1].text:
            lo = i
            break
    for i in range(cue.end, hi):
        if "\n" in text[sdoc[i - 1].idx + len(sdoc[i - 1].text):sdoc[i].idx + (len(sdoc[i].text) if sdoc[i].is_space else 0)]:
            hi = i
            break
    return lo, hi


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def dedupe(claims: list[Claim]) -> list[Claim]:
    """Drop claims whose (holder, about, stance, kind) repeats over an overlapping span."""
    out: list[Claim] = []
    for c in sorted(claims, key=lambda c: (c.source.start, -c.source.end)):
        dup = False
        for o in out:
            if (o.holder, o.about, o.stance) == (c.holder, c.about, c.stance) and o.kind == c.kind \
                    and o.source.start < c.source.end and c.source.start < o.source.end:
                dup = True
                break
        if not dup:
            out.append(c)
    return out
