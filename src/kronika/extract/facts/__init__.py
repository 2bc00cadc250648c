"""spaCy Doc + mentions + timexes -> biographical facts and relations. Steps: ``context`` (who a clause is about,
entity spans), ``dates``, ``lead`` (the opening sentence, parentheses, descriptions), ``clauses`` (verb frames),
``kin``, ``relations``, ``works``, ``military``; ``document`` runs them over one document."""
from .document import extract_facts

__all__ = ["extract_facts"]
