"""ClaimContext -> attributed claims read from the dependency parse: who judges whom, with which stance.

Rules, each on spaCy's parse:
  verbs    "X denounced Y as ...", "Y was accused of ... by X", "X argued that ...",
           "X warns against Y", "the work of X and Z recovered Y", "where Y was slandered as ..."
  frames   "according to X, ...", "in X's view ...", "in the view of X, ..."
  nouns    "slanders against Y came from X", "his repudiation by X", "his objection to Y"
  standing "his standing with X suffered"
Reported content keeps the holder's stance; negation flips it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Claim
from .context import FIRST_PERSON, ClaimContext, agent_of, noun_text
from .stance import sent_of, span_stance, verb_lemma, words

CHARACTERISE = {"call", "describe", "label", "dub", "term", "portray", "depict", "characterise", "characterize",
                "regard", "consider", "remember", "see", "view", "brand"}
ACCUSATION_WORDS = {"traitor", "betray", "murder", "murderer", "corrupt", "corruption", "crime", "criminal",
                    "cronyism", "fraud", "lie", "steal", "theft", "spy", "accomplice", "treachery", "wrecker"}
CONTENT_DEPS = ("ccomp", "xcomp", "oprd")
RELATIVE = ("where", "which", "whom")


def _judging_verbs() -> frozenset[str]:
    return words("verbs_positive") | words("verbs_negative") | words("verbs_neutral")


def _prep_objs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out.extend(p for p in c.children if p.dep_ == "pobj")
            for cc in c.children:
                if cc.dep_ == "prep":
                    out.extend(p for p in cc.children if p.dep_ == "pobj")
    return out


def _target(ctx: ClaimContext, tok: Token, exclude: str | None) -> str | None:
    """A target's key, looking through 'the rise of X', 'the kind of novels' (-> a work named nearby)."""
    k = ctx.key_of(tok, exclude=exclude)
    if k:
        return k
    if tok.lower_ == "it":  # "Many praised the book, but Weiss condemned it": the last work named
        for t in reversed(list(tok.doc[max(0, tok.i - 40):tok.i])):
            m = ctx.mention_of(t)
            if m is not None and m.type == "WORK" and m.key != exclude:
                return m.key
            if t.dep_ in ("dobj", "nsubj", "nsubjpass") and t.lemma_ in words("work_nouns"):
                return ctx.key_of(t, exclude=exclude)
        return None
    if tok.lemma_ in ("kind", "sort", "type", "variety"):
        objs = _prep_objs(tok, ("of",))
        if objs:
            return _target(ctx, objs[0], exclude)
    for p in _prep_objs(tok, ("of",)):
        k = ctx.key_of(p, exclude=exclude)
        if k:
            return k
        if p.lemma_ in words("work_nouns") or tok.lemma_ in words("work_nouns"):
            for t in sent_of(tok):
                m = ctx.mention_of(t)
                if m is not None and m.type == "WORK":
                    return m.key
    if tok.lemma_ in words("work_nouns"):
        for t in sent_of(tok):
            m = ctx.mention_of(t)
            if m is not None and m.type == "WORK":
                return m.key
    if tok.pos_ == "NOUN":
        for t in list(tok.subtree)[:14]:  # "trends within the Communist Party"
            m = ctx.mention_of(t)
            if m is not None and m.key != exclude and m.type in ("PERSON", "ORG", "WORK") and m.source != "coref":
                return m.key
        return noun_text(tok)
    return None


def _content(verb: Token) -> tuple[int, int] | None:
    """Token range of what a verb of saying/thinking reports (to the sentence end when it follows the verb)."""
    sent = sent_of(verb)
    for c in verb.children:
        if c.dep_ in CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ == "as"):
            if c.i > verb.i:
                return c.left_edge.i, _content_end(verb, c, sent.end)
            return c.left_edge.i, c.right_edge.i + 1
    for c in verb.children:
        if c.dep_ == "dobj" and c.i > verb.i and any(a.dep_ in ("acl", "appos", "relcl") for a in c.children):
            return c.i, sent.end
    return None


def _content_end(verb: Token, content: Token, sent_end: int) -> int:
    """Reported content runs to the sentence end (the parse often cuts it short), unless another
    clause with its own subject follows ('Sara thought X, while Tom found Y')."""
    doc = verb.doc
    for t in doc[content.right_edge.i + 1:sent_end]:
        if t.dep_ in ("advcl", "conj", "parataxis") and t.head.i == verb.i and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t.left_edge.i
    return sent_end


def _named(tok: Token) -> bool:
    """A proper noun, or a noun carrying a name ('the critic Ernst Vogel', 'her ally James Doyle')."""
    if tok.pos_ == "PROPN":
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return any(c.pos_ == "PROPN" and c.dep_ in ("appos", "compound") for c in tok.children) or (
        nxt is not None and nxt.pos_ == "PROPN")


def _holder_tok(verb: Token) -> tuple[Token | None, bool]:
    """The holder token of a judging verb and whether the verb is passive."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        return agent_of(verb), True
    subs = list(verb.children) + [g for a in verb.children if a.dep_ == "aux" for g in a.children]
    subs.sort(key=lambda c: c.dep_ == "nsubj" and not _named(c))  # "her ally James Doyle wrote": the name
    for c in subs:
        if c.dep_ == "nsubj":
            if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head, False
            return c, False
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _holder_tok(verb.head)[0], False  # "Trotsky resigned, denouncing ...": Trotsky
    if verb.dep_ == "acl" and verb.head.lemma_ in words("holder_nouns"):
        work = verb.head  # "articles criticising X": the articles' author
        named = [c for c in work.children if c.dep_ == "poss"] + _prep_objs(work, ("by",))
        if named:
            return named[0], False
        if work.head.pos_ in ("VERB", "AUX") and work.dep_ in ("dobj", "nsubjpass"):
            return _holder_tok(work.head)[0], False
    if verb.dep_ == "relcl":
        return verb.head, False
    return None, False


def _nearest_entity_before(ctx: ClaimContext, verb: Token, exclude: str | None) -> str | None:
    for t in reversed(list(verb.doc[sent_of(verb).start:verb.i])):
        if verb.i - t.i > 15:
            break
        m = ctx.mention_of(t)
        if m is not None and m.type in ("PERSON", "ORG") and m.key != exclude and m.source != "coref":
            return m.key
    return None


def _where_holder(ctx: ClaimContext, verb: Token) -> str | None:
    """'... within the camp of X where Y was slandered' -> X."""
    sdoc = verb.doc
    for i in range(verb.i - 1, max(sent_of(verb).start, verb.i - 12) - 1, -1):
        if sdoc[i].lower_ in RELATIVE:
            j = i - 1
            while j >= sent_of(verb).start and sdoc[j].is_punct:
                j -= 1
            if j >= sent_of(verb).start:
                keys = ctx.keys_in(sdoc[j])
                return keys[0] if keys else None
    return None


def _work_holders(ctx: ClaimContext, verb: Token, exclude: str | None) -> list[tuple[str, int]]:
    """'... not least in ... Elsa Poretsky's memoir' after a verb -> [(Poretsky, token index)]."""
    out = []
    for t in verb.doc[verb.i + 1:sent_of(verb).end]:
        if t.lemma_ in ("memoir", "memoirs", "book", "article", "biography", "pamphlet", "essay", "history", "review"):
            for c in t.children:
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by"):
                    cand = c if c.dep_ == "poss" else next((p for p in c.children if p.dep_ == "pobj"), None)
                    if cand is None:
                        continue
                    m = ctx.mention_of(cand)
                    if m is not None and m.type == "PERSON" and m.key != exclude:
                        out.append((m.key, t.i))
    return out


def _kind(verb_lemma: str, sdoc: Doc, lo: int, hi: int, stance: str) -> str:
    if verb_lemma in words("verbs_accusation"):
        return "accusation"
    if stance == "negative" and any(t.lemma_.lower() in ACCUSATION_WORDS for t in sdoc[lo:hi]):
        return "accusation"
    if verb_lemma in CHARACTERISE:
        return "characterisation"
    return "opinion"


def _claim(ctx, holder, about, stance, kind, lo, hi, text=None) -> Claim:
    src = ctx.token_source(lo, hi - 1)
    return Claim(holder=holder, about=about, stance=stance, text=text or _norm(src.quote), source=src, kind=kind,
                 date=ctx.date_of(lo, hi))


def _norm(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def verb_claims(ctx: ClaimContext, skip: set[int], covered: set[int]) -> list[Claim]:
    """Claims from verbs of saying and judging; ``covered`` receives the tokens they account for.

    Steps per verb: who holds the claim, its stance and target token, what it is about, the span it covers.
    """
    out: list[Claim] = []
    sdoc = ctx.sdoc
    judging = _judging_verbs()
    for verb in sdoc:
        lemma = verb_lemma(verb)
        if verb.pos_ != "VERB" or lemma not in judging or verb.i in skip:
            continue
        found = _verb_holders(ctx, verb)
        if found is None:
            continue
        htok, passive, holders = found
        content = _content(verb)
        judged = _verb_stance(ctx, verb, lemma, passive, content)
        if judged is None:
            continue
        stance, target_tok = judged
        about = _verb_about(ctx, verb, target_tok, content, holders[0])
        if about is None:
            continue
        lo, hi = _verb_span(sdoc, verb, htok, target_tok, content)
        kind = _kind(lemma, sdoc, lo, hi, stance)
        covered.update(range(lo, hi))
        text = _statement(verb, content)
        for h in holders:
            if h and h != about:
                out.append(_claim(ctx, h, about, stance, kind, lo, hi, text))
        if passive and htok is None:
            for h, ti in _work_holders(ctx, verb, about):
                out.append(_claim(ctx, h, about, stance, kind, lo, max(hi, ti + 1), text))
    return out


def _verb_holders(ctx: ClaimContext, verb: Token) -> tuple[Token | None, bool, list[str]] | None:
    """(holder token, passive?, holder keys) of a verb of saying or judging; None when nobody (or the document's
    own voice) holds it."""
    htok, passive = _holder_tok(verb)
    holders: list[str] = []
    if htok is not None:
        if htok.lower_ in FIRST_PERSON:
            return None  # the document's own voice: handled by the voice rule
        holders = ctx.holder_keys(htok)
        if verb.dep_ == "relcl" and not any(k in ctx.types for k in holders):
            k = _nearest_entity_before(ctx, verb, None)
            holders = [k] if k else holders
    elif passive:
        k = _where_holder(ctx, verb)
        holders = [k] if k else []
        if not holders and _work_holders(ctx, verb, None):
            holders = [""]  # only the work named later in the sentence holds it ("... in X's memoir")
    if not holders:
        return None
    return htok, passive, holders


def _verb_stance(ctx: ClaimContext, verb: Token, lemma: str, passive: bool,
                 content: tuple[int, int] | None) -> tuple[str, Token | None] | None:
    """(stance, target token): from the verb itself, 'against'/'for' objects, or the stance of its content."""
    if passive:
        target_tok = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    else:
        target_tok = next((c for c in verb.children if c.dep_ == "dobj"), None)
    against = _prep_objs(verb, ("against",)) if lemma in words("verbs_against") else []
    pro = _prep_objs(verb, ("for",)) if lemma in words("verbs_for") else []
    if lemma in words("verbs_positive") or lemma in words("verbs_negative"):
        stance = "positive" if lemma in words("verbs_positive") else "negative"
    elif against:
        stance, target_tok = "negative", against[0]
    elif pro:
        stance, target_tok = "positive", pro[0]
    elif content is not None:
        stance = span_stance(ctx.sdoc, ctx.cues, content[0], content[1])[0]
        if stance == "neutral":
            return None
    else:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        stance = {"positive": "negative", "negative": "positive"}.get(stance, stance)
    return stance, target_tok


def _verb_about(ctx: ClaimContext, verb: Token, target_tok: Token | None, content: tuple[int, int] | None,
                holder: str) -> str | None:
    """What the claim is about: its target, the noun a relative clause hangs on, or its content's subject."""
    about = None
    if target_tok is not None and target_tok.lower_ not in ("which", "that", "what", "who", "whom"):
        about = _target(ctx, target_tok, exclude=holder)
    if about is None and target_tok is not None and target_tok.lower_ in ("which", "that", "who", "whom") \
            and verb.dep_ == "relcl":
        about = _target(ctx, verb.head, exclude=holder)
    if content is not None and (about is None or about.islower()):
        about = _content_about(ctx, content, holder) or about
    if about is None and verb.dep_ == "relcl":
        ante = _antecedent(verb)
        about = _target(ctx, ante if ante is not None else verb.head, exclude=holder)
    return about


def _verb_span(sdoc, verb: Token, htok: Token | None, target_tok: Token | None,
               content: tuple[int, int] | None) -> tuple[int, int]:
    """The token range a verb claim covers: holder, verb, target, 'as'/'of' phrases and content."""
    lo = verb.i
    if htok is not None and 0 <= verb.i - htok.i <= 12:
        lo = htok.left_edge.i if verb.i - htok.left_edge.i <= 12 else htok.i
    hi = verb.i + 1
    if target_tok is not None:
        lo, hi = min(lo, target_tok.left_edge.i), max(hi, target_tok.right_edge.i + 1)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("as", "of", "for", "against") and c.i > verb.i:
            end = next((t.i for t in sdoc[c.i:c.right_edge.i + 1] if t.text in ("–", "—", ";", "(")),
                       c.right_edge.i + 1)
            hi = max(hi, end)
    if content is not None:
        lo, hi = min(lo, content[0]), max(hi, content[1])
    while hi - 1 > lo and sdoc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


def _statement(verb: Token, content: tuple[int, int] | None) -> str | None:
    """The short statement a claim makes: what X was called ('a dilettante, a traitor and an accomplice of
    murder'), what was said ('the budget is sound'), else None (the span's own text)."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i:
            rest = doc[c.i + 1:sent_of(verb).end]
            end = next((t.i for t in rest if t.text in ("–", "—", ";", "(", ".", "!", "?") or t.dep_ in (
                "agent", "mark") or t.lower_ in ("by", "because", "for", "after", "when", "but", "while")), rest.end)
            return _norm(doc[rest.start:end].text.strip(" ,\"“”‘’'"))
        if c.dep_ == "oprd":
            return _norm(doc[c.left_edge.i:c.right_edge.i + 1].text.strip(" ,\"“”‘’'"))
    if content is not None:
        toks = doc[content[0]:content[1]]
        start = content[0] + 1 if len(toks) and toks[0].lower_ in ("that", "whether") else content[0]
        text = doc[start:content[1]].text.strip(" ,.")
        return _norm(text) if text else None
    return None


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause hangs on: the word before its 'that/which/who'."""
    sdoc = verb.doc
    for i in range(verb.i - 1, max(sent_of(verb).start, verb.i - 15) - 1, -1):
        if sdoc[i].lower_ in ("that", "which", "who", "whom"):
            j = i - 1
            while j >= sent_of(verb).start and sdoc[j].is_punct:
                j -= 1
            return sdoc[j] if j >= sent_of(verb).start and sdoc[j].pos_ in ("NOUN", "PROPN") else None
    return None


def _content_about(ctx: ClaimContext, content: tuple[int, int], holder: str) -> str | None:
    sdoc = ctx.sdoc
    toks = sdoc[content[0]:content[1]]
    for t in toks:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in range(*content):
            k = ctx.key_of(t, exclude=holder)
            if k and k != holder:
                return k
            break
    for t in toks:
        m = ctx.mention_of(t)
        if m is not None and m.key != holder and m.type in ("PERSON", "ORG", "WORK", "PLACE") and m.source != "coref":
            return m.key
    hm = [m for m in ctx.mentions if m.key == holder]
    for t in toks:
        if t.pos_ == "PROPN" and not any(m.start <= t.idx < m.end for m in hm):
            k = ctx.key_of(t, exclude=holder)
            if k:
                return k
    for t in toks:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN":
            return noun_text(t)
    return None


def frame_claims(ctx: ClaimContext, covered: set[int]) -> list[Claim]:
    """'according to X, ...', 'in X's view', 'in the view/opinion/eyes of X' -> claims held by X."""
    out = []
    sdoc = ctx.sdoc
    for t in sdoc:
        holder_tok = None
        frame = None
        if t.lower_ == "according" and t.i + 1 < len(sdoc) and sdoc[t.i + 1].lower_ == "to":
            frame = t
            holder_tok = next((p for p in sdoc[t.i + 1].children if p.dep_ == "pobj"), None)
        elif t.lower_ in ("view", "opinion", "eyes", "judgement", "judgment", "estimation") and t.head.lower_ == "in":
            frame = t.head
            holder_tok = next((c for c in t.children if c.dep_ == "poss"), None)
            if holder_tok is None:
                objs = _prep_objs(t, ("of",))
                holder_tok = objs[0] if objs else None
        if holder_tok is None or frame is None:
            continue
        holders = ctx.holder_keys(holder_tok)
        if not holders:
            continue
        sent = sent_of(t)
        fr_lo = frame.i
        fr_hi = min(max(holder_tok.right_edge.i, t.i) + 1, sent.end)
        fr_hi = next((j for j in range(holder_tok.i + 1, fr_hi) if sdoc[j].text == ","), fr_hi)
        k = fr_hi
        while k < sent.end and (sdoc[k].is_punct or (m := ctx.mention_of(sdoc[k])) is not None and m.key in holders):
            k += 1  # "the city auditor, Mark Feld, ..."
        if k > fr_hi and any(not sdoc[j].is_punct for j in range(fr_hi, k)):
            fr_hi = k
        if fr_lo > sent.start:
            lo, hi = sent.start, fr_lo
        else:
            lo, hi = fr_hi, sent.end
        while lo < hi and sdoc[lo].is_punct:
            lo += 1
        while hi - 1 > lo and sdoc[hi - 1].is_punct:
            hi -= 1
        stance = span_stance(sdoc, ctx.cues, lo, hi)[0]
        if stance == "neutral":
            continue
        about = _content_about(ctx, (lo, hi), holders[0])
        if about is None:
            continue
        covered.update(range(min(lo, fr_lo), max(hi, fr_hi)))
        kind = _kind("", sdoc, lo, hi, stance)
        text = _norm(sdoc[lo:hi].text.strip(" ,."))
        for h in holders:
            out.append(_claim(ctx, h, about, stance, kind, min(lo, fr_lo), max(hi, fr_hi), text))
    return out


def noun_claims(ctx: ClaimContext, covered: set[int]) -> list[Claim]:
    """'slanders against Y came from X', 'his repudiation by X', 'his objection to Y', 'his standing with X suffered'."""
    out = []
    sdoc = ctx.sdoc
    pos_n, neg_n = words("nouns_positive"), words("nouns_negative")
    for n in sdoc:
        lemma = n.lemma_.lower()
        if n.pos_ != "NOUN":
            continue
        if lemma in words("relation_nouns"):
            out.extend(_standing(ctx, n, covered))
            continue
        if lemma not in pos_n and lemma not in neg_n:
            continue
        stance = "positive" if lemma in pos_n else "negative"
        poss = next((c for c in n.children if c.dep_ == "poss"), None)
        by = _prep_objs(n, ("by",))
        holders: list[str] = []
        about = None
        ends = [n.i]
        if by:
            holders = ctx.holder_keys(by[0])
            ends.append(by[0].right_edge.i)
            if poss is not None:
                about = ctx.key_of(poss)
        elif poss is not None and lemma not in words("nouns_passive_poss"):
            holders = ctx.holder_keys(poss)
        if about is None:
            for p in _prep_objs(n, ("against", "of", "to", "about", "on", "toward", "towards")):
                about = _target(ctx, p, exclude=holders[0] if holders else None)
                if about and not about.islower():
                    ends.append(p.right_edge.i if p.right_edge.i - n.i < 12 else p.i)
                    break
                about = None
        if about is None:
            continue
        start = poss.i if poss is not None else n.left_edge.i
        if not holders and n.dep_ in ("nsubj", "nsubjpass"):
            verb = n.head
            for p in _from_objs(verb):
                for k in [k for k in ctx.holder_keys(p) if k != about]:
                    hi = p.i + 1
                    kind = "accusation" if lemma in words("nouns_accusation") else "opinion"
                    out.append(_claim(ctx, k, about, stance, kind, start, hi))
                    covered.update(range(start, hi))
            continue
        if not holders:
            continue
        hi = max(ends) + 1
        kind = "accusation" if lemma in words("nouns_accusation") else "opinion"
        covered.update(range(start, hi))
        for h in holders:
            if h != about:
                out.append(_claim(ctx, h, about, stance, kind, start, hi))
    return out


def _from_objs(verb: Token) -> list[Token]:
    """Objects of every 'from' phrase under a verb, through conjunctions ('not only from X but from within Y')."""
    out = []
    for t in verb.subtree:
        if t.dep_ == "prep" and t.lower_ == "from":
            objs = [p for p in t.children if p.dep_ == "pobj"]
            for c in t.children:
                if c.dep_ == "prep":
                    objs.extend(p for p in c.children if p.dep_ == "pobj")
            out.extend(objs)
    return out


def _standing(ctx: ClaimContext, n: Token, covered: set[int]) -> list[Claim]:
    """'his standing with X suffered' (held by X); 'her reputation has risen' (the document's voice)."""
    verb = n.head
    if n.dep_ != "nsubj" or verb.pos_ != "VERB":
        return []
    vl = verb_lemma(verb)
    if vl in words("relverbs_negative"):
        stance = "negative"
    elif vl in words("relverbs_positive"):
        stance = "positive"
    else:
        return []
    withs = _prep_objs(n, ("with", "among", "in"))
    poss = next((c for c in n.children if c.dep_ == "poss"), None)
    if poss is None:
        return []
    holders: list = ctx.holder_keys(withs[0]) if withs else [None]
    about = ctx.key_of(poss)
    if not holders or not about:
        return []
    lo, hi = poss.i, verb.i + 1
    covered.update(range(lo, hi))
    return [_claim(ctx, h, about, stance, "opinion", lo, hi) for h in holders if h != about]

