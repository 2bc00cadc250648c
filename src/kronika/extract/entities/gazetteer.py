"""Packaged gazetteer files -> lookup tables (alias -> canonical record), ruler patterns and name lists.

The gazetteer (``data/gazetteer.json``) lists historical places, organisations,
events, works and people with a canonical name, aliases (old names and
spellings), and ``succeeded_by`` / ``preceded_by`` / ``part_of`` links. It is
read once, lazily; everything here is a pure function of that file.
"""
from __future__ import annotations

import json
from functools import lru_cache

from ...lexicons import load

#: spaCy entity label used for each of our types (stock labels, so other stages reading ``doc.ents`` still work).
SPACY_LABEL = {"PERSON": "PERSON", "PLACE": "GPE", "ORG": "ORG", "WORK": "WORK_OF_ART", "EVENT": "EVENT"}
#: Our type for each spaCy entity label (None: not one of our five types).
TYPE_OF_LABEL = {
    "PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG",
    "WORK_OF_ART": "WORK", "EVENT": "EVENT", "LAW": "WORK", "NORP": None,
    "PLACE": "PLACE", "WORK": "WORK",
}
#: Multi-word names of these types are also matched all-lower-case and sentence-case ("left opposition").
_CASE_FREE_TYPES = {"ORG", "EVENT"}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, dict]:
    """Canonical name -> record (type, aliases, links, coordinates)."""
    return {e["name"]: e for e in load("gazetteer")["entities"]}


@lru_cache(maxsize=1)
def name_lists() -> dict:
    """Given names and person titles (``data/gazetteer_names.json``)."""
    data = load("gazetteer_names")
    return {"first_names": frozenset(data["first_names"]), "titles": tuple(data["person_titles"])}


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of larger cities, countries, US states and continents (``data/gazetteer_placenames.json``)."""
    return frozenset(load("gazetteer_placenames")["names"])


def _variants(alias: str, typ: str) -> list[str]:
    out = [alias]
    words = alias.split()
    if typ in _CASE_FREE_TYPES and len(words) > 1 and not any(w.isupper() and len(w) > 1 for w in words):
        out.append(alias.lower())
        out.append(words[0] + " " + " ".join(w.lower() for w in words[1:]))
    return out


@lru_cache(maxsize=1)
def alias_index() -> dict[str, str]:
    """Exact surface form (name, alias, case variants) -> canonical name; the first entry listed wins a clash."""
    idx: dict[str, str] = {}
    for name, e in gazetteer().items():
        for a in [name, *e.get("aliases", ())]:
            for v in _variants(a, e["type"]):
                idx.setdefault(v, name)
    return idx


@lru_cache(maxsize=1)
def _folded_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for alias, name in alias_index().items():
        idx.setdefault(alias.casefold(), name)
    return idx


def lookup(text: str, typ: str | None = None, fold_case: bool = False) -> dict | None:
    """The gazetteer record a surface form names (of type ``typ`` when given), or None."""
    name = alias_index().get(text)
    if name is None and fold_case:
        name = _folded_index().get(text.casefold())
    if name is None:
        return None
    rec = gazetteer()[name]
    if typ is not None and rec["type"] != typ:
        return None
    return rec


def entity_info(key: str) -> dict | None:
    """The gazetteer record for a canonical name (or any alias of it), as a fresh dict; None if unknown."""
    rec = gazetteer().get(key)
    if rec is None:
        rec = lookup(key)
    return json.loads(json.dumps(rec)) if rec is not None else None


def ruler_patterns() -> list[dict]:
    """SpanRuler phrase patterns: every name and alias (and case variants) of entries usable by the ruler."""
    pats, seen = [], set()
    for name, e in gazetteer().items():
        if e.get("ruler", True) is False:
            continue
        label = SPACY_LABEL[e["type"]]
        for a in [name, *e.get("aliases", ())]:
            for v in _variants(a, e["type"]):
                if v in seen or alias_index().get(v) != name:
                    continue
                seen.add(v)
                pats.append({"label": label, "pattern": v, "id": name})
    return pats


def name_history() -> list[tuple[str, str, str]]:
    """(name, relation, name) for every succession link in the gazetteer, both directions normalised to
    ``succeeded_by``; places renamed in place are one entry with ``former_names`` instead."""
    out = set()
    for name, e in gazetteer().items():
        if e.get("succeeded_by"):
            out.add((name, "succeeded_by", e["succeeded_by"]))
        if e.get("preceded_by"):
            out.add((e["preceded_by"], "succeeded_by", name))
    return sorted(out)
