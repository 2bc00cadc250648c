"""spaCy Doc -> entity mentions: gazetteer (``gazetteer``), name and title patterns (``patterns``), and the spaCy
components and ``Mention`` records (``mentions``)."""
from .mentions import LABELS, add_entity_components, entity_info, extract_mentions

__all__ = ["LABELS", "add_entity_components", "entity_info", "extract_mentions"]
