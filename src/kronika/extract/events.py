"""spaCy Doc + mentions + timexes -> life events of the people in one document."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Document, Event, Mention, Timex
from ..settings import Settings


def extract_events(sdoc: Doc, document: Document, mentions: list[Mention], timexes: list[Timex],
                   settings: Settings) -> list[Event]:
    """Life events stated in the document, each with its clause as source."""
    return []
