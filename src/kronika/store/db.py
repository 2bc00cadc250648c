"""A database path in, a ``Store`` out: connection handling and per-document writes.

Nothing else in kronika touches SQL except ``store``. The database uses WAL so
that ``serve`` and the CLI can read while a build writes; each document is
written in one transaction with everything it supports, so a build killed at
any moment leaves a valid database and the next build resumes.
"""
from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from ..errors import StoreError
from ..records import Document, Extraction, Failure, Stripped
from .schema import MIGRATIONS, STALE, _tables, diagnose, damaged_message, migrate


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


log = logging.getLogger("kronika")


def explain(exc: sqlite3.Error, path: str) -> StoreError:
    """A SQLite error in, one sentence saying what is wrong with ``path`` and what to do out."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        msg = (f"the disk holding {path} is full; free some space and run the same command again "
               "(the database keeps everything written before).")
    elif primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        msg = f"{path} is locked by another program; wait for it to finish and try again."
    elif primary == sqlite3.SQLITE_NOTADB or "not a database" in text:
        msg = f"{path} is not a SQLite database; choose another file with --db (kronika will not overwrite it)."
    elif primary == sqlite3.SQLITE_CORRUPT or "malformed" in text:
        msg = (f"{path} is damaged beyond repair ({text}); build into a new file with "
               f"`kronika build PATH --db NEW.db` or restore a copy.")
    elif text.startswith(("no such table", "no such column")) or "vtable constructor failed" in text:
        msg = f"{path} is damaged ({text}); run `kronika build PATH --db {path}` to repair it."
    elif primary == sqlite3.SQLITE_READONLY or "readonly" in text:
        msg = f"{path} cannot be written (a read-only file or folder); check its permissions or choose another --db."
    elif primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        msg = f"{path} cannot be opened ({text}); check that the file and its folder are readable."
    elif primary == sqlite3.SQLITE_IOERR or "disk I/O" in text:
        msg = f"reading or writing {path} failed ({text}); check the disk and run the same command again."
    else:
        msg = f"the database {path} failed ({text}); run the same command again, or build into a new file."
    err = StoreError(msg)
    err.__cause__ = exc
    return err


def _check_path(path: str, create: bool) -> None:
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        raise StoreError(f"The folder {folder} does not exist; create it or choose another path with --db.")
    if os.path.isdir(path):
        raise StoreError(f"{path} is a folder, not a database file; give a file with --db, "
                         f"e.g. {os.path.join(path, 'kronika.db')}.")
    if not create and not os.path.exists(path):
        raise StoreError(f"No database at {path}; run `kronika build PATH --db {path}` first.")


def _alive(pid, host) -> bool:
    """Whether the process that started a run still runs (unknowable on another host: assume it does)."""
    if host and host != socket.gethostname():
        return True
    if not pid:
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def build_state(conn: sqlite3.Connection) -> str:
    """'ok', 'running' (a build is writing now) or 'unfinished' (the last build stopped before reconciling)."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(runs)")}
    who = "pid, host" if {"pid", "host"} <= cols else "NULL AS pid, NULL AS host"
    runs = conn.execute(f"SELECT status, {who} FROM runs WHERE status IS NOT 'done'").fetchall()
    if any(r[0] == "running" and _alive(r[1], r[2]) for r in runs):
        return "running"
    dirty = conn.execute("SELECT 1 FROM dirty_docs LIMIT 1").fetchone() is not None
    return "unfinished" if runs or dirty else "ok"


def _check_readable(conn: sqlite3.Connection, path: str) -> None:
    missing = diagnose(conn, path)
    if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
        raise StoreError(f"{path} is not a kronika database; build one with `kronika build PATH --db {path}`.")
    if missing:
        raise StoreError(damaged_message(path, missing))
    if conn.execute("PRAGMA user_version").fetchone()[0] < len(MIGRATIONS):
        raise StoreError(f"{path} was written by an older kronika; run `kronika build PATH --db {path}` once to "
                         "upgrade it.")
    state = build_state(conn)
    if state == "ok":
        return
    if conn.execute("SELECT 1 FROM entities LIMIT 1").fetchone() is None:
        if state == "running":
            raise StoreError(f"a build of {path} is still running and has not reconciled its documents yet; "
                             "try again when it finishes.")
        raise StoreError(f"the last build of {path} did not finish, so its documents are not reconciled yet; "
                         f"run `kronika build PATH --db {path}` again to complete it.")
    if state == "unfinished" and path not in _NOTED:
        _NOTED.add(path)
        log.warning(f"the last build of {path} did not finish, so its newest documents may be missing here; "
                    f"run `kronika build PATH --db {path}` again to complete it.")


_NOTED: set[str] = set()


def _wal(conn: sqlite3.Connection, wait: float = 60.0) -> None:
    """Switch to WAL; the switch needs the file to itself and SQLite does not wait for that, so retry."""
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def connect(path: str, *, create: bool = False, readonly: bool = False) -> sqlite3.Connection:
    """Open (and if asked create, migrate and repair) a kronika database.

    A read-only connection refuses a database that is damaged, of another
    program, or whose last build did not finish before reconciling, each with
    one sentence saying what to do.
    """
    _check_path(path, create)
    conn = None
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, timeout=60)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 60000")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            diagnose(conn, path)  # another program's database is left exactly as it was
            _wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            repaired = migrate(conn, path)
            if repaired:
                log.warning(f"{path} was damaged: recreated the {_tables(repaired)} "
                            f"table{'s' if len(repaired) > 1 else ''}; what {'they' if len(repaired) > 1 else 'it'}"
                            " held is being redone.")
        else:
            _check_readable(conn, path)
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise explain(exc, path) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn


class Store:
    """Reads and writes of one kronika database."""

    def __init__(self, path: str, *, create: bool = False, readonly: bool = False):
        self.path = path
        self.conn = connect(path, create=create, readonly=readonly)
        self._open_runs: set[int] = set()

    def close(self) -> None:
        # A run never finished (an error or Ctrl-C in between) is marked so, if the database still lets us.
        for run_id in self._open_runs:
            try:
                with self.conn:
                    self.conn.execute("UPDATE runs SET status='failed', finished=? WHERE id=? AND status='running'",
                                      (_now(), run_id))
            except sqlite3.Error:
                pass
        self._open_runs.clear()
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def _writing(self):
        """One transaction; a SQLite error (disk full, locked, damaged) becomes one sentence."""
        try:
            with self.conn:
                yield self.conn
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from exc

    # ---- runs -------------------------------------------------------------------------------
    def start_run(self, command: str) -> int:
        with self._writing():
            cur = self.conn.execute("INSERT INTO runs(command, started, status, pid, host) VALUES (?, ?, 'running', ?, ?)",
                                    (command, _now(), os.getpid(), socket.gethostname()))
        self._open_runs.add(int(cur.lastrowid))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "done") -> None:
        with self._writing():
            self.conn.execute(
                "UPDATE runs SET finished=?, added=?, unchanged=?, replaced=?, failed=?, status=? WHERE id=?",
                (_now(), counts.get("added", 0), counts.get("unchanged", 0), counts.get("replaced", 0),
                 counts.get("failed", 0), status, run_id))
        self._open_runs.discard(run_id)

    # ---- documents ----------------------------------------------------------------------------
    def doc_hashes(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT doc, sha256 FROM documents")}

    def stale_documents(self, skip: set[str] = frozenset()) -> Iterator[Document]:
        """Documents a repair marked for re-reading (``schema.STALE``), rebuilt from their stored text."""
        stale = [r[0] for r in self.conn.execute("SELECT doc FROM documents WHERE sha256 LIKE ? ORDER BY doc",
                                                 (STALE + "%",)) if r[0] not in skip]
        for doc in stale:
            r = self.conn.execute("SELECT * FROM documents WHERE doc = ?", (doc,)).fetchone()
            stripped = tuple(Stripped(start=s["start"], end=s["end"], text=s["text"], reason=s["reason"]) for s in
                             self.conn.execute('SELECT start, "end", text, reason FROM stripped WHERE doc = ?'
                                               ' ORDER BY start', (doc,)))
            yield Document(doc=doc, sha256=r["sha256"][len(STALE):], text=r["text"], title=r["title"],
                           author=r["author"], published=r["published"], genre=r["genre"], about=r["about"],
                           url=r["url"], stripped=stripped, path=r["path"], format=r["format"] or "txt")

    def remove_docs(self, docs: list[str]) -> int:
        """Delete documents and every per-document record they supported."""
        n = 0
        with self._writing():
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
        with self._writing():
            self.conn.execute("INSERT OR REPLACE INTO failures(doc, path, stage, reason, run_id) VALUES (?,?,?,?,?)",
                              (f.doc, f.path, f.stage, f.reason, run_id))

    def write_extractions(self, batch: list[Extraction], run_id: int | None) -> None:
        """Write a batch of documents, each replacing any earlier version, in one transaction."""
        with self._writing():
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
        with self._writing():
            cur = self.conn.execute("INSERT INTO corrections(action, target, value, reason, created) VALUES (?,?,?,?,?)",
                                    (action, target, value, reason, _now()))
        return int(cur.lastrowid)

    def corrections(self) -> list[sqlite3.Row]:
        return list(self.conn.execute("SELECT * FROM corrections ORDER BY id"))
