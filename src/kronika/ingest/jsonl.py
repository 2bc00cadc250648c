"""JSON Lines files (.jsonl, .jsonl.gz) -> one Document per line with a "text" field; a broken line is one Failure.

Files are streamed line by line, so a corpus of any size can be one JSONL
file: the size limit applies to each line (each document), and a compressed
file may expand to at most ``CONTAINER_FACTOR`` times the limit in all.
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
import zlib
from typing import Iterator

from ..records import Document, Failure
from .documents import make_document, sha256
from .encoding import decode_bytes
from .files import open_regular, size_failure
from .names import clean_text, printable

CONTAINER_FACTOR = 100
_CHUNK = 1 << 20


def iter_jsonl_file(name: str, path: str, max_bytes: int, gz: bool = False,
                    limit: int | None = None) -> Iterator[Document | Failure]:
    """Documents of a JSONL file on disk, streamed; never raises."""
    fd, _, reason = open_regular(path, None)
    if fd is None:
        yield Failure(name, reason or "the file cannot be read", "ingest", path)
        return
    with os.fdopen(fd, "rb", buffering=1 << 16) as raw_fh:
        fh = gzip.GzipFile(fileobj=raw_fh) if gz else raw_fh
        try:
            head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                data = fh.read(max_bytes + 1)  # UTF-16 lines cannot be split on b"\n": read it whole
                if len(data) > max_bytes:
                    yield Failure(name, size_failure(max_bytes), "ingest", path)
                else:
                    yield from iter_jsonl(name, data, path, limit)
                return
            yield from _stream(name, fh, path, max_bytes, limit)
        except (OSError, EOFError, zlib.error) as exc:
            yield Failure(name, f"the file could not be read to the end ({'not a valid gzip file' if gz else exc})",
                          "ingest", path)


def _stream(name: str, fh, path: str, max_bytes: int, limit: int | None = None) -> Iterator[Document | Failure]:
    n = total = found = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            break
        n += 1
        total += len(line)
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line
                more = fh.readline(_CHUNK)
                total += len(more)
                if not more or more.endswith(b"\n") or total > CONTAINER_FACTOR * max_bytes:
                    break
            found += 1
            yield Failure(f"{name}#{n}", f"line {n} is " + size_failure(max_bytes), "ingest", path)
        elif line.strip():
            if n == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8):]
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                text, reason = decode_bytes(line)
                if text is None:
                    found += 1
                    yield Failure(f"{name}#{n}", f"line {n} is not text ({reason})", "ingest", path)
                    continue
            found += 1
            yield parse_line(name, n, text.rstrip("\r\n"), path, limit)
        if total > CONTAINER_FACTOR * max_bytes:
            yield Failure(f"{name}#{n + 1}", f"the rest of the file was not read: it expands beyond {CONTAINER_FACTOR} "
                          f"times the size limit of {max_bytes} bytes", "ingest", path)
            return
    if found == 0:
        yield Failure(name, "the file is empty (no JSON lines)", "ingest", path)

META_FIELDS = ("title", "author", "date", "published", "url", "genre", "about")


def iter_jsonl(name: str, raw: bytes, path: str | None = None, limit: int | None = None) -> Iterator[Document | Failure]:
    """Documents named by the line's ``id``, else ``NAME#N`` (N the 1-based line number)."""
    text, reason = decode_bytes(raw)
    if text is None:
        yield Failure(name, reason or "not text", "ingest", path)
        return
    if not text.strip():
        yield Failure(name, "the file is empty (no lines)", "ingest", path)
        return
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        yield parse_line(name, n, line, path, limit)


def parse_line(name: str, n: int, line: str, path: str | None = None, limit: int | None = None) -> Document | Failure:
    """One JSONL line -> a Document, or a Failure naming the line and what is wrong with it."""
    doc = f"{name}#{n}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(doc, f"line {n} is not valid JSON ({exc.msg} at column {exc.colno})", "ingest", path)
    except (RecursionError, ValueError):
        return Failure(doc, f"line {n} is not valid JSON (nested too deeply or malformed)", "ingest", path)
    if not isinstance(obj, dict):
        return Failure(doc, f"line {n} is not a JSON object with a \"text\" field", "ingest", path)
    ident = obj.get("id")
    if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident).strip():
        doc = printable(str(ident).strip())
    body = obj.get("text")
    if body is None:
        return Failure(doc, f"line {n} has no \"text\" field", "ingest", path)
    if not isinstance(body, str):
        return Failure(doc, f"line {n} has a \"text\" field that is not a string", "ingest", path)
    body = clean_text(body)  # JSON can escape a lone surrogate ("\\ud800"), which no stored text can hold
    given = {k: clean_text(obj[k]) for k in META_FIELDS if isinstance(obj.get(k), str)}
    authors = obj.get("author") if obj.get("author") is not None else obj.get("authors")
    if isinstance(authors, list) and authors and all(isinstance(a, str) for a in authors):
        given["author"] = clean_text("; ".join(a.strip() for a in authors if a.strip()))
    if isinstance(obj.get("date"), int) and not isinstance(obj.get("date"), bool) and 1000 <= obj["date"] <= 2999:
        given["date"] = str(obj["date"])
    if "published" not in given and "date" in given:
        given["published"] = given.pop("date")
    return make_document(doc, body, sha256(line.encode("utf-8", "surrogatepass")), "jsonl", path, given, limit)
