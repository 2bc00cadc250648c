"""Paths (files, folders) -> Document or Failure records, one per input document.

Minimal first version: UTF-8 .txt and .md files. HTML, JSONL, encodings,
boilerplate and metadata are handled by the modules beside this one.
"""
from __future__ import annotations

import hashlib
import os
from typing import Iterator

from ..records import Document, Failure
from ..settings import Settings

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


def iter_files(path: str) -> Iterator[tuple[str, str]]:
    """(doc name, file path) for a file or, recursively and sorted, a folder."""
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path, followlinks=False):
            dirs.sort()
            for f in sorted(files):
                if f.lower().endswith(SUFFIXES):
                    full = os.path.join(root, f)
                    yield os.path.relpath(full, path).replace(os.sep, "/"), full
    else:
        yield os.path.basename(path), path


def read_document(name: str, path: str, settings: Settings) -> Document | Failure:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(settings.max_bytes + 1)
    except OSError as exc:
        return Failure(name, f"cannot read the file: {exc.strerror or exc}", "ingest", path)
    if len(raw) > settings.max_bytes:
        return Failure(name, f"file is larger than the size limit ({settings.max_bytes} bytes)", "ingest", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Failure(name, "the file is not valid UTF-8 text", "ingest", path)
    if not text.strip():
        return Failure(name, "the file is empty", "ingest", path)
    return Document(doc=name, sha256=hashlib.sha256(raw).hexdigest(), text=text, path=path,
                    format=os.path.splitext(path)[1].lstrip(".").lower() or "txt")


def iter_documents(paths: list[str], settings: Settings) -> Iterator[Document | Failure]:
    """Every document under ``paths``; unreadable inputs come out as Failure records."""
    for p in paths:
        for name, full in iter_files(p):
            yield read_document(name, full, settings)
