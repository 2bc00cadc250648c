"""The store in, files in other tools' formats out: one writer per format."""
from __future__ import annotations

import importlib
import json
import os

from ..errors import UsageError
from ..store import reads

WRITERS = {"json": None, "jsonld": "jsonld", "csv": "csv_tables", "graphml": "graphml",
           "timelinejs": "timelinejs", "csl": "csl", "html": "html_page"}


def write_json(conn, dest: str, subject: str | None = None) -> str:
    data = reads.export_all(conn)
    with open(dest, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
    return dest


def export(conn, fmt: str, dest: str, subject: str | None = None) -> str:
    """Write the knowledge base to ``dest`` in ``fmt``; returns the path written."""
    if fmt not in WRITERS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}")
    parent = os.path.dirname(os.path.abspath(dest))
    if not os.path.isdir(parent):
        raise UsageError(f"the folder {parent} does not exist; create it or choose another DEST")
    if fmt == "json":
        return write_json(conn, dest, subject)
    try:
        mod = importlib.import_module(f"{__name__}.{WRITERS[fmt]}")
    except ImportError as exc:
        raise UsageError(f"export to {fmt} is not available in this version") from exc
    return mod.write(conn, dest, subject=subject)
