"""Files, folders, HTML, JSONL, WARC -> Document(text, metadata, stripped boilerplate) or Failure."""
from .files import iter_files
from .reader import iter_documents, read_path

__all__ = ["iter_documents", "iter_files", "read_path"]
