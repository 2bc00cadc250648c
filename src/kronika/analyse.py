"""Document + its spaCy Doc -> Extraction: every per-document stage, in order.

This is the unit of work that the local engine and the Dask engine both run;
it is pure (no I/O), so either engine gives the same result.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .annotate.pieces import annotate_stream
from .annotate.pipeline import spacy_text
from .extract.claims import extract_claims
from .extract.entities import extract_mentions
from .extract.events import extract_events
from .extract.facts import extract_facts
from .extract.time import extract_timexes
from .records import Document, Extraction, Failure
from .settings import Settings


def analyse_doc(document: Document, sdoc: Doc, settings: Settings) -> Extraction:
    """Run the extraction stages on one annotated document."""
    ex = Extraction(doc=document)
    ex.sentences = [(s.start_char, s.end_char) for s in sdoc.sents if s.text.strip()]
    ex.mentions = extract_mentions(sdoc)
    ex.timexes = extract_timexes(sdoc, document.published)
    ex.events = extract_events(sdoc, document, ex.mentions, ex.timexes, settings)
    ex.facts, ex.relations = extract_facts(sdoc, document, ex.mentions, ex.timexes, ex.events)
    ex.claims = extract_claims(sdoc, document, ex.mentions)
    for m in ex.mentions:
        ex.entity_types.setdefault(m.key, m.type)
        ex.aliases.setdefault(m.key, set()).add(m.text)
    return ex


def analyse_stream(nlp: Language, documents: Iterable[Document], settings: Settings,
                   n_process: int = 1) -> Iterator[Extraction | Failure]:
    """Annotate documents in batches and analyse each; failures are yielded, not raised.

    Long texts are annotated in pieces of at most ``settings.max_piece_chars`` characters and joined back
    into one Doc (``annotate.pieces``), so spaCy's memory stays bounded whatever the document's shape.
    """
    def pairs():
        for d in documents:
            yield spacy_text(d.text, d.stripped, d.format)[: settings.max_chars], d

    for sdoc, d in annotate_stream(nlp, pairs(), settings, n_process=n_process):
        try:
            yield analyse_doc(d, sdoc, settings)
        except Exception as exc:  # a bad document must never stop the build
            yield Failure(d.doc, f"extraction failed: {type(exc).__name__}: {exc}"[:300], "extract", d.path)
