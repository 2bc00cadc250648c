"""Helpers for event tests: hand-built mentions (so tests do not depend on NER) and a one-call runner."""
from __future__ import annotations

import re

import pytest

from kronika.records import Mention, Timex


def find_mentions(text: str, typ: str, names: dict[str, list[str]] | list[str]) -> list[Mention]:
    """Every whole-word occurrence of each alias as a Mention with its canonical key."""
    if isinstance(names, list):
        names = {n: [n] for n in names}
    out = []
    for key, aliases in names.items():
        for alias in sorted(set(aliases) | {key}, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text):
                if any(o.start <= m.start() < o.end for o in out):
                    continue
                out.append(Mention(m.start(), m.end(), alias, typ, key, "test"))
    return sorted(out, key=lambda m: m.start)


def timex(text: str, frag: str, earliest: str | None, latest: str | None, inferred: bool = False) -> Timex:
    s = text.index(frag)
    return Timex(s, s + len(frag), frag, "DATE", earliest or "", None, earliest, latest, inferred)


@pytest.fixture
def events(nlp, settings, make_doc):
    """events(text, persons=..., places=..., orgs=..., works=..., timexes=None, genre='other', **document meta)."""
    from kronika.extract.events import extract_events

    def _run(text, persons=(), places=(), orgs=(), works=(), timexes=None, genre="other", **meta):
        ms = (find_mentions(text, "PERSON", persons if isinstance(persons, dict) else list(persons))
              + find_mentions(text, "PLACE", list(places)) + find_mentions(text, "ORG", list(orgs))
              + find_mentions(text, "WORK", list(works)))
        ms.sort(key=lambda m: m.start)
        d = make_doc(text, genre=genre, **meta)
        evs = extract_events(nlp(text), d, ms, list(timexes or []), settings)
        for e in evs:
            assert e.source.quote == text[e.source.start:e.source.end]
        return evs

    return _run
