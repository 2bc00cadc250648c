"""ClaimContext + the document's own claims -> reception claims: a review's verdict, and critics' reception of a work.

  review verdict  the reviewer's overall stance toward the reviewed work (holder None, kind reception)
  critics         "X received critical acclaim / mixed reviews", "was published to great acclaim",
                  "was well received" -> holder "critics", about X, kind reception
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ...records import Claim
from .context import ClaimContext, reviewed_work
from .stance import cues_in, label, polarity, verb_lemma, weight, words

RECEIVE = {"receive", "meet", "draw", "earn", "win", "attract", "garner", "gain", "get", "enjoy"}
RECEPTION_NOUNS = {"review", "acclaim", "praise", "criticism", "reception", "response", "notice", "plaudit",
                   "reviews", "notices", "success", "attention", "condemnation", "outcry", "welcome"}
MANNER = {"well": 1, "warmly": 1, "enthusiastically": 1, "favourably": 1, "favorably": 1, "positively": 1,
          "poorly": -1, "badly": -1, "coolly": -1, "coldly": -1, "negatively": -1, "unfavourably": -1,
          "unfavorably": -1, "harshly": -1}


NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "half": 0.5}
RATING = re.compile(r"\b(\d+(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten)(\s+and a half)?\s+stars?"
                    r"\s*(?:out of|/|of)\s*(\d+|five|ten)\b|(?<![/\d])\b(\d+(?:\.\d)?)\s*/\s*(5|10)\b(?![/\d])", re.I)


def _rating(ctx: ClaimContext, work: str) -> Claim | None:
    """'Four stars out of five', '8/10' in a review -> the reviewer's verdict."""
    text = ctx.text or ctx.document.text
    for m in RATING.finditer(text):
        got, scale = (m.group(1), m.group(3)) if m.group(1) else (m.group(4), m.group(5))
        val = NUMBERS.get(got.lower()) if got.lower() in NUMBERS else float(got)
        if m.group(2):
            val += 0.5
        top = NUMBERS.get(scale.lower()) if scale.lower() in NUMBERS else float(scale)
        if not top or val is None or val > top:
            continue
        ratio = val / top
        stance = "positive" if ratio >= 0.7 else "negative" if ratio <= 0.4 else None
        if stance is None:
            continue
        src = ctx.source(m.start(), m.end())
        return Claim(holder=None, about=work, stance=stance, text=f"{stance} review of {work}: {src.quote}",
                     source=src, kind="reception")
    return None


def review_verdict(ctx: ClaimContext, voice: list[Claim]) -> Claim | None:
    """A review's overall stance toward the reviewed work: its rating if it gives one, else the
    balance of the document's own claims about the work."""
    work = ctx.reviewed or reviewed_work(ctx.document, ctx.mentions)
    if not work:
        return None
    rated = _rating(ctx, work)
    if rated is not None:
        return rated
    about = [c for c in voice if c.about == work]
    if not about:
        return None
    score = sum(1 if c.stance == "positive" else -1 for c in about)
    stance = label(score)
    if stance == "neutral":
        return None
    best = next(c for c in about if c.stance == stance)
    return Claim(holder=None, about=work, stance=stance, text=f"{stance} review of {work}: {best.text}",
                 source=best.source, kind="reception")


def _phrase_stance(ctx: ClaimContext, noun: Token) -> int:
    lo, hi = noun.left_edge.i, noun.i + 1
    score = sum(polarity(ctx.sdoc, c) * weight(ctx.sdoc, c) for c in cues_in(ctx.cues, lo, hi))
    lemma = noun.lemma_.lower()
    if not score and lemma in words("nouns_positive") | {"success", "welcome"}:
        score = 1
    if not score and lemma in words("nouns_negative") | {"outcry"}:
        score = -1
    return (score > 0) - (score < 0)


def _work_key(ctx: ClaimContext, subj: Token | None) -> str | None:
    if subj is None:
        return None
    key = ctx.key_of(subj)
    anaphoric = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children) and not any(
        c.dep_ in ("amod", "poss", "nummod") for c in subj.children)
    if key is None and subj.lemma_ in words("work_nouns") and anaphoric:
        prev = [m for m in ctx.mentions if m.type == "WORK" and m.end <= subj.idx and subj.idx - m.end < 600]
        key = prev[-1].key if prev else None
    return key


def critics_reception(ctx: ClaimContext, covered: set[int]) -> list[Claim]:
    """'received critical acclaim', 'met with hostile reviews', 'published to great acclaim', 'was well received'."""
    out = []
    sdoc = ctx.sdoc
    for verb in sdoc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        lemma = verb_lemma(verb)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        hits: list[tuple[int, Token]] = []
        if lemma in RECEIVE:
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                     if p.dep_ == "pobj"]
            hits += [(_phrase_stance(ctx, o), o) for o in objs if o.lemma_.lower() in RECEPTION_NOUNS]
            if lemma == "receive" and any(c.dep_ == "auxpass" for c in verb.children):
                for c in verb.children:
                    if c.lower_ in MANNER:
                        hits.append((MANNER[c.lower_], c))
        for c in verb.children:  # "published in 1951 to critical acclaim"
            if c.dep_ == "prep" and c.lower_ == "to":
                hits += [(_phrase_stance(ctx, p), p) for p in c.children
                         if p.dep_ == "pobj" and p.lemma_.lower() in RECEPTION_NOUNS]
        for stance, tok in hits:
            if not stance:
                continue
            about = _work_key(ctx, subj)
            if about is None:
                continue
            lo = verb.i
            if subj is not None and subj.i < verb.i:
                lo = min([c.i for c in subj.children if c.dep_ in ("compound", "det", "poss", "amod")] + [subj.i])
            hi = max(verb.i, tok.right_edge.i) + 1
            covered.update(range(lo, hi))
            src = ctx.token_source(lo, hi - 1)
            out.append(Claim(holder="critics", about=about, stance="positive" if stance > 0 else "negative",
                             text=" ".join(src.quote.split())[:160], source=src, kind="reception",
                             date=ctx.date_of(lo, hi)))
            break
    return out
