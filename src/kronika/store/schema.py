"""The SQLite schema as registered migrations: a connection in, an up-to-date database out.

Tables are readable in any SQLite tool. Per-document extraction lives in
``mentions``, ``timexes``, ``event_mentions``, ``fact_mentions``,
``relation_mentions``, ``claim_mentions`` (each row keyed by ``doc``, so removing
a document removes exactly what it supported); the reconciled knowledge base
(``entities`` with the coordinates and country of places, ``aliases``,
``entity_links``, ``entity_documents``, ``events`` with ``event_places`` and
``event_participants``, ``facts``, ``relations``, ``claims``, and their
provenance ``fact_sources``, ``relation_sources``, ``claim_sources``; an
event's mentions carry its ``event_id``) is rebuilt from them; ``corrections`` holds the
user's own edits and is never touched by a build. ``dirty_docs`` and
``dirty_subjects`` record, in the same transaction as each write, what the
next reconciliation must redo, so it redoes only that, even after a crash.
"""
from __future__ import annotations

import sqlite3

from ..errors import StoreError

MIGRATIONS: list[str] = []


def migration(sql: str) -> None:
    MIGRATIONS.append(sql)


migration("""
CREATE TABLE documents (
    doc TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    title TEXT, author TEXT, published TEXT,
    genre TEXT NOT NULL DEFAULT 'other',
    about TEXT, url TEXT,
    format TEXT, path TEXT,
    chars INTEGER NOT NULL,
    text TEXT NOT NULL,
    added_run INTEGER
);
CREATE TABLE stripped (
    doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT
);
CREATE INDEX stripped_doc ON stripped(doc);
CREATE TABLE sentences (
    doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX sentences_doc ON sentences(doc);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, doc UNINDEXED, start UNINDEXED, "end" UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE mentions (
    doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, key TEXT NOT NULL, source TEXT,
    entity_id TEXT
);
CREATE INDEX mentions_doc ON mentions(doc, key);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE timexes (
    doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT, mod TEXT, earliest TEXT, latest TEXT,
    inferred INTEGER NOT NULL DEFAULT 0, anchor TEXT
);
CREATE INDEX timexes_doc ON timexes(doc);
CREATE TABLE event_mentions (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    type TEXT NOT NULL, subject_key TEXT NOT NULL, subject_id TEXT,
    summary TEXT NOT NULL, trigger TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, quote TEXT NOT NULL,
    places TEXT NOT NULL DEFAULT '[]', participants TEXT NOT NULL DEFAULT '[]',
    date_start TEXT, date_end TEXT, date_text TEXT, date_inferred INTEGER NOT NULL DEFAULT 0,
    ord INTEGER NOT NULL DEFAULT 0, confidence REAL NOT NULL,
    hedged INTEGER NOT NULL DEFAULT 0, negated INTEGER NOT NULL DEFAULT 0,
    fiction INTEGER NOT NULL DEFAULT 0, cue TEXT,
    event_id TEXT
);
CREATE INDEX event_mentions_doc ON event_mentions(doc);
CREATE INDEX event_mentions_subject ON event_mentions(subject_id);
CREATE TABLE fact_mentions (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    subject_key TEXT NOT NULL, subject_id TEXT,
    attribute TEXT NOT NULL, value TEXT NOT NULL, value_iso TEXT, value_key TEXT, value_id TEXT,
    date_start TEXT, date_end TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, quote TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX fact_mentions_doc ON fact_mentions(doc);
CREATE TABLE relation_mentions (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    source_key TEXT NOT NULL, source_id TEXT, relation TEXT NOT NULL, target_key TEXT NOT NULL, target_id TEXT,
    date_start TEXT, date_end TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, quote TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX relation_mentions_doc ON relation_mentions(doc);
CREATE TABLE claim_mentions (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    holder_key TEXT, holder_id TEXT, about_key TEXT NOT NULL, about_id TEXT,
    stance TEXT NOT NULL, kind TEXT, text TEXT NOT NULL, work TEXT,
    date_start TEXT, date_end TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, quote TEXT NOT NULL
);
CREATE INDEX claim_mentions_doc ON claim_mentions(doc);

CREATE TABLE entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 0, docs TEXT NOT NULL DEFAULT '[]',
    lat REAL, lon REAL
);
CREATE TABLE aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE TABLE entity_links (
    source_id TEXT NOT NULL, relation TEXT NOT NULL, target_id TEXT NOT NULL
);
CREATE TABLE events (
    id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, type TEXT NOT NULL, summary TEXT NOT NULL,
    date_start TEXT, date_end TEXT, date_text TEXT, date_inferred INTEGER NOT NULL DEFAULT 0,
    places TEXT NOT NULL DEFAULT '[]', participants TEXT NOT NULL DEFAULT '[]',
    confidence REAL NOT NULL, status TEXT NOT NULL, rank INTEGER NOT NULL DEFAULT 0,
    fiction INTEGER NOT NULL DEFAULT 0, note TEXT
);
CREATE INDEX events_subject ON events(subject_id, rank);
CREATE TABLE facts (
    id INTEGER PRIMARY KEY, subject_id TEXT NOT NULL, attribute TEXT NOT NULL, value TEXT NOT NULL,
    value_iso TEXT, value_id TEXT, date_start TEXT, date_end TEXT,
    confidence REAL NOT NULL, mention_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX facts_subject ON facts(subject_id);
CREATE TABLE relations (
    id INTEGER PRIMARY KEY, source_id TEXT NOT NULL, relation TEXT NOT NULL, target_id TEXT NOT NULL,
    date_start TEXT, date_end TEXT, mention_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY, holder_id TEXT, about_id TEXT NOT NULL, stance TEXT NOT NULL,
    kind TEXT, text TEXT NOT NULL, work TEXT, date_start TEXT, date_end TEXT,
    mention_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX claims_about ON claims(about_id);

CREATE TABLE failures (
    doc TEXT NOT NULL, path TEXT, stage TEXT NOT NULL, reason TEXT NOT NULL, run_id INTEGER,
    PRIMARY KEY (doc)
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY, command TEXT NOT NULL, started TEXT NOT NULL, finished TEXT,
    added INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0,
    replaced INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, status TEXT
);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY, action TEXT NOT NULL, target TEXT NOT NULL, value TEXT,
    reason TEXT, created TEXT NOT NULL
);
""")


migration("""
CREATE TABLE dirty_docs (doc TEXT PRIMARY KEY);
CREATE TABLE dirty_subjects (subject_id TEXT PRIMARY KEY);
""")


migration("""
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host TEXT;
""")


# Places are geocoded once, at reconciliation: the country code beside lat/lon. Every document is marked dirty so
# the next `kronika build` reconciles and fills it in (until then a place has its coordinates without a country).
migration("""
ALTER TABLE entities ADD COLUMN country TEXT;
INSERT OR IGNORE INTO dirty_docs(doc) SELECT doc FROM documents;
""")


# Provenance in link tables with foreign keys instead of JSON text columns, so that a join in any SQLite tool
# (sqlite3, Datasette) goes from a fact, relation or claim to its mentions and their documents. Existing rows
# are carried over from the JSON columns, which are then dropped. An event's mentions are ``event_mentions``
# rows with its ``event_id``.
migration("""
CREATE TABLE fact_sources (
    fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    mention_id INTEGER NOT NULL REFERENCES fact_mentions(id) ON DELETE CASCADE,
    PRIMARY KEY (fact_id, mention_id)
);
INSERT OR IGNORE INTO fact_sources SELECT f.id, j.value FROM facts f, json_each(f.mention_ids) j
    WHERE j.value IN (SELECT id FROM fact_mentions);
ALTER TABLE facts DROP COLUMN mention_ids;
CREATE TABLE relation_sources (
    relation_id INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    mention_id INTEGER NOT NULL REFERENCES relation_mentions(id) ON DELETE CASCADE,
    PRIMARY KEY (relation_id, mention_id)
);
INSERT OR IGNORE INTO relation_sources SELECT r.id, j.value FROM relations r, json_each(r.mention_ids) j
    WHERE j.value IN (SELECT id FROM relation_mentions);
ALTER TABLE relations DROP COLUMN mention_ids;
CREATE TABLE claim_sources (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    mention_id INTEGER NOT NULL REFERENCES claim_mentions(id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, mention_id)
);
INSERT OR IGNORE INTO claim_sources SELECT c.id, j.value FROM claims c, json_each(c.mention_ids) j
    WHERE j.value IN (SELECT id FROM claim_mentions);
ALTER TABLE claims DROP COLUMN mention_ids;
CREATE TABLE event_places (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, "order" INTEGER NOT NULL, entity_id TEXT,
    PRIMARY KEY (event_id, "order")
);
INSERT INTO event_places SELECT e.id, j.key, j.value FROM events e, json_each(e.places) j;
ALTER TABLE events DROP COLUMN places;
CREATE TABLE event_participants (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, "order" INTEGER NOT NULL, entity_id TEXT,
    PRIMARY KEY (event_id, "order")
);
INSERT INTO event_participants SELECT e.id, j.key, j.value FROM events e, json_each(e.participants) j;
ALTER TABLE events DROP COLUMN participants;
CREATE TABLE entity_documents (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, doc)
);
INSERT OR IGNORE INTO entity_documents SELECT e.id, j.value FROM entities e, json_each(e.docs) j
    WHERE j.value IN (SELECT doc FROM documents);
ALTER TABLE entities DROP COLUMN docs;
""")

# What a missing table means for the rest of the database (see ``repair``).
PER_DOCUMENT = ("documents", "stripped", "sentences", "sentences_fts", "mentions", "timexes", "event_mentions",
                "fact_mentions", "relation_mentions", "claim_mentions")
LOGS = ("failures", "runs")
STALE = "stale:"  # prefixed to documents.sha256: the next build re-reads the document


def _statements(sql: str) -> list[str]:
    out, cur = [], ""
    for line in sql.splitlines(keepends=True):
        cur += line
        if sqlite3.complete_statement(cur):
            out.append(cur.strip())
            cur = ""
    if cur.strip():
        out.append(cur.strip())
    return [s for s in out if s.strip(" ;\n")]


_REFERENCE: dict[int, dict[str, tuple[str, str, str | None]]] = {}
_EMPTY_ROWS: dict[str, list[tuple]] = {}


def reference(version: int = len(MIGRATIONS)) -> dict[str, tuple[str, str, str | None]]:
    """name -> (type, table, sql) of every table and index a database at ``version`` has."""
    if version not in _REFERENCE:
        mem = sqlite3.connect(":memory:")
        for sql in MIGRATIONS[:version]:
            mem.executescript(sql)
        _REFERENCE[version] = {r[1]: (r[0], r[2], r[3]) for r in mem.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('table', 'index')")}
        for vt in _virtual(_REFERENCE[version]):  # what an empty virtual table keeps in its shadow tables
            for n in _REFERENCE[version]:
                if n.startswith(vt + "_"):
                    _EMPTY_ROWS[n] = mem.execute(f'SELECT * FROM "{n}"').fetchall()
        mem.close()
    return _REFERENCE[version]


def _present(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index')")}


def _virtual(ref) -> list[str]:
    return [n for n, (t, _, sql) in ref.items() if t == "table" and (sql or "").upper().startswith("CREATE VIRTUAL")]


def _owner(name: str, ref) -> str:
    """A shadow table of a virtual table (``sentences_fts_data``) stands for that table."""
    for vt in _virtual(ref):
        if name.startswith(vt + "_"):
            return vt
    return name


def _tables(names) -> str:
    names = sorted(names)
    return (", ".join(names[:-1]) + " and " + names[-1]) if len(names) > 1 else names[0]


def diagnose(conn: sqlite3.Connection, path: str) -> list[str]:
    """The kronika tables missing from ``conn`` (empty if none); StoreError if it is no kronika database."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    present = _present(conn)
    tables = {n for n, t in present.items() if t == "table" and not n.startswith("sqlite_")}
    if version > len(MIGRATIONS):
        raise StoreError(f"{path} was written by a newer kronika; upgrade kronika to read it.")
    ref = reference(version) if version else {}
    ours = {n for n, (t, _, _) in ref.items() if t == "table"}
    if tables and not tables & ours:
        listed = _tables(sorted(tables)[:3]) + (" and others" if len(tables) > 3 else "")
        raise StoreError(f"{path} is not a kronika database (it holds another program's tables: {listed}); "
                         "choose another file with --db.")
    if version == 0:
        return []
    return sorted({_owner(n, ref) for n in ours - tables})


def damaged_message(path: str, missing: list[str]) -> str:
    many = len(missing) > 1
    return (f"{path} is damaged: the {_tables(missing)} table{'s are' if many else ' is'} missing; "
            f"run `kronika build PATH --db {path}` to repair it.")


def _repair(conn: sqlite3.Connection, version: int, missing: list[str]) -> None:
    """Recreate missing tables and indexes and mark what they held for redoing (inside a transaction).

    A missing per-document table makes every stored document stale (the next
    build re-reads it); a missing ``documents`` table leaves no text to re-read,
    so the rows that pointed to documents are dropped. Anything missing but the
    logs (``failures``, ``runs``) empties ``entities``, so the next build
    reconciles everything again.
    """
    ref = reference(version)
    present = _present(conn)
    for name in missing:
        kind, _, sql = ref[name]
        shadows = [n for n in ref if n != name and _owner(n, ref) == name]
        if name in present:  # a virtual table whose shadow tables are gone: restore them (empty) to drop it
            for s in shadows:
                if s not in present:
                    conn.execute(ref[s][2])
                    rows = _EMPTY_ROWS.get(s, [])
                    if rows:
                        conn.executemany(f'INSERT INTO "{s}" VALUES ({", ".join("?" * len(rows[0]))})', rows)
            conn.execute(f'DROP TABLE "{name}"')
        else:
            for s in shadows:
                conn.execute(f'DROP TABLE IF EXISTS "{s}"')
        conn.execute(sql)
    present = _present(conn)
    for name, (kind, _, sql) in ref.items():
        if kind == "index" and sql and name not in present:
            conn.execute(sql)
    lost = set(missing)
    if "documents" in lost:
        for t in PER_DOCUMENT:
            conn.execute(f'DELETE FROM "{t}"')
    elif lost & set(PER_DOCUMENT):
        conn.execute("UPDATE documents SET sha256 = ? || sha256 WHERE sha256 NOT LIKE ?", (STALE, STALE + "%"))
    if lost - set(LOGS):
        conn.execute("DELETE FROM entities")
        if version >= 2:
            conn.execute("INSERT OR IGNORE INTO dirty_docs(doc) SELECT doc FROM documents")


def migrate(conn: sqlite3.Connection, path: str = "the database") -> list[str]:
    """Bring the database up to date: apply every newer migration and recreate missing tables.

    Everything happens in one ``BEGIN IMMEDIATE`` transaction that re-reads the
    version once it holds the write lock, so two builds starting at once on a
    new file create the schema once (the second waits, then finds it done).
    Returns the tables that were missing and have been recreated.
    """
    if conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) and not diagnose(conn, path):
        return []
    level = conn.isolation_level
    conn.isolation_level = None
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            missing = diagnose(conn, path)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if missing:
                _repair(conn, version, missing)
            for i, sql in enumerate(MIGRATIONS[version:], start=version + 1):
                for stmt in _statements(sql):
                    conn.execute(stmt)
                conn.execute(f"PRAGMA user_version = {i}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.isolation_level = level
    return missing
