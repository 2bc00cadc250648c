"""The store in, a CSL-JSON bibliography of the source documents out (for Zotero, pandoc, citeproc).

One item per document: ``id`` (the document name), ``type`` (``post-weblog`` for
reviews and blog-like pages, ``article`` for essays, articles, news and
biographies, ``webpage`` otherwise), ``title``, ``author`` as ``[{"literal"}]``,
``issued`` as ``{"date-parts": [[y, m, d]]}``, ``URL`` when known. With a
subject, only the documents that support that person's records.
"""
from __future__ import annotations

import json
import re

from ..store import reads

TYPES = {"review": "post-weblog", "essay": "article", "article": "article", "news": "article",
         "biography": "article", "memoir": "article", "letter": "webpage", "fiction": "webpage", "other": "webpage"}


def date_parts(iso: str | None) -> list[int] | None:
    m = re.match(r"^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?", iso or "")
    if not m:
        return None
    return [int(x) for x in m.groups() if x is not None]


def item(d: dict) -> dict:
    it = {"id": d["doc"], "type": TYPES.get(d.get("genre") or "other", "webpage"),
          "title": d.get("title") or d["doc"]}
    if d.get("author"):
        it["author"] = [{"literal": d["author"]}]
    parts = date_parts(d.get("published"))
    if parts:
        it["issued"] = {"date-parts": [parts]}
    url = d.get("url")
    if url and re.match(r"^https?://", url, re.I):
        it["URL"] = url
    if d.get("about"):
        it["reviewed-title"] = d["about"]
    it["genre"] = d.get("genre") or "other"
    it["note"] = f"sha256:{d['sha256']}"
    return it


def bibliography(conn, subject: str | None = None) -> list[dict]:
    documents = reads.docs(conn)
    if subject:
        s = reads.find_entity(conn, subject, None)
        show = reads.show(conn, s["id"])
        used = {src["doc"] for part in ("facts", "events", "relations", "claims") for rec in show[part]
                for src in rec["sources"]} | set(show["entity"]["docs"])
        documents = [d for d in documents if d["doc"] in used]
    return [item(d) for d in documents]


def write(conn, dest: str, subject: str | None = None) -> str:
    with open(dest, "w", encoding="utf-8") as fh:
        json.dump(bibliography(conn, subject), fh, ensure_ascii=False, indent=1)
    return dest
