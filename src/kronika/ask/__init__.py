"""A question in, answers with citations out (structured store first, then passage retrieval)."""
from .answer import answer

__all__ = ["answer"]
