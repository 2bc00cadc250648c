"""Text (+ DCT) in, TIMEX3 candidates out: all time rules together, plus ``normalise`` for one expression."""
from __future__ import annotations

from .absolute import RULES as ABSOLUTE_RULES
from .durations import RULES as DURATION_RULES
from .relative import RULES as RELATIVE_RULES
from .rules import Cand, run_rules
from .values import Day, bounds

RULES = ABSOLUTE_RULES + RELATIVE_RULES + DURATION_RULES

__all__ = ["RULES", "find_candidates", "normalise", "bounds", "Cand"]


def find_candidates(text: str, dct: str | None = None, ref: Day | None = None) -> list[Cand]:
    """Every time expression the rules recognise in a text, in order, normalised."""
    if not isinstance(text, str) or not text:
        return []
    return run_rules(RULES, text, dct, ref)


def normalise(expression: str, dct: str | None = None) -> tuple[str, str, str | None] | None:
    """One expression -> (type, value, mod) when the whole string is a time expression, else None. Never raises."""
    try:
        cands = find_candidates(expression.strip(), dct)
    except Exception:  # noqa: BLE001 - normalising untrusted text must never fail a build
        return None
    if len(cands) != 1:
        return None
    c = cands[0]
    return c.type, c.value, c.mod
