"""Data files of ``kronika/data`` in, read-only Python tables out: the one loader of word lists and gazetteers.

Every word list kronika's rules read (trigger verbs, kinship nouns, demonyms, first names, place aliases, ...)
lives in a JSON file of ``kronika/data``, one file per family of tables::

    {"_about": "what the family is for", "table_name": [...] or {...}, ...}

A file is parsed once per process (cached). ``words`` gives a table as a frozenset, ``mapping`` as a fresh dict,
``sequence`` as a tuple; ``load`` gives the whole parsed file, shared by every caller, so it must not be mutated.
A list keeps the order of the file, so a set built from it iterates as the literal it replaced did.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["load", "mapping", "sequence", "words"]


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """``data/<name>.json`` parsed (cached; shared between callers: read it, never change it)."""
    with resources.files("kronika.data").joinpath(f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _table(name: str, table: str) -> Any:
    data = load(name)
    if table not in data:
        raise KeyError(f"data/{name}.json has no table {table!r}")
    return data[table]


def words(name: str, table: str) -> frozenset[str]:
    """A word list of ``data/<name>.json`` as a frozenset."""
    return frozenset(_table(name, table))


def mapping(name: str, table: str) -> dict[str, Any]:
    """A word -> value table of ``data/<name>.json`` as a fresh dict (in the file's order)."""
    return dict(_table(name, table))


def sequence(name: str, table: str) -> tuple:
    """An ordered list of ``data/<name>.json`` as a tuple."""
    return tuple(_table(name, table))
