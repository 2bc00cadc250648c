"""Paths (files, folders) -> Document or Failure records, one per input document, in a deterministic order.

Never raises on bad input: every problem is a Failure with one sentence.
"""
from __future__ import annotations

import os
import re
from typing import Iterator

from ..records import Document, Failure
from ..settings import Settings
from .documents import make_document, sha256
from .encoding import decode_bytes
from .files import iter_files, kind_of, read_bytes
from .html import declared_charset, extract_html
from .jsonl import iter_jsonl_file
from .warc import iter_warc


_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)?<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)


def read_path(name: str, path: str, settings: Settings) -> Iterator[Document | Failure]:
    """The documents of one file (several for JSONL and WARC), failures included; never raises."""
    try:
        yield from _read(name, path, settings)
    except Exception as exc:  # noqa: BLE001 - last line of defence: a bug must not stop a build
        yield Failure(name, f"could not be read because of an unexpected {type(exc).__name__}", "ingest", path)


def _read(name: str, path: str, settings: Settings) -> Iterator[Document | Failure]:
    kind = kind_of(name) or kind_of(path) or "txt"
    if kind == "warc":
        yield from iter_warc(name, path, settings.max_bytes, settings.max_html_depth)
        return
    if kind in ("jsonl", "jsonl.gz"):
        yield from iter_jsonl_file(name, path, settings.max_bytes, gz=kind == "jsonl.gz")
        return
    raw, reason = read_bytes(path, settings.max_bytes)
    if raw is None:
        yield Failure(name, reason or "the file cannot be read", "ingest", path)
        return
    if not raw.strip():
        yield Failure(name, "the file is empty (no text, or only whitespace)", "ingest", path)
        return
    if kind == "txt" and _HTML_START.match(raw[:1024]):
        kind = "html"  # a web page saved under a text name: its text is the page's main text, not its markup
    text, reason = decode_bytes(raw, declared_charset(raw) if kind == "html" else None)
    if text is None:
        yield Failure(name, reason or "not text", "ingest", path)
        return
    if kind == "html":
        main, meta, reason = extract_html(text, settings.max_html_depth)
        if main is None:
            yield Failure(name, reason or "no text found in the HTML page", "ingest", path)
            return
        yield make_document(name, main, sha256(raw), "html", path, meta)
        return
    yield make_document(name, text, sha256(raw), kind, path)


def iter_documents(paths: list[str], settings: Settings) -> Iterator[Document | Failure]:
    """Every document under ``paths``, sorted by name within each argument; problems come out as Failure records.

    A name seen twice in one call (two arguments with the same file name, or
    two JSONL lines with one ``id``) is a Failure the second time.
    """
    seen: set[str] = set()
    for p in paths:
        if not os.path.lexists(p):
            yield Failure(os.path.basename(p.rstrip("/")) or p, "no such file or folder", "ingest", p)
            continue
        for name, full in iter_files(p):
            for rec in read_path(name, full, settings):
                if rec.doc in seen:
                    yield Failure(rec.doc, "another document already has this name (same file name or JSONL id); "
                                  "this one was skipped", "ingest", full)
                    continue
                seen.add(rec.doc)
                yield rec
