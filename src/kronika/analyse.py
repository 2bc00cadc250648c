"""Document + its spaCy Doc -> Extraction: every per-document stage, in order.

This is the unit of work that the local engine and the Dask engine both run;
it is pure (no I/O), so either engine gives the same result. It also builds the
pipeline they run (the stock model plus kronika's components) and annotates one
file for ``kronika annotate`` (no database).
"""
from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .annotate import lines  # noqa: F401 - registers the kronika_line_breaks component
from .annotate.pieces import annotate_stream, annotate_text
from .annotate.pipeline import load_model, spacy_text
from .errors import IngestError, UsageError
from .extract.claims import extract_claims
from .extract.entities import add_entity_components, extract_mentions
from .extract.events import extract_events
from .extract.facts import extract_facts
from .extract.time import extract_timexes
from .ingest import iter_documents
from .records import Document, Extraction, Failure
from .settings import Settings


def build_nlp(settings: Settings) -> Language:
    """The stock model plus kronika's components (line breaks before the parser, the entity layers)."""
    nlp = load_model(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kronika_line_breaks", before="parser")
    add_entity_components(nlp)
    return nlp


@lru_cache(maxsize=2)
def cached_nlp(settings: Settings) -> Language:
    return build_nlp(settings)


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


def _check_dct(dct: str | None) -> str | None:
    if dct is None:
        return None
    value = dct.strip()
    try:
        if len(value) == 4:
            date(int(value), 1, 1)
        elif len(value) == 7:
            date.fromisoformat(value + "-01")
        else:
            datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--dct {dct!r} is not a date on the calendar; write it like 2013-03-22") from None
    return value


def _timex(t) -> dict:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod,
            "earliest": t.earliest, "latest": t.latest, "inferred": t.inferred, "anchor": t.anchor}


def annotate_file(path: str, settings: Settings, dct: str | None = None) -> dict:
    """Ingest one file, run every per-document stage, and return mentions, timexes and events."""
    dct = _check_dct(dct)
    if not os.path.isfile(path):
        raise UsageError(f"{path} is not a file; give one document to annotate.")
    items = list(iter_documents([path], settings))
    docs = [d for d in items if not isinstance(d, Failure)]
    if not docs:
        reason = items[0].reason if items else "no document found"
        raise IngestError(f"{path} could not be read: {reason}.")
    d = docs[0]
    if dct:
        d = replace(d, published=dct)
    nlp = cached_nlp(settings)
    sdoc = annotate_text(nlp, spacy_text(d.text, d.stripped, d.format)[: settings.max_chars], settings)
    ex = analyse_doc(d, sdoc, settings)
    return {
        "doc": d.doc, "text": d.text, "dct": d.published,
        "entities": [{"start": m.start, "end": m.end, "text": m.text, "type": m.type, "id": m.key} for m in ex.mentions],
        # TIMEX3 proper; times read off a named historical event ("after the armistice") are not TIMEX3
        # expressions and are listed apart, so TimeML scorers see only what TimeML annotates.
        "timexes": [_timex(t) for t in ex.timexes if not (t.anchor or t.inferred)],
        "anchored_times": [_timex(t) for t in ex.timexes if t.anchor or t.inferred],
        "events": [{"type": e.type, "subject": e.subject, "summary": e.summary,
                    "date": {"start": e.date.start, "end": e.date.end, "text": e.date.text, "inferred": e.date.inferred},
                    "places": list(e.places), "participants": list(e.participants),
                    "sources": [{"doc": e.source.doc, "start": e.source.start, "end": e.source.end,
                                 "quote": e.source.quote}],
                    "confidence": e.confidence, "hedged": e.hedged, "fiction": e.fiction} for e in ex.events],
    }
