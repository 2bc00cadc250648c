"""Per-Doc token attribute lists, computed once and shared by every stage.

Iterating a ``Doc`` makes a Python ``Token`` object per token and per pass;
stages that only test a token's text, lower-case form, lemma, part of speech
or character offset can read these lists instead (one C array read per
document), and make a ``Token`` only for the few positions that pass the test.
The lists are cached per Doc (weakly: they go when the Doc goes), so the
mention, time, event, fact and claim stages share them. Treat them as
read-only, and ask only about a fully annotated Doc: the first call fixes
them (the ``kronika_entities`` component, the last of the pipeline, is the
first caller; a change of length, e.g. a retokenisation, recomputes them).
"""
from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.attrs import IDX, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc

_CACHE: "WeakKeyDictionary[Doc, dict]" = WeakKeyDictionary()
_ATTRS = (ORTH, LOWER, LEMMA, POS, IDX)


def _arrays(doc: Doc) -> dict:
    got = _CACHE.get(doc)
    if got is None or got["n"] != len(doc):
        strings = doc.vocab.strings
        rows = doc.to_array(list(_ATTRS)).tolist() if len(doc) else []
        got = {
            "n": len(doc),
            "texts": [strings[r[0]] for r in rows],
            "lowers": [strings[r[1]] for r in rows],
            "lemmas": [strings[r[2]] if r[2] else "" for r in rows],
            "pos": [strings[r[3]] if r[3] else "" for r in rows],
            "idx": [r[4] for r in rows],
        }
        _CACHE[doc] = got
    return got


def texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``"""
    return _arrays(doc)["texts"]


def lowers(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``"""
    return _arrays(doc)["lowers"]


def lemmas(doc: Doc) -> list[str]:
    """``[t.lemma_ for t in doc]``"""
    return _arrays(doc)["lemmas"]


def pos(doc: Doc) -> list[str]:
    """``[t.pos_ for t in doc]``"""
    return _arrays(doc)["pos"]


def idx(doc: Doc) -> list[int]:
    """``[t.idx for t in doc]``"""
    return _arrays(doc)["idx"]
