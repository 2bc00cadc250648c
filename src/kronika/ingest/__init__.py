"""Files, folders, HTML, JSONL -> Document(text, metadata, stripped boilerplate)."""
from .reader import iter_documents, iter_files

__all__ = ["iter_documents", "iter_files"]
