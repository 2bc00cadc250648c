"""spaCy Doc + document creation time -> normalised TIMEX3 time expressions."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Timex


def extract_timexes(sdoc: Doc, dct: str | None = None) -> list[Timex]:
    """Time expressions of one document, normalised against ``dct`` or the narrative's own time."""
    return []
