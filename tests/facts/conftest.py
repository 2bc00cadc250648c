"""Fact-test helper: a string in, the facts and relations extract_facts gives for it (real entity and timex stages)."""
from __future__ import annotations

import pytest


@pytest.fixture
def facts_of(nlp, make_doc):
    from kronika.extract.entities import extract_mentions
    from kronika.extract.facts import extract_facts
    try:
        from kronika.extract.time import extract_timexes
    except ImportError:  # facts must work without timexes (their own date reader)
        def extract_timexes(sdoc, dct):
            return []

    def _run(text: str):
        d = make_doc(text)
        sdoc = nlp(text)
        facts, rels = extract_facts(sdoc, d, extract_mentions(sdoc), extract_timexes(sdoc, None), [])
        for f in facts:
            assert f.source.quote == text[f.source.start:f.source.end]
        for r in rels:
            assert r.source.quote == text[r.source.start:r.source.end]
        return facts, rels

    return _run


def has(facts, attribute, value, subject=None, iso=None):
    """True when a fact with this attribute and value (case-insensitive) is present."""
    for f in facts:
        if f.attribute == attribute and f.value.lower() == value.lower():
            if subject and subject.split()[-1] not in f.subject:
                continue
            if iso and f.value_iso != iso:
                continue
            return True
    return False


def rel(rels, a, relation, b):
    for r in rels:
        if r.relation == relation and a.split()[-1] in r.source_key and b.split()[-1] in r.target_key:
            return True
    return False
