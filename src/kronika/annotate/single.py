"""One file (and an optional creation date) in, its annotation as the contract's dict out (no database)."""
from __future__ import annotations

import os
from dataclasses import replace

from ..errors import IngestError, UsageError
from ..records import Failure
from ..settings import Settings


def _check_dct(dct: str | None) -> str | None:
    if dct is None:
        return None
    import re
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?", dct.strip()):
        raise UsageError(f"--dct {dct!r} is not an ISO date; write it like 2013-03-22")
    return dct.strip()


def _timex(t) -> dict:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod,
            "earliest": t.earliest, "latest": t.latest, "inferred": t.inferred, "anchor": t.anchor}


def annotate_file(path: str, settings: Settings, dct: str | None = None) -> dict:
    """Ingest one file, run every per-document stage, and return mentions, timexes and events."""
    from ..analyse import analyse_doc
    from ..annotate.pieces import annotate_text
    from ..annotate.pipeline import cached_nlp, spacy_text
    from ..ingest import iter_documents

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
