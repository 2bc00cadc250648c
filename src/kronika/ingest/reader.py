"""Paths (files, folders) -> Document or Failure records, one per input document, in a deterministic order.

Never raises on bad input: every problem is a Failure with one sentence.
"""
from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import Iterator

from ..records import Document, Failure
from ..settings import Settings
from .documents import make_document, sha256
from .encoding import decode_bytes
from .files import iter_files, kind_of, read_bytes
from .html import declared_charset, extract_html
from .jsonl import iter_jsonl_file
from .names import printable
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
        yield from iter_warc(name, path, settings.max_bytes, settings.max_html_depth, settings.max_chars)
        return
    if kind in ("jsonl", "jsonl.gz"):
        yield from iter_jsonl_file(name, path, settings.max_bytes, gz=kind == "jsonl.gz", limit=settings.max_chars)
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
        yield make_document(name, main, sha256(raw), "html", path, meta, settings.max_chars)
        return
    yield make_document(name, text, sha256(raw), kind, path, limit=settings.max_chars)


def iter_documents(paths: list[str], settings: Settings) -> Iterator[Document | Failure]:
    """Every document under ``paths``, sorted by name within each argument; problems come out as Failure records.

    Names and paths are stored text: a file name that is not valid UTF-8 is
    shown with its odd bytes as ``\\xNN`` (see ``names.printable``). A name
    seen twice in one call (two arguments with the same file name, or two
    JSONL lines with one ``id``) is a Failure the second time, named
    ``NAME (2)``, ``NAME (3)``... so that it is kept beside the first.
    """
    seen: set[str] = set()
    for p in paths:
        if not os.path.lexists(p):
            yield Failure(printable(os.path.basename(p.rstrip("/")) or p), "no such file or folder", "ingest",
                          printable(p))
            continue
        for name, full in iter_files(p):
            for rec in read_path(name, full, settings):
                rec = _printable(rec)
                if rec.doc in seen:
                    k = 2
                    while f"{rec.doc} ({k})" in seen:
                        k += 1
                    label = f"{rec.doc} ({k})"
                    seen.add(label)
                    yield Failure(label, f"another document is already called {rec.doc} (same file name or JSONL id); "
                                  "this one was skipped: rename it to build it", "ingest", rec.path)
                    continue
                seen.add(rec.doc)
                yield rec


def _printable(rec: Document | Failure) -> Document | Failure:
    doc, path = printable(rec.doc), printable(rec.path) if rec.path else rec.path
    return rec if doc == rec.doc and path == rec.path else replace(rec, doc=doc, path=path)
