"""The store in, files in other tools' formats out: one writer per format."""
from __future__ import annotations

import json
import os

from ..errors import UsageError
from ..store import reads
from . import csl, csv_tables, graphml, html_page, jsonld, timelinejs


def write_json(conn, dest: str, subject: str | None = None) -> str:
    data = reads.export_all(conn)
    with open(dest, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
    return dest


WRITERS = {"json": write_json, "jsonld": jsonld.write, "csv": csv_tables.write, "graphml": graphml.write,
           "timelinejs": timelinejs.write, "csl": csl.write, "html": html_page.write}


def export(conn, fmt: str, dest: str, subject: str | None = None) -> str:
    """Write the knowledge base to ``dest`` in ``fmt``; returns the path written."""
    if fmt not in WRITERS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}")
    parent = os.path.dirname(os.path.abspath(dest))
    if not os.path.isdir(parent):
        raise UsageError(f"the folder {parent} does not exist; create it or choose another DEST")
    return WRITERS[fmt](conn, dest, subject=subject)
