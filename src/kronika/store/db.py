"""A database path in, a ``Store`` out: connection handling and per-document writes.

Nothing else in kronika touches SQL except ``store``. The database uses WAL so
that ``serve`` and the CLI can read while a build writes; each document is
written in one transaction with everything it supports, so a build killed at
any moment leaves a valid database and the next build resumes.
"""
from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone

from ..errors import StoreError
from ..records import Extraction, Failure
from .schema import MIGRATIONS, migrate


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def connect(path: str, *, create: bool = False, readonly: bool = False) -> sqlite3.Connection:
    """Open (and if asked create and migrate) a kronika database."""
    if not create and not os.path.exists(path):
        raise StoreError(f"No database at {path}; run `kronika build PATH --db {path}` first.")
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, timeout=60)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 60000")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        else:
            v = conn.execute("PRAGMA user_version").fetchone()[0]
            if v == 0:
                raise StoreError(f"{path} is not a kronika database; build one with `kronika build PATH --db {path}`.")
            if v > len(MIGRATIONS):
                raise StoreError(f"{path} was written by a newer kronika; upgrade kronika to read it.")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a usable SQLite database ({exc}); choose another path with --db.") from exc
    return conn


class Store:
    """Reads and writes of one kronika database."""

    def __init__(self, path: str, *, create: bool = False, readonly: bool = False):
        self.path = path
        self.conn = connect(path, create=create, readonly=readonly)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- runs -------------------------------------------------------------------------------
    def start_run(self, command: str) -> int:
        with self.conn:
            cur = self.conn.execute("INSERT INTO runs(command, started, status) VALUES (?, ?, 'running')",
                                    (command, _now()))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "done") -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE runs SET finished=?, added=?, unchanged=?, replaced=?, failed=?, status=? WHERE id=?",
                (_now(), counts.get("added", 0), counts.get("unchanged", 0), counts.get("replaced", 0),
                 counts.get("failed", 0), status, run_id))

    # ---- documents ----------------------------------------------------------------------------
    def doc_hashes(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT doc, sha256 FROM documents")}

    def remove_docs(self, docs: list[str]) -> int:
        """Delete documents and every per-document record they supported."""
        n = 0
        with self.conn:
            for d in docs:
                if self.conn.execute("SELECT 1 FROM documents WHERE doc = ?", (d,)).fetchone():
                    n += 1
                self._delete_doc(d)
                self.conn.execute("DELETE FROM failures WHERE doc = ?", (d,))
        return n

    def _delete_doc(self, doc: str) -> None:
        c = self.conn
        # sentences_fts cannot index ``doc`` (FTS5), so deleting from it reads the whole table: skip that for
        # a new document (its FTS rows are only ever written together with its documents and sentences rows)
        stored = bool(c.execute("SELECT 1 FROM documents WHERE doc = ?", (doc,)).fetchone()
                      or c.execute("SELECT 1 FROM sentences WHERE doc = ? LIMIT 1", (doc,)).fetchone())
        c.execute("INSERT OR IGNORE INTO dirty_subjects(subject_id) SELECT DISTINCT subject_id FROM event_mentions"
                  " WHERE doc = ? AND subject_id IS NOT NULL", (doc,))
        c.execute("INSERT OR IGNORE INTO dirty_docs(doc) VALUES (?)", (doc,))
        for t in ("stripped", "sentences", "mentions", "timexes", "event_mentions", "fact_mentions",
                  "relation_mentions", "claim_mentions"):
            c.execute(f"DELETE FROM {t} WHERE doc = ?", (doc,))
        if stored:
            c.execute("DELETE FROM sentences_fts WHERE doc = ?", (doc,))
        c.execute("DELETE FROM documents WHERE doc = ?", (doc,))

    def record_failure(self, f: Failure, run_id: int | None) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO failures(doc, path, stage, reason, run_id) VALUES (?,?,?,?,?)",
                              (f.doc, f.path, f.stage, f.reason, run_id))

    def write_extractions(self, batch: list[Extraction], run_id: int | None) -> None:
        """Write a batch of documents, each replacing any earlier version, in one transaction."""
        with self.conn:
            for ex in batch:
                self._write_one(ex, run_id)

    def _write_one(self, ex: Extraction, run_id: int | None) -> None:
        c, d = self.conn, ex.doc
        self._delete_doc(d.doc)
        c.execute("DELETE FROM failures WHERE doc = ?", (d.doc,))
        c.execute(
            "INSERT INTO documents(doc, sha256, title, author, published, genre, about, url, format, path, chars, text,"
            " added_run) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (d.doc, d.sha256, d.title, d.author, d.published, d.genre, d.about, d.url, d.format, d.path,
             len(d.text), d.text, run_id))
        c.executemany('INSERT INTO stripped(doc, start, "end", text, reason) VALUES (?,?,?,?,?)',
                      [(d.doc, s.start, s.end, s.text, s.reason) for s in d.stripped])
        sents = [(d.doc, a, b, d.text[a:b]) for a, b in ex.sentences]
        c.executemany('INSERT INTO sentences(doc, start, "end", text) VALUES (?,?,?,?)', sents)
        c.executemany('INSERT INTO sentences_fts(doc, start, "end", text) VALUES (?,?,?,?)', sents)
        c.executemany('INSERT INTO mentions(doc, start, "end", text, type, key, source) VALUES (?,?,?,?,?,?,?)',
                      [(d.doc, m.start, m.end, m.text, m.type, m.key, m.source) for m in ex.mentions])
        c.executemany(
            'INSERT INTO timexes(doc, start, "end", text, type, value, mod, earliest, latest, inferred, anchor)'
            ' VALUES (?,?,?,?,?,?,?,?,?,?,?)',
            [(d.doc, t.start, t.end, t.text, t.type, t.value, t.mod, t.earliest, t.latest, int(t.inferred), t.anchor)
             for t in ex.timexes])
        c.executemany(
            'INSERT INTO event_mentions(doc, type, subject_key, summary, trigger, start, "end", quote, places,'
            ' participants, date_start, date_end, date_text, date_inferred, ord, confidence, hedged, negated,'
            ' fiction, cue) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(d.doc, e.type, e.subject, e.summary, e.trigger, e.source.start, e.source.end, e.source.quote,
              json.dumps(list(e.places)), json.dumps(list(e.participants)), e.date.start, e.date.end, e.date.text,
              int(e.date.inferred), e.order, e.confidence, int(e.hedged), int(e.negated), int(e.fiction), e.cue)
             for e in ex.events])
        c.executemany(
            'INSERT INTO fact_mentions(doc, subject_key, attribute, value, value_iso, value_key, date_start, date_end,'
            ' start, "end", quote, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
            [(d.doc, f.subject, f.attribute, f.value, f.value_iso, f.value_key,
              f.date.start if f.date else None, f.date.end if f.date else None,
              f.source.start, f.source.end, f.source.quote, f.confidence) for f in ex.facts])
        c.executemany(
            'INSERT INTO relation_mentions(doc, source_key, relation, target_key, date_start, date_end, start, "end",'
            ' quote, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)',
            [(d.doc, r.source_key, r.relation, r.target_key, r.date.start, r.date.end, r.source.start, r.source.end,
              r.source.quote, r.confidence) for r in ex.relations])
        c.executemany(
            'INSERT INTO claim_mentions(doc, holder_key, about_key, stance, kind, text, work, date_start, date_end,'
            ' start, "end", quote) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
            [(d.doc, cl.holder, cl.about, cl.stance, cl.kind, cl.text, cl.work,
              cl.date.start if cl.date else None, cl.date.end if cl.date else None,
              cl.source.start, cl.source.end, cl.source.quote) for cl in ex.claims])

    # ---- corrections ----------------------------------------------------------------------------
    def add_correction(self, action: str, target: str, value: str | None, reason: str | None) -> int:
        with self.conn:
            cur = self.conn.execute("INSERT INTO corrections(action, target, value, reason, created) VALUES (?,?,?,?,?)",
                                    (action, target, value, reason, _now()))
        return int(cur.lastrowid)

    def corrections(self) -> list[sqlite3.Row]:
        return list(self.conn.execute("SELECT * FROM corrections ORDER BY id"))
