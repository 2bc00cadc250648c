"""Long texts through spaCy in bounded pieces, joined back into one Doc whose offsets are the whole text's.

spaCy's memory grows with the tokens it annotates at once (about 17 KB per token with
``en_core_web_sm``: the parser and the entity recogniser hold per-token feature arrays for a whole
batch), so a 500 KB document alone took 1.6 GB as prose and 3.4 GB as 100,000 one-word lines. Here a
text longer than ``settings.max_piece_chars`` characters, or of more than about
``settings.max_piece_tokens`` tokens (``estimate_tokens``, a regular expression that errs high), is
cut into pieces; each piece is annotated on its own, and the annotated pieces are concatenated with
``Doc.from_docs`` into one Doc whose text is exactly the input: every extractor still sees one
document, and every offset is an offset into the whole text. Shorter texts go through unchanged, so
their annotation is exactly what it was.

Where a piece ends, in order of preference (searched in the last three quarters of the piece):
a blank line (paragraph break), a line break, the end of a sentence (``.``, ``!``, ``?``, ``…``,
then closing quotes or brackets), any whitespace. A cut is always placed just before a non-space
character that follows whitespace, which is where spaCy's tokenizer splits anyway, so tokens never
change at a cut. Only a run of a whole piece's length with no whitespace at all (not a word) is cut
at the limit. The model sees a few tokens of context fewer at a cut, so a tag or a sentence break
right next to one can come out differently than in the whole text.

A component that looks across the whole document runs once on the joined Doc, not on each piece:
``kronika_entities`` labels every occurrence of a surname once the name is seen as a person anywhere
in the document (``DOC_LEVEL``). It runs in this process for every document, long or short (it is a few
per cent of the annotation time), so a short document gets exactly the annotation it always had.

Texts go to ``nlp.pipe`` in batches of at most ``max_batch_tokens // max_piece_tokens`` (and at most
``batch_size``), so the tokens spaCy holds at once stay under about ``max_batch_tokens``.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, TypeVar

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from ..settings import Settings

C = TypeVar("C")

#: Components that read the whole document: run on the joined Doc, after the pieces are annotated.
DOC_LEVEL = ("kronika_entities",)

#: Cut points by preference; each match ends where a piece may end (just before a non-space character).
_TIERS = (
    re.compile(r"\n[^\S\n]*\n\s*"),                 # a blank line: a paragraph break
    re.compile(r"\n\s*"),                           # a line break
    re.compile(r"[.!?…][\"'”’»)\]]*\s+"),           # the end of a sentence
    re.compile(r"\s+"),                             # any whitespace
)
_SPACE = _TIERS[-1]


def _last_cut(pattern: re.Pattern, text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of ``pattern`` in ``text[lo:hi]`` that is followed by a non-space character."""
    best = None
    for m in pattern.finditer(text, lo, hi):
        end = m.end()
        if lo < end < hi and not text[end].isspace():
            best = end
    return best


def _cut_by_chars(text: str, start: int, n: int, size: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:n]`` of at most ``size`` characters."""
    out: list[tuple[int, int]] = []
    while n - start > size:
        hi = start + size + 1          # a cut at position start + size is allowed (a piece of exactly size)
        lo = start + size // 4
        cut = None
        for pattern in _TIERS:
            cut = _last_cut(pattern, text, lo, hi)
            if cut is not None:
                break
        if cut is None:
            cut = _last_cut(_SPACE, text, start, hi)
        if cut is None:                # no whitespace at all: not a word, cut at the limit
            cut = start + size
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


#: What spaCy's tokenizer makes a token of, roughly and rather more often: a run of letters or digits,
#: a punctuation mark, a run of whitespace other than one space.
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]|_|[^\S ]\s*| {2,}")


def estimate_tokens(text: str, start: int = 0, end: int | None = None) -> int:
    """About how many tokens spaCy makes of ``text[start:end]`` (an overestimate for ordinary prose)."""
    return sum(1 for _ in _TOKEN.finditer(text, start, len(text) if end is None else end))


def piece_bounds(text: str, size: int, max_tokens: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces covering ``text``, each at most ``size`` characters long
    and, when ``max_tokens`` is given, of at most about ``max_tokens`` tokens (one-word lines, tables
    and lists of short items have two or three times as many tokens per character as prose)."""
    size = max(2, size)
    todo = _cut_by_chars(text, 0, len(text), size)
    if not max_tokens:
        return todo
    out: list[tuple[int, int]] = []
    todo.reverse()
    while todo:
        a, b = todo.pop()
        n_tok = estimate_tokens(text, a, b) if b - a > max_tokens else 0
        if n_tok <= max_tokens or b - a < 2:
            out.append((a, b))
            continue
        smaller = max(1, min(b - a - 1, (b - a) * max_tokens // n_tok * 9 // 10))
        todo.extend(reversed(_cut_by_chars(text, a, b, smaller)))
    return out


def batch_size(settings: Settings) -> int:
    """Texts per ``nlp.pipe`` batch: at most ``batch_size``, and at most ``max_batch_tokens`` tokens in all."""
    return max(1, min(settings.batch_size, settings.max_batch_tokens // max(1, settings.max_piece_tokens)))


def drop_tensor(doc: Doc) -> Doc:
    """``doc`` without the tok2vec output it keeps (96 floats a token, a third of a Doc's memory).

    The tagger, parser and recogniser have read it already, and no extractor does (no ``Token.vector``
    or ``similarity``: the stock small model has no word vectors, and those would fall back to it).
    """
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def join_pieces(pieces: list[Doc]) -> Doc:
    """One Doc from consecutively annotated pieces; its text is the pieces' texts joined, nothing added."""
    if len(pieces) == 1:
        return pieces[0]
    return Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])


def annotate_stream(nlp: Language, items: Iterable[tuple[str, C]], settings: Settings,
                    n_process: int = 1) -> Iterator[tuple[Doc, C]]:
    """``(text, context)`` pairs in, ``(Doc, context)`` out, in order; long texts annotated piece by piece."""
    def pieces():
        for text, ctx in items:
            bounds = piece_bounds(text, settings.max_piece_chars, settings.max_piece_tokens)
            for i, (a, b) in enumerate(bounds):
                yield text[a:b], (ctx, i == len(bounds) - 1)

    later = [(name, nlp.get_pipe(name)) for name in nlp.pipe_names if name in DOC_LEVEL]
    parts: list[Doc] = []
    for sdoc, (ctx, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size(settings),
                                      disable=[name for name, _ in later], n_process=n_process):
        parts.append(drop_tensor(sdoc))
        if last:
            doc = join_pieces(parts)
            parts = []
            for _, component in later:
                doc = component(doc)
            yield doc, ctx


def annotate_text(nlp: Language, text: str, settings: Settings) -> Doc:
    """One text in, its Doc out (annotated in pieces when it is long)."""
    return next(annotate_stream(nlp, [(text, None)], settings))[0]
