"""Document text + spaCy Doc -> direct quotations (kind "quotation") attributed to their speaker or writer.

A quotation needs an attribution: a verb of saying in the sentence around it
("As X notes '...'", "'...,' she wrote", "called her '...'") or a citation
right after it ("(Serge – Memoirs of a revolutionary)"). Scare quotes and
titles in quotes ('hope', 'politico') have neither and are skipped.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ...records import Claim
from .context import ClaimContext, agent_of, title_case
from .stance import cues_in, label, polarity, sent_of, verb_lemma, weight, words

FAMILIES = {
    "“": ("double", "open"), "”": ("double", "close"), "„": ("double", "open"),
    "‘": ("single", "open"), "’": ("single", "close"),
    "«": ("guillemet", "open"), "»": ("guillemet", "close"),
    '"': ("double", "either"), "'": ("single", "either"),
}
_QUOTE_CHAR = re.compile("[" + "".join(re.escape(c) for c in FAMILIES) + "]")
OPEN_BEFORE = set(" \t\n\r([{—–-/:") | {"“", "‘", '"', "'", "«"}
CLOSE_AFTER = set(" \t\n\r.,;:!?)]}—–-…[") | {"”", "’", '"', "'", "»"}
MAX_QUOTE = 3000
CITATION = re.compile(r"\s*[,.]?\s*\(([^()\n]{2,160})\)")
SHORT_WORDS = 4
CONTINUE_VERBS = frozenset({"add", "continue", "go", "conclude", "reply", "answer"})
QUOTE_VERBS = frozenset({"call", "describe", "label", "dub", "term", "brand", "write", "quote", "cite"})


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation's content (marks excluded), outermost only, in text order."""
    spans: list[tuple[int, int]] = []
    open_at: dict[str, int] = {}
    n = len(text)
    for q in _QUOTE_CHAR.finditer(text):  # only the quote marks: every other character is skipped
        i, ch = q.start(), q.group()
        family, role = FAMILIES[ch]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if family == "single" and prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe: don't, Serge’s
        can_open = role in ("open", "either") and prev in OPEN_BEFORE and not nxt.isspace()
        can_close = role in ("close", "either") and not prev.isspace() and (nxt in CLOSE_AFTER or i + 1 == n)
        if family in open_at and can_close:
            s = open_at.pop(family)
            if i - s <= MAX_QUOTE and "\n\n" not in text[s:i]:
                spans.append((s, i))
            continue
        if can_open and family not in open_at:
            open_at[family] = i + 1
        elif family in open_at and (i - open_at[family] > MAX_QUOTE):
            open_at.pop(family)
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if e <= s:
            continue
        if out and s < out[-1][1]:
            continue  # nested inside the previous quotation
        out.append((s, e))
    return out


BLOCK = re.compile(r"(?m)(?<=:)[ \t]*\n(?:[ \t]*\n)?((?:[ \t]{2,}|\t|>[ \t]?)\S[^\n]*(?:\n(?:[ \t]{2,}|\t|>[ \t]?)\S[^\n]*)*)")


def find_block_quotes(text: str) -> list[tuple[int, int]]:
    """Indented or '>'-marked paragraphs right after a line ending in ':' (block quotations)."""
    out = []
    for m in BLOCK.finditer(text):
        s, e = m.start(1), m.end(1)
        while s < e and text[s] in " \t>":
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if len(text[s:e].split()) >= 8:
            out.append((s, e))
    return out


def _is_title(content: str) -> bool:
    """'The Psychology of Political Violence': a short quoted span whose long words are all capitalised."""
    ws = [w for w in re.findall(r"[^\W\d_]+", content) if len(w) > 3]
    return 0 < len(content.split()) <= 10 and bool(ws) and all(w[0].isupper() for w in ws) and len(ws) >= 2 \
        and not content.rstrip().endswith((".", "!", "?"))


def _verbs() -> frozenset[str]:
    return words("verbs_saying") | words("verbs_negative") | words("verbs_positive") | QUOTE_VERBS


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return agent_of(verb)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _attribution(ctx: ClaimContext, qs: int, qe: int) -> tuple[Token, Token | None] | None:
    """The verb of saying nearest the quotation (outside it) and its subject."""
    sdoc = ctx.sdoc
    best = None
    sents = []
    before = _token_at(ctx, qs)
    before = ctx.sdoc[before.i - 1] if before is not None and before.i > 0 else None
    for t in (before, _token_at(ctx, qe), _token_at(ctx, qe + 3)):
        if t is not None and all(sent_of(t).start != s.start for s in sents):
            sents.append(sent_of(t))
    for sent in sents:
        if sent.start_char > qe + 2 and not ctx.document.text[qe:sent.start_char].strip(" ,.”’\"'") == "":
            continue
        for t in sent:
            if qs <= t.idx < qe or t.pos_ not in ("VERB", "AUX") or verb_lemma(t) not in _verbs():
                continue
            dist = qs - (t.idx + len(t.text)) if t.idx < qs else t.idx - qe
            subj = _subject(t)
            if subj is None and t.idx >= qe and not ctx.document.text[qe:t.idx].strip(" ,.!?”’\"'"):
                subj = next((c for c in t.children if c.dep_ in ("dobj", "attr", "npadvmod")), None)  # "..., recalled X"
            if subj is None or qs <= subj.idx < qe:
                continue
            if best is None or dist < best[0]:
                best = (dist, t, subj)
    if best is None:
        return None
    return best[1], best[2]


def _work_of(ctx: ClaimContext, verb: Token) -> str | None:
    """'she wrote in her memoir, Harbour Lights' -> 'Harbour Lights'."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "from"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                for t in [p] + [a for a in p.children if a.dep_ == "appos"]:
                    m = ctx.mention_of(t)
                    if m is not None and m.type == "WORK":
                        return m.key
                    if t is not p and t.pos_ == "PROPN":
                        return title_case(ctx.sdoc[t.left_edge.i:t.right_edge.i + 1].text, ctx.document, ctx.mentions)
    return None


def _citation(ctx: ClaimContext, qe: int) -> tuple[str | None, str | None] | None:
    """'(Serge – Memoirs of a revolutionary)' right after the quotation -> (holder, work)."""
    text = ctx.document.text
    m = CITATION.match(text, qe + 1)
    if not m:
        return None
    inner = m.group(1)
    parts = re.split(r"\s+[–—-]\s+|,\s+|:\s+", inner, maxsplit=1)
    name = parts[0].strip()
    work = parts[1].strip() if len(parts) > 1 else None
    if not name or not name[0].isupper() or len(name.split()) > 5:
        return None
    start = m.start(1)
    holder = None
    mm = ctx.mention_at(start)
    if mm is not None and mm.type in ("PERSON", "ORG"):
        holder = mm.key
    else:
        for key in ctx.counts:
            if ctx.types.get(key) == "PERSON" and (key == name or key.split()[-1] == name.split()[-1]):
                holder = key
                break
        holder = holder or name
    if work:
        work = title_case(work.rstrip(" .,"), ctx.document, ctx.mentions)
    return holder, work


def extract_quotations(ctx: ClaimContext) -> tuple[list[Claim], list[tuple[int, int]], set[int]]:
    """Attributed quotations; also every quoted span (for the other rules to skip) and the verbs used."""
    text = ctx.document.text
    marked = find_quote_spans(ctx.text)
    blocks = find_block_quotes(ctx.text)
    spans = sorted(blocks + [q for q in marked if not any(b[0] <= q[0] < b[1] for b in blocks)])
    claims: list[Claim] = []
    used_verbs: set[int] = set()
    last: tuple[str, int] | None = None
    for qs, qe in spans:
        content = text[qs:qe]
        n_words = len(content.split())
        if _is_title(content):
            continue
        holder = work = None
        verb = None
        cit = _citation(ctx, qe)
        if cit is not None:
            holder, work = cit
        att = _attribution(ctx, qs, qe)
        if att is not None:
            v, subj = att
            short_ok = _adjacent(ctx, v, qs, qe) or _complement_of(ctx, v, qs, qe) and (
                verb_lemma(v) in words("verbs_positive") | words("verbs_negative")
                or _quote_stance(ctx, qs, qe) != "neutral")  # "call the bridge 'the widow'" is a name
            if n_words >= SHORT_WORDS or short_ok:
                keys = ctx.holder_keys(subj)
                if subj.lower_ in ("he", "she", "they") and last is not None and qs - last[1] < 400 \
                        and verb_lemma(v) in CONTINUE_VERBS:
                    keys = [last[0]]  # "..., he added": the last speaker
                if keys:
                    verb = v
                    holder = holder or keys[0]
                    work = work or _work_of(ctx, v)
        if holder is None:
            continue
        last = (holder, qe)
        if verb is not None and verb_lemma(verb) not in words("verbs_positive") | words("verbs_negative"):
            used_verbs.add(verb.i)
        stance = "neutral"
        lemma = verb_lemma(verb) if verb is not None else ""
        if lemma in words("verbs_negative"):
            stance = "negative"
        elif lemma in words("verbs_positive"):
            stance = "positive"
        elif n_words <= 30:
            stance = _quote_stance(ctx, qs, qe)
        about = _about(ctx, verb, qs, qe, holder)
        src = ctx.source(qs, qe)
        date = ctx.date_of(verb.i, verb.i + 1) if verb is not None else None
        claims.append(Claim(holder=holder, about=about, stance=stance, text=_short(src.quote), source=src, date=date,
                            kind="quotation", work=work))
    return claims, spans, used_verbs


def _token_at(ctx: ClaimContext, char: int) -> Token | None:
    """The token covering (or first after) a character offset."""
    return ctx.token_at(char)


def _inside(ctx: ClaimContext, qs: int, qe: int) -> list[Token]:
    return ctx.tokens_in(qs, qe)


def _quote_root(ctx: ClaimContext, qs: int, qe: int) -> Token | None:
    """The token of a quotation whose head lies outside it (the phrase's head)."""
    inside = _inside(ctx, qs, qe)
    for t in inside:
        if not (qs <= t.head.idx < qe) or t.head is t:
            return t
    return inside[0] if inside else None


def _complement_of(ctx: ClaimContext, verb: Token, qs: int, qe: int) -> bool:
    """A short quotation counts only as what the verb says: its object, complement or 'as' phrase."""
    t = _quote_root(ctx, qs, qe)
    for _ in range(3):
        if t is None or t.head is t:
            return False
        if t.head.i == verb.i:
            return t.dep_ in ("dobj", "oprd", "attr", "ccomp", "xcomp", "appos", "npadvmod", "dep", "conj", "advcl") \
                or t.dep_ == "prep" and t.lower_ == "as"
        if t.dep_ == "pobj" and t.head.lower_ != "as":
            return False
        t = t.head
    return False


def _adjacent(ctx: ClaimContext, verb: Token, qs: int, qe: int) -> bool:
    """"'...,' Imrie writes" / "she said: '...'": only a subject and punctuation between quotation and verb."""
    text = ctx.document.text
    if verb.idx >= qe:
        gap = text[qe:verb.idx]
        return len(gap.split()) <= 4 and not any(ch in gap for ch in ".;!?\n") and \
            (text[qe - 1:qe] in (",", "?", "!") or gap.lstrip()[:1] == ",")
    gap = text[verb.idx + len(verb.text):qs].rstrip(" “‘\"'")
    return len(gap.split()) <= 3 and gap[-1:] in (",", ":") and not any(ch in gap for ch in ".;!?\n")


def _quote_stance(ctx: ClaimContext, qs: int, qe: int) -> str:
    """Stance of a short quotation; a cue heading the quoted phrase ('a coward who ...') counts double."""
    toks = [t.i for t in _inside(ctx, qs, qe)]
    if not toks:
        return "neutral"
    root = _quote_root(ctx, qs, qe)
    score = 0.0
    for c in cues_in(ctx.cues, toks[0], toks[-1] + 1):
        w = polarity(ctx.sdoc, c) * weight(ctx.sdoc, c)
        score += 2 * w if root is not None and c.root == root.i else w
    return label(score)


def _about(ctx: ClaimContext, verb: Token | None, qs: int, qe: int, holder: str) -> str:
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass") and not (qs <= c.idx < qe) and c.lower_ not in ("it", "this", "that"):
                k = ctx.key_of(c, exclude=holder)
                if k:
                    return k
        lo, hi = (verb.i + 1, qs) if verb.idx < qs else (qe, verb.idx)
        for t in ctx.sdoc[verb.i + 1:] if verb.idx < qs else ():
            if t.idx >= hi:
                break
            m = ctx.mention_of(t)
            if m is not None and m.key != holder and m.type in ("PERSON", "WORK", "ORG"):
                return m.key
    for t in _inside(ctx, qs, qe):
        if qs <= t.idx < qe:
            m = ctx.mention_of(t)
            if m is not None and m.key != holder and m.type in ("PERSON", "WORK", "ORG") and m.source != "coref":
                return m.key
            if t.lower_ in ("he", "she", "him", "her", "his"):
                k = ctx.resolve_pronoun(t, exclude=holder)
                if k:
                    return k
        if t.idx >= qe:
            break
    return holder


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
