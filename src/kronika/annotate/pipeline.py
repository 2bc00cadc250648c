"""A model name in, a stock spaCy ``Language`` out; a document's text in, the text spaCy sees out.

The model comes from an installed package (``settings.model``), never a download. kronika's own
components are added on top of it by ``analyse.build_nlp``, which sits above the extractors that
define them.
"""
from __future__ import annotations

import importlib
import re

import spacy
from spacy.language import Language

from ..errors import AnnotateError
from ..settings import Settings


def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline package by module name, with no network."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        try:
            return spacy.load(name)
        except OSError as exc:
            raise AnnotateError(
                f"The spaCy pipeline {name!r} is not installed; run `make install` (or pip install -r requirements.lock)."
            ) from exc
    return module.load()


_MD_MARKUP = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)|(?<=\S)(\*\*|__)(?![\w*])|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])"
                        r"|^#{1,6}(?=\s)|`", re.M)


def spacy_text(text: str, stripped, fmt: str | None = None) -> str:
    """The text spaCy sees: boilerplate blanked out with spaces of equal length, so offsets stay.

    For Markdown, emphasis and heading marks (``**1917**``, ``*Title*``, ``# Heading``) are blanked
    too: the parser reads ``*`` as a word and makes it the subject of the sentence.
    """
    if not stripped and fmt != "md":
        return text
    chars = list(text)
    for s in stripped or ():
        for i in range(s.start, min(s.end, len(chars))):
            if chars[i] not in "\n\r":
                chars[i] = " "
    if fmt == "md":
        for m in _MD_MARKUP.finditer(text):
            for i in range(m.start(), m.end()):
                chars[i] = " "
    return "".join(chars)
