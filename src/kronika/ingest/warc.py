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


def iter_warc(name: str, path: str, max_bytes: int, max_depth: int,
              limit: int | None = None) -> Iterator[Document | Failure]:
    """Records named ``NAME#N`` (N counts the document records, from 1); url is the record's target URI."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Failure(name, "reading WARC files needs the warcio package (pip install warcio)", "ingest", path)
        return
    n = 0
    fd, st, reason = open_regular(path, None)
    if fd is None or st is None:
        yield Failure(name, reason or "the file cannot be read", "ingest", path)
        return
    end = 0  # where the last complete record ends in the file
    try:
        with os.fdopen(fd, "rb") as fh:
            records = ArchiveIterator(fh)
            for rec in records:
                out = _response(rec, name, n, path, max_bytes, max_depth, limit) if rec.rec_type else None
                if _cut_short(rec) or not rec.rec_type:  # the file ends inside this record (or its headers)
                    n += 1
                    yield Failure(f"{name}#{n}", f"the file ends in the middle of a record after record {n - 1} "
                                  "(an interrupted download or copy?); the records before it were read", "ingest", path)
                    return
                if out is not None:
                    n += 1
                    yield out
                records.read_to_end()
                end = records.offset
            if end < st.st_size and _rest_is_data(fh.fileno(), end, st.st_size):
                n += 1
                yield Failure(f"{name}#{n}", f"the file ends in the middle of a record after record {n - 1} "
                              "(an interrupted download or copy?); the records before it were read", "ingest", path)
                return
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on corrupt archives
        yield Failure(name if n == 0 else f"{name}#{n + 1}",
                      f"not a valid WARC file, or damaged after record {n} ({type(exc).__name__})", "ingest", path)
        return
    if n == 0:
        yield Failure(name, "no HTML or plain-text response records found (not a WARC file, or nothing to read in it)",
                      "ingest", path)


def _response(rec, name: str, n: int, path: str, max_bytes: int, max_depth: int,
              limit: int | None = None) -> Document | Failure | None:
    """The document of one WARC record (named ``NAME#N+1``), a Failure, or None when it is not a document."""
    if rec.rec_type not in ("response", "resource"):
        return None
    headers = rec.http_headers if rec.rec_type == "response" else rec.rec_headers
    if headers is None:
        return None
    if rec.rec_type == "response":
        code = (rec.http_headers.get_statuscode() or "")
        if not code.startswith("2"):
            return None
    ctype = (headers.get_header("Content-Type") or "").lower()
    mime = ctype.split(";")[0].strip()
    if mime not in _HTML + _TEXT:
        return None
    doc = f"{name}#{n + 1}"
    url = rec.rec_headers.get_header("WARC-Target-URI")
    raw = rec.content_stream().read(max_bytes + 1)
    if len(raw) > max_bytes:
        return Failure(doc, "record is " + size_failure(max_bytes), "ingest", path)
    charset = ctype.split("charset=")[1].split(";")[0].strip(" \"'") if "charset=" in ctype else None
    out = _record(doc, raw, mime, charset, url, path, max_depth, limit)
    return replace(out, format="warc") if isinstance(out, Document) else out


def _cut_short(rec) -> bool:
    """Whether the file ends inside this record: it lacks a Content-Length (its headers were cut) or fewer bytes
    follow than the Content-Length declares (its raw stream is read to the end)."""
    stream = rec.raw_stream
    declared = (rec.rec_headers.get_header("Content-Length") or "").strip() if rec.rec_headers else ""
    if not declared.isdigit() or not hasattr(stream, "limit"):  # warcio bounds a record by its Content-Length
        return True
    while stream.read(1 << 16):
        pass
    return stream.limit > 0


def _rest_is_data(fd: int, offset: int, size: int) -> bool:
    """Whether the file holds more than blank lines after ``offset`` (a record cut off in its headers)."""
    while offset < size:
        chunk = os.pread(fd, 1 << 16, offset)
        if not chunk:
            break
        if chunk.strip():
            return True
        offset += len(chunk)
    return False


def _record(doc: str, raw: bytes, mime: str, charset: str | None, url: str | None, path: str,
            max_depth: int, limit: int | None = None) -> Document | Failure:
    text, reason = decode_bytes(raw, charset)
    if text is None:
        return Failure(doc, reason or "not text", "ingest", path)
    if mime in _HTML:
        main, meta, reason = extract_html(text, max_depth)
        if main is None:
            return Failure(doc, reason or "no text found in the HTML page", "ingest", path)
        if url:
            meta["url"] = meta.get("url") or url
        return make_document(doc, main, sha256(raw), "html", path, meta, limit)
    return make_document(doc, text, sha256(raw), "txt", path, {"url": url} if url else None, limit)
