"""spaCy Doc + mentions -> attributed claims and direct quotations of one document."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Claim, Document, Mention


def extract_claims(sdoc: Doc, document: Document, mentions: list[Mention]) -> list[Claim]:
    """Opinions, judgements, accusations and quotations, with holder, target and stance."""
    return []
