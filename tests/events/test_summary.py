"""Summary wording: the past tense of a present-tense trigger ("Moves to Paris" -> "Moved to Paris")."""
from __future__ import annotations

import pytest

from kronika.extract.events.summary import _past


@pytest.mark.parametrize("lemma,past", [("bear", "born"), ("grow", "grew up"), ("hang", "hanged"), ("go", "went"),
                                        ("move", "moved"), ("study", "studied"), ("stay", "stayed"),
                                        ("join", "joined")])
def test_past_tense(lemma, past):
    assert _past(lemma) == past
