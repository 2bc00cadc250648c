"""Helpers for the time-stage tests: run the rules on a sentence and look a timex up by its text."""
from __future__ import annotations

import pytest

from kronika.extract.time.normalise import find_candidates


def _tag(text: str, dct: str | None = None) -> dict[str, tuple]:
    return {text[c.start:c.end]: (c.type, c.value, c.mod, c.earliest, c.latest) for c in find_candidates(text, dct)}


@pytest.fixture
def tag():
    return _tag
