"""extract_facts on odd input: nothing, no people, unclosed parentheses, lists of dashes; quotes stay exact."""
from __future__ import annotations

import pytest

from kronika.records import FACT_ATTRIBUTES


@pytest.mark.parametrize("text", [
    "",
    "   \n\n ",
    "The weather was fine and the harbour was quiet.",
    "Anna Berg (born 3 March 1950 in Oslo",
    "Anna Berg ( – – – ) was a ((( painter.",
    "Born in . He died in . She married .",
    "Anna Berg " + "(1900 – 1950) " * 50 + "was a painter.",
])
def test_odd_input_does_not_crash(facts_of, text):
    facts, rels = facts_of(text)
    assert isinstance(facts, list) and isinstance(rels, list)


def test_seeds_run_clean(facts_of, seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        facts, rels = facts_of(path.read_text(encoding="utf-8"))
        for f in facts:
            assert f.attribute in FACT_ATTRIBUTES
            assert 0 <= f.confidence <= 1
        assert all(r.source_key != r.target_key for r in rels)
