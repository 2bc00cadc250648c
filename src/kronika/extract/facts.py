"""spaCy Doc + mentions + timexes -> biographical facts and relations of one document."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Document, Event, Fact, Mention, Relation, Timex


def extract_facts(sdoc: Doc, document: Document, mentions: list[Mention], timexes: list[Timex],
                  events: list[Event]) -> tuple[list[Fact], list[Relation]]:
    """Attribute-value facts (birth_date, spouse, ...) and relations between entities."""
    return [], []
