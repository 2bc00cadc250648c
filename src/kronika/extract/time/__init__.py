"""Text (+ document creation time) -> TIMEX3 time expressions. Steps: ``lexicon`` (month, weekday, number words),
``values`` (calendar arithmetic), ``rules`` (the rule engine), ``absolute``/``relative``/``durations`` (the rules),
``normalise`` (all rules together), ``anchors`` (dates anchored on historical events), ``document`` (one spaCy Doc)."""
from .document import extract_timexes

__all__ = ["extract_timexes"]
