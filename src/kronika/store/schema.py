"""The SQLite schema as registered migrations: a connection in, an up-to-date database out.

Tables are readable in any SQLite tool. Per-document extraction lives in
``mentions``, ``timexes``, ``event_mentions``, ``fact_mentions``,
``relation_mentions``, ``claim_mentions`` (each row keyed by ``doc``, so removing
a document removes exactly what it supported); the reconciled knowledge base
(``entities``, ``aliases``, ``events``, ``event_sources``, ``facts``,
``relations``, ``claims``) is rebuilt from them; ``corrections`` holds the
user's own edits and is never touched by a build. ``dirty_docs`` and
``dirty_subjects`` record, in the same transaction as each write, what the
next reconciliation must redo, so it redoes only that, even after a crash.
"""
from __future__ import annotations

import sqlite3

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


def migrate(conn: sqlite3.Connection) -> None:
    """Apply every migration newer than the database's ``user_version``, each in a transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for i, sql in enumerate(MIGRATIONS[version:], start=version + 1):
        with conn:
            conn.executescript("BEGIN;" + sql + f";PRAGMA user_version = {i};COMMIT;")
