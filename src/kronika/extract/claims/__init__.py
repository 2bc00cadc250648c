"""spaCy Doc + mentions -> attributed claims and quotations. Steps: ``stance`` (cue lexicon), ``context`` (holders,
targets, reviewed work), ``attribution`` (verb, noun and frame claims), ``quotes``, ``reception`` (critics and
verdicts); ``document`` runs them over one document."""
from .document import extract_claims

__all__ = ["extract_claims"]
