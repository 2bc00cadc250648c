"""WARC files (.warc, .warc.gz) -> one Document per HTML or plain-text response record (warcio, streamed)."""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Iterator

from ..records import Document, Failure
from .documents import make_document, sha256
from .encoding import decode_bytes
from .files import open_regular, size_failure
from .html import extract_html

_HTML = ("text/html", "application/xhtml+xml")
_TEXT = ("text/plain", "text/markdown")


def iter_warc(name: str, path: str, max_bytes: int, max_depth: int) -> Iterator[Document | Failure]:
    """Records named ``NAME#N`` (N counts the document records, from 1); url is the record's target URI."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Failure(name, "reading WARC files needs the warcio package (pip install warcio)", "ingest", path)
        return
    n = 0
    fd, _, reason = open_regular(path, None)
    if fd is None:
        yield Failure(name, reason or "the file cannot be read", "ingest", path)
        return
    try:
        with os.fdopen(fd, "rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type not in ("response", "resource"):
                    continue
                headers = rec.http_headers if rec.rec_type == "response" else rec.rec_headers
                if headers is None:
                    continue
                if rec.rec_type == "response":
                    code = (rec.http_headers.get_statuscode() or "")
                    if not code.startswith("2"):
                        continue
                ctype = (headers.get_header("Content-Type") or "").lower()
                mime = ctype.split(";")[0].strip()
                if mime not in _HTML + _TEXT:
                    continue
                n += 1
                doc = f"{name}#{n}"
                url = rec.rec_headers.get_header("WARC-Target-URI")
                raw = rec.content_stream().read(max_bytes + 1)
                if len(raw) > max_bytes:
                    yield Failure(doc, "record is " + size_failure(max_bytes), "ingest", path)
                    continue
                charset = ctype.split("charset=")[1].split(";")[0].strip(" \"'") if "charset=" in ctype else None
                rec_out = _record(doc, raw, mime, charset, url, path, max_depth)
                yield replace(rec_out, format="warc") if isinstance(rec_out, Document) else rec_out
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on corrupt archives
        yield Failure(name if n == 0 else f"{name}#{n + 1}",
                      f"not a valid WARC file, or damaged after record {n} ({type(exc).__name__})", "ingest", path)
        return
    if n == 0:
        yield Failure(name, "no HTML or plain-text response records found (not a WARC file, or nothing to read in it)",
                      "ingest", path)


def _record(doc: str, raw: bytes, mime: str, charset: str | None, url: str | None, path: str,
            max_depth: int) -> Document | Failure:
    text, reason = decode_bytes(raw, charset)
    if text is None:
        return Failure(doc, reason or "not text", "ingest", path)
    if mime in _HTML:
        main, meta, reason = extract_html(text, max_depth)
        if main is None:
            return Failure(doc, reason or "no text found in the HTML page", "ingest", path)
        if url:
            meta["url"] = meta.get("url") or url
        return make_document(doc, main, sha256(raw), "html", path, meta)
    return make_document(doc, text, sha256(raw), "txt", path, {"url": url} if url else None)
