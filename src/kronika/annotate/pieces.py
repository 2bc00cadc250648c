"""Long texts through spaCy in bounded pieces, joined back into one Doc whose offsets are the whole text's.

spaCy's memory grows with the characters it annotates at once (about 3 KB per character with
``en_core_web_sm``: the parser and the entity recogniser hold per-token feature arrays for a whole
batch), so a 500 KB document alone took 1.6-3.4 GB. Here a text longer than
``settings.max_piece_chars`` is cut into pieces, each piece is annotated on its own, and the annotated
pieces are concatenated with ``Doc.from_docs`` into one Doc whose text is exactly the input: every
extractor still sees one document, and every offset is an offset into the whole text. Texts no longer
than a piece go through unchanged, so their annotation is exactly what it was.

Where a piece ends, in order of preference (searched in the last three quarters of the piece):
a blank line (paragraph break), a line break, the end of a sentence (``.``, ``!``, ``?``, ``…``,
then closing quotes or brackets), any whitespace. A cut is always placed just before a non-space
character that follows whitespace, which is where spaCy's tokenizer splits anyway, so tokens never
change at a cut. Only a run of ``max_piece_chars`` characters with no whitespace at all (not a word)
is cut at the limit.

A component that looks across the whole document runs once on the joined Doc, not on each piece:
``kronika_entities`` labels every occurrence of a surname once the name is seen as a person anywhere
in the document (``DOC_LEVEL``). It runs in this process for every document, long or short (it is a few
per cent of the annotation time), so a short document gets exactly the annotation it always had.

Pieces go to ``nlp.pipe`` in batches of at most ``max_batch_chars // max_piece_chars`` texts (and at
most ``batch_size``), so the characters spaCy holds at once stay under ``max_batch_chars``.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, TypeVar

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


def piece_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces covering ``text``, each at most ``size`` characters long."""
    n = len(text)
    size = max(2, size)
    if n <= size:
        return [(0, n)]
    out: list[tuple[int, int]] = []
    start = 0
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


def batch_size(settings: Settings) -> int:
    """Texts per ``nlp.pipe`` batch: at most ``batch_size``, and at most ``max_batch_chars`` characters in all."""
    return max(1, min(settings.batch_size, settings.max_batch_chars // max(1, settings.max_piece_chars)))


def join_pieces(pieces: list[Doc]) -> Doc:
    """One Doc from consecutively annotated pieces; its text is the pieces' texts joined, nothing added."""
    if len(pieces) == 1:
        return pieces[0]
    return Doc.from_docs(pieces, ensure_whitespace=False)


def annotate_stream(nlp: Language, items: Iterable[tuple[str, C]], settings: Settings,
                    n_process: int = 1) -> Iterator[tuple[Doc, C]]:
    """``(text, context)`` pairs in, ``(Doc, context)`` out, in order; long texts annotated piece by piece."""
    def pieces():
        for text, ctx in items:
            bounds = piece_bounds(text, settings.max_piece_chars)
            for i, (a, b) in enumerate(bounds):
                yield text[a:b], (ctx, i == len(bounds) - 1)

    later = [(name, nlp.get_pipe(name)) for name in nlp.pipe_names if name in DOC_LEVEL]
    parts: list[Doc] = []
    for sdoc, (ctx, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size(settings),
                                      disable=[name for name, _ in later], n_process=n_process):
        parts.append(sdoc)
        if last:
            doc = join_pieces(parts)
            parts = []
            for _, component in later:
                doc = component(doc)
            yield doc, ctx


def annotate_text(nlp: Language, text: str, settings: Settings) -> Doc:
    """One text in, its Doc out (annotated in pieces when it is long)."""
    return next(annotate_stream(nlp, [(text, None)], settings))[0]
