"""spaCy Doc + mentions + timexes -> life events. Steps: ``clauses`` (predicates typed by ``lexicon`` in context),
``modality`` (negation, hedges, intentions), ``dates`` (governing date and ordering cue), ``document`` (subjects,
arguments, summaries, one list of events per document)."""
from .document import extract_events

__all__ = ["extract_events"]
