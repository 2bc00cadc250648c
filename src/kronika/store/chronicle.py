"""The reconciled tables <-> reconciliation: what reconcile reads of the per-document tables, and what it writes.

Module functions taking a connection (as ``store.reads``): reconcile calls them inside one transaction
(``with conn:``) so the reconciled tables are rewritten all at once. No reconciliation logic here, only SQL.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Iterable

#: Columns of the per-document tables that name an entity by key, and the type such a key gets when no mention covers it.
KEY_COLUMNS = (("event_mentions", "subject_key", "PERSON"), ("fact_mentions", "subject_key", "PERSON"),
               ("relation_mentions", "source_key", "PERSON"), ("relation_mentions", "target_key", "PERSON"),
               ("claim_mentions", "holder_key", "PERSON"), ("claim_mentions", "about_key", "PERSON"))
#: The per-document tables' key columns and the resolved-id columns beside them.
RESOLVED_COLUMNS = (("fact_mentions", (("subject_key", "subject_id"), ("value_key", "value_id"))),
                    ("relation_mentions", (("source_key", "source_id"), ("target_key", "target_id"))),
                    ("claim_mentions", (("holder_key", "holder_id"), ("about_key", "about_id"))))


# ---- reads ----------------------------------------------------------------------------------------------------
def entity_mentions(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every entity mention: doc, key, type, text."""
    return conn.execute("SELECT doc, key, type, text FROM mentions").fetchall()


def place_neighbours(conn: sqlite3.Connection, gap: int = 40) -> list[sqlite3.Row]:
    """A place mention and the mention right after it in the same document, at most ``gap`` characters on:
    doc, key, next_key, next_text and the text between ("Paris" ", " "Texas"), for reading a name with its
    qualifier."""
    return conn.execute(
        "SELECT m.doc, m.key, m.next_key, m.next_text, substr(d.text, m.\"end\" + 1, m.next_start - m.\"end\") AS gap"
        " FROM (SELECT doc, key, type, \"end\", LEAD(start) OVER w AS next_start, LEAD(key) OVER w AS next_key,"
        " LEAD(text) OVER w AS next_text FROM mentions WINDOW w AS (PARTITION BY doc ORDER BY start)) AS m"
        " JOIN documents d ON d.doc = m.doc"
        " WHERE m.type = 'PLACE' AND m.next_start - m.\"end\" BETWEEN 0 AND ?", (gap,)).fetchall()


def keys_used(conn: sqlite3.Connection, table: str, col: str) -> list[sqlite3.Row]:
    """(doc, key) pairs a per-document table names in ``col`` (one of ``KEY_COLUMNS``)."""
    return conn.execute(f"SELECT DISTINCT doc, {col} AS key FROM {table} WHERE {col} IS NOT NULL").fetchall()


def event_place_and_participant_keys(conn: sqlite3.Connection) -> list[tuple[str, str, list[str]]]:
    """(doc, "places" or "participants", keys) of every event mention, places first."""
    out = []
    for col in ("places", "participants"):
        out += [(r["doc"], col, json.loads(r["v"])) for r in conn.execute(f"SELECT doc, {col} AS v FROM event_mentions")]
    return out


def other_names(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Stated birth names and pseudonyms: doc, subject_key, value."""
    return conn.execute("SELECT doc, subject_key, value FROM fact_mentions"
                        " WHERE attribute IN ('birth_name', 'pseudonym')").fetchall()


def events_told(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """Number of event mentions per (doc, subject key)."""
    return {(r["doc"], r["subject_key"]): r["n"] for r in
            conn.execute("SELECT doc, subject_key, COUNT(*) AS n FROM event_mentions GROUP BY doc, subject_key")}


def dirty_subjects(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT subject_id FROM dirty_subjects")}


def event_refs(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    """(subject id, place and participant ids) of every reconciled event."""
    refs: dict[str, list] = {r[0]: [] for r in conn.execute("SELECT id FROM events")}
    for table in ("event_places", "event_participants"):
        for r in conn.execute(f'SELECT event_id, entity_id FROM {table} ORDER BY event_id, "order"'):
            refs[r[0]].append(r[1])
    return [(r[1], refs[r[0]]) for r in conn.execute("SELECT id, subject_id FROM events")]


def event_mention_rows(conn: sqlite3.Connection) -> list[dict]:
    """Every event mention that is not negated, as a dict of its columns."""
    return [dict(r) for r in conn.execute("SELECT * FROM event_mentions WHERE negated = 0")]


def genres(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT doc, genre FROM documents")}


def entity_names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, name FROM entities")}


def fact_mention_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM fact_mentions ORDER BY doc, start").fetchall()


def relation_mention_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM relation_mentions ORDER BY doc, start").fetchall()


def claim_mention_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM claim_mentions ORDER BY doc, start").fetchall()


# ---- writes ---------------------------------------------------------------------------------------------------
def clear_entities_and_groups(conn: sqlite3.Connection) -> None:
    """Empty the tables reconcile always rebuilds whole (entities, aliases, links, facts, relations, claims)."""
    # The link tables too: their foreign keys cascade, but a repaired database (a table recreated) may hold orphans.
    for t in ("entities", "aliases", "entity_links", "entity_documents", "facts", "fact_sources", "relations",
              "relation_sources", "claims", "claim_sources"):
        conn.execute(f"DELETE FROM {t}")


def write_entity(conn: sqlite3.Connection, eid: str, name: str, typ: str, mentions: int, docs: list[str],
                 geo: dict | None, aliases: Iterable[str]) -> None:
    """One entity; ``geo`` ({lat, lon, country}) for a place that could be geocoded."""
    geo = geo or {}
    conn.execute("INSERT INTO entities(id, name, type, mentions, lat, lon, country) VALUES (?,?,?,?,?,?,?)",
                 (eid, name, typ, mentions, geo.get("lat"), geo.get("lon"), geo.get("country")))
    conn.executemany("INSERT INTO entity_documents(entity_id, doc) VALUES (?,?)", [(eid, d) for d in docs])
    conn.executemany("INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES (?,?)", [(eid, a) for a in aliases])


def write_mention_ids(conn: sqlite3.Connection, ids: dict[tuple[str, str], str],
                      split_texts: list[tuple[str, str, str, str]]) -> None:
    """Resolved entity ids on the mentions: by (doc, key), then the mentions split off by text."""
    current = {(r[0], r[1]): r[2] for r in conn.execute("SELECT DISTINCT doc, key, entity_id FROM mentions")}
    conn.executemany("UPDATE mentions SET entity_id=? WHERE doc=? AND key=?",
                     [(eid, d, k) for (d, k), eid in ids.items() if (d, k) in current and current[(d, k)] != eid])
    conn.executemany("UPDATE mentions SET entity_id=? WHERE doc=? AND key=? AND text=?",
                     [(eid, d, k, t) for d, k, t, eid in split_texts])


def write_entity_links(conn: sqlite3.Connection, links: list[tuple[str, str, str]]) -> None:
    conn.executemany("INSERT INTO entity_links(source_id, relation, target_id) VALUES (?,?,?)", links)


def write_event_mention_subjects(conn: sqlite3.Connection, updates: list[tuple[str | None, int]]) -> None:
    """(subject id, event mention id) pairs."""
    conn.executemany("UPDATE event_mentions SET subject_id=? WHERE id=?", updates)


def delete_events(conn: sqlite3.Connection, subjects: Iterable[str] | None) -> None:
    """Delete the events of ``subjects``, or every event when ``subjects`` is None."""
    if subjects is None:
        conn.execute("DELETE FROM events")
    else:
        conn.executemany("DELETE FROM events WHERE subject_id = ?", [(t,) for t in subjects])
    for t in ("event_places", "event_participants"):     # orphans a repaired database may hold (see above)
        conn.execute(f"DELETE FROM {t} WHERE event_id NOT IN (SELECT id FROM events)")


def write_event(conn: sqlite3.Connection, ev: dict) -> None:
    """One reconciled event, and its id on the event mentions it merges."""
    conn.execute(
        "INSERT INTO events(id, subject_id, type, summary, date_start, date_end, date_text, date_inferred,"
        " confidence, status, rank, fiction, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (ev["id"], ev["subject_id"], ev["type"], ev["summary"], ev["date_start"], ev["date_end"],
         ev["date_text"], int(ev["date_inferred"]), ev["confidence"], ev["status"], ev["rank"], int(ev["fiction"]),
         ev.get("note")))
    for table, refs in (("event_places", ev["places"]), ("event_participants", ev["participants"])):
        conn.executemany(f'INSERT INTO {table}(event_id, "order", entity_id) VALUES (?,?,?)',
                         [(ev["id"], i, x) for i, x in enumerate(refs)])
    conn.executemany("UPDATE event_mentions SET event_id=? WHERE id=?", [(ev["id"], m) for m in ev["mention_ids"]])


def clear_dirty(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM dirty_docs")
    conn.execute("DELETE FROM dirty_subjects")


def write_resolved_ids(conn: sqlite3.Connection, gid) -> None:
    """Resolved ids beside the keys of facts, relations and claims mentions (``gid(doc, key) -> id``), so readers
    can join without re-resolving; only rows whose resolution changed are written."""
    for table, pairs in RESOLVED_COLUMNS:
        cols = ", ".join(f"{k}, {v}" for k, v in pairs)
        sets = ", ".join(f"{v} = ?" for _, v in pairs)
        todo = []
        for r in conn.execute(f"SELECT id, doc, {cols} FROM {table}").fetchall():
            new = tuple(gid(r["doc"], r[k]) for k, _ in pairs)
            if new != tuple(r[v] for _, v in pairs):
                todo.append(new + (r["id"],))
        conn.executemany(f"UPDATE {table} SET {sets} WHERE id = ?", todo)


def write_fact(conn: sqlite3.Connection, f: dict, confidence: float) -> None:
    cur = conn.execute("INSERT INTO facts(subject_id, attribute, value, value_iso, value_id, date_start, date_end,"
                       " confidence) VALUES (?,?,?,?,?,?,?,?)",
                       (f["subject_id"], f["attribute"], f["value"], f["value_iso"], f["value_id"], f["date_start"],
                        f["date_end"], confidence))
    conn.executemany("INSERT OR IGNORE INTO fact_sources(fact_id, mention_id) VALUES (?,?)",
                     [(cur.lastrowid, m) for m in f["ids"]])


def write_relation(conn: sqlite3.Connection, source: str | None, relation: str, target: str | None, v: dict) -> None:
    cur = conn.execute("INSERT INTO relations(source_id, relation, target_id, date_start, date_end) VALUES (?,?,?,?,?)",
                       (source, relation, target, v["date_start"], v["date_end"]))
    conn.executemany("INSERT OR IGNORE INTO relation_sources(relation_id, mention_id) VALUES (?,?)",
                     [(cur.lastrowid, m) for m in v["ids"]])


def write_claim(conn: sqlite3.Connection, holder: str | None, about: str | None, stance: str, kind: str,
                v: dict) -> None:
    cur = conn.execute("INSERT INTO claims(holder_id, about_id, stance, kind, text, work, date_start, date_end)"
                       " VALUES (?,?,?,?,?,?,?,?)",
                       (holder, about, stance, kind, v["text"], v["work"], v["date_start"], v["date_end"]))
    conn.executemany("INSERT OR IGNORE INTO claim_sources(claim_id, mention_id) VALUES (?,?)",
                     [(cur.lastrowid, m) for m in v["ids"]])


# ---- what corrections check against ---------------------------------------------------------------------------
def entity_by_id(conn: sqlite3.Connection, eid: str) -> tuple[str, str] | None:
    """(id, name) of the entity ``eid``, or None."""
    r = conn.execute("SELECT id, name FROM entities WHERE id = ?", (eid,)).fetchone()
    return (r[0], r[1]) if r else None


def entities_named(conn: sqlite3.Connection, ref: str) -> list[tuple[str, str]]:
    """(id, name) of the entities whose name or an alias is ``ref`` (case-insensitive)."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT id, name FROM entities WHERE name = ? COLLATE NOCASE UNION "
        "SELECT e.id, e.name FROM entities e JOIN aliases a ON a.entity_id = e.id"
        " WHERE a.alias = ? COLLATE NOCASE", (ref, ref))]


def aliases_of(conn: sqlite3.Connection, eid: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (eid,))]


def event_exists(conn: sqlite3.Connection, event_id: str) -> bool:
    return conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is not None


def fact_values(conn: sqlite3.Connection) -> list[tuple[str | None, str, str, str | None]]:
    """(subject id, attribute, value, value_iso) of every reconciled fact: what its ``fact_id`` is made of."""
    return [tuple(r) for r in conn.execute("SELECT subject_id, attribute, value, value_iso FROM facts")]


# ---- build bookkeeping: when to reconcile ---------------------------------------------------------------------
def unfinished_runs(conn: sqlite3.Connection, run_id: int) -> int:
    """Runs other than ``run_id`` that did not finish (their documents may lack a reconciliation)."""
    return conn.execute("SELECT COUNT(*) FROM runs WHERE status != 'done' AND id != ?", (run_id,)).fetchone()[0]


def mark_runs_done(conn: sqlite3.Connection) -> None:
    with conn:
        conn.execute("UPDATE runs SET status='done' WHERE status != 'done'")


def is_reconciled(conn: sqlite3.Connection) -> bool:
    """True when there is nothing to reconcile or the entities have been reconciled once."""
    if conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0:
        return True
    return conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0] > 0


def has_dirty(conn: sqlite3.Connection) -> bool:
    """True when documents were written or removed since the last reconciliation."""
    return bool(conn.execute("SELECT 1 FROM dirty_docs LIMIT 1").fetchone())
