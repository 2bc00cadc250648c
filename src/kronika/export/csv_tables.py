"""The store in, a folder of CSV files out: one per table, UTF-8 with a header row.

documents.csv, entities.csv, aliases.csv, events.csv, event_sources.csv,
facts.csv, relations.csv, claims.csv. Lists inside a cell are joined with
`` | ``; facts, relations and claims have one row per source span (with the
record's id repeated), so every quote is exactly ``text[start:end]``. Values are
written as they are (no formula-escaping prefix, which would break the quotes):
open the files in a spreadsheet with formulas disabled, or import them as text.
With a subject, the events, facts, relations and claims of that entity only.
"""
from __future__ import annotations

import csv
import os

from ..store import reads

TABLES = {
    "documents": ["doc", "sha256", "title", "author", "published", "genre", "about", "url", "format", "chars",
                  "stripped", "text"],
    "entities": ["id", "name", "type", "mentions", "docs"],
    "aliases": ["entity_id", "alias"],
    "events": ["id", "subject_id", "subject", "type", "summary", "date_start", "date_end", "date_text",
               "date_inferred", "place_ids", "places", "participant_ids", "participants", "confidence", "status",
               "fiction", "sources"],
    "event_sources": ["event_id", "doc", "start", "end", "quote"],
    "facts": ["fact_id", "subject_id", "subject", "attribute", "value", "value_id", "value_iso", "date_start",
              "date_end", "confidence", "doc", "start", "end", "quote"],
    "relations": ["relation_id", "source_id", "source", "relation", "target_id", "target", "date_start", "date_end",
                  "doc", "start", "end", "quote"],
    "claims": ["claim_id", "holder_id", "holder", "about_id", "about", "stance", "kind", "text", "doc", "author",
               "start", "end", "quote"],
}


def _j(xs) -> str:
    return " | ".join(str(x) for x in xs)


def rows(conn, subject: str | None = None) -> dict[str, list[dict]]:
    data = reads.export_all(conn)
    sid = reads.find_entity(conn, subject, None)["id"] if subject else None
    out: dict[str, list[dict]] = {k: [] for k in TABLES}
    for d in data["documents"]:
        out["documents"].append({**d, "stripped": len(d["stripped"])})
    for e in data["entities"]:
        out["entities"].append({**e, "docs": _j(e["docs"])})
        out["aliases"] += [{"entity_id": e["id"], "alias": a} for a in e["aliases"]]
    for ev in data["events"]:
        if sid and ev["subject"]["id"] != sid:
            continue
        out["events"].append({
            "id": ev["id"], "subject_id": ev["subject"]["id"], "subject": ev["subject"]["name"], "type": ev["type"],
            "summary": ev["summary"], "date_start": ev["date"]["start"], "date_end": ev["date"]["end"],
            "date_text": ev["date"]["text"], "date_inferred": int(bool(ev["date"]["inferred"])),
            "place_ids": _j(p["id"] for p in ev["places"]), "places": _j(p["name"] for p in ev["places"]),
            "participant_ids": _j(p["id"] for p in ev["participants"]),
            "participants": _j(p["name"] for p in ev["participants"]), "confidence": ev["confidence"],
            "status": ev["status"], "fiction": int(bool(ev.get("fiction"))), "sources": len(ev["sources"])})
        out["event_sources"] += [{"event_id": ev["id"], **s} for s in ev["sources"]]
    for i, f in enumerate(data["facts"], 1):
        if sid and f["subject"]["id"] != sid:
            continue
        base = {"fact_id": i, "subject_id": f["subject"]["id"], "subject": f["subject"]["name"],
                "attribute": f["attribute"], "value": f["value"],
                "value_id": (f.get("value_entity") or {}).get("id"), "value_iso": f.get("value_iso"),
                "date_start": (f.get("date") or {}).get("start"), "date_end": (f.get("date") or {}).get("end"),
                "confidence": f["confidence"]}
        out["facts"] += [{**base, **s} for s in f["sources"]] or [base]
    for i, r in enumerate(data["relations"], 1):
        if sid and sid not in (r["source"]["id"], r["target"]["id"]):
            continue
        base = {"relation_id": i, "source_id": r["source"]["id"], "source": r["source"]["name"],
                "relation": r["relation"], "target_id": r["target"]["id"], "target": r["target"]["name"],
                "date_start": r["date"]["start"], "date_end": r["date"]["end"]}
        out["relations"] += [{**base, **s} for s in r["sources"]] or [base]
    for i, c in enumerate(data["claims"], 1):
        if sid and c["about"]["id"] != sid:
            continue
        h = c["holder"] or {}
        base = {"claim_id": i, "holder_id": h.get("id"), "holder": h.get("name"), "about_id": c["about"]["id"],
                "about": c["about"]["name"], "stance": c["stance"], "kind": c.get("kind"), "text": c["text"]}
        out["claims"] += [{**base, **s} for s in c["sources"]] or [base]
    return out


def write(conn, dest: str, subject: str | None = None) -> str:
    os.makedirs(dest, exist_ok=True)
    for name, table in rows(conn, subject).items():
        with open(os.path.join(dest, f"{name}.csv"), "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=TABLES[name], extrasaction="ignore")
            w.writeheader()
            w.writerows(table)
    return dest
