"""JSON Lines bytes -> one Document per line with a "text" field; a broken line is one Failure, the rest go on."""
from __future__ import annotations

import json
from typing import Iterator

from ..records import Document, Failure
from .documents import make_document, sha256
from .encoding import decode_bytes

META_FIELDS = ("title", "author", "date", "published", "url", "genre", "about")


def iter_jsonl(name: str, raw: bytes, path: str | None = None) -> Iterator[Document | Failure]:
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
        yield parse_line(name, n, line, path)


def parse_line(name: str, n: int, line: str, path: str | None = None) -> Document | Failure:
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
        doc = str(ident).strip()
    body = obj.get("text")
    if body is None:
        return Failure(doc, f"line {n} has no \"text\" field", "ingest", path)
    if not isinstance(body, str):
        return Failure(doc, f"line {n} has a \"text\" field that is not a string", "ingest", path)
    given = {k: obj[k] for k in META_FIELDS if isinstance(obj.get(k), str)}
    if "published" not in given and "date" in given:
        given["published"] = given.pop("date")
    return make_document(doc, body, sha256(line.encode("utf-8", "surrogatepass")), "jsonl", path, given)
