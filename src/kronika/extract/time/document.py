"""spaCy Doc + document creation time -> normalised TIMEX3 time expressions (plus event-anchored dates)."""
from __future__ import annotations

from spacy.tokens import Doc

from ...records import Timex
from .anchors import anchored_timexes
from .normalise import find_candidates


def extract_timexes(sdoc: Doc, dct: str | None = None) -> list[Timex]:
    """Time expressions of one document, normalised against ``dct`` or the narrative's own time.

    Recognition and normalisation are kronika's own rules over the text (this package);
    relative expressions resolve against ``dct`` when given, else against the most recent
    absolute date in the preceding text. Expressions anchored on historical events ("after
    the Russian Revolution", "the eventual armistice") come back with ``inferred=True`` and
    ``anchor`` set to the event's name.
    """
    text = sdoc.text
    out: list[Timex] = []
    for c in find_candidates(text, dct):
        out.append(Timex(start=c.start, end=c.end, text=text[c.start:c.end], type=c.type, value=c.value, mod=c.mod,
                         earliest=c.earliest, latest=c.latest))
    out.extend(anchored_timexes(text, out))
    out.sort(key=lambda t: (t.start, t.end))
    return out
