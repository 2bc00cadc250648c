"""Paths in, a built database out: ingest, annotate, extract, store, reconcile.

The build streams documents (never the whole corpus in memory), skips those
whose content hash is already stored, writes each batch in one transaction and
reconciles once at the end, so a build killed at any moment resumes where it
stopped and re-building the same files changes nothing.
"""
from __future__ import annotations

import os
import sqlite3
import sys
from contextlib import closing, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from .errors import NotFoundError
from .ingest.names import printable
from .records import Document, Extraction, Failure
from .settings import Settings
from .store import chronicle
from .store.db import Store


@dataclass
class BuildReport:
    db: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    #: documents longer than ``Settings.max_chars``: (name, characters); only the first max_chars were read
    partial: list[tuple[str, int]] = field(default_factory=list)
    reconciled: bool = False

    @property
    def stored(self) -> int:
        return self.added + self.replaced + self.unchanged


def _n_process(settings: Settings, n_docs_hint: int) -> int:
    n = settings.n_process or (os.cpu_count() or 1)
    # Forking workers only pays for itself on more than a few batches of documents.
    if n_docs_hint < 4 * settings.batch_size:
        return 1
    return max(1, n)


def _progress(iterable: Iterable, enabled: bool, desc: str):
    if not enabled:
        return iterable
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return iterable
    return tqdm(iterable, desc=desc, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True)


def build(paths: list[str], db: str, settings: Settings, *, progress: bool = False,
          engine: str = "local", scheduler: str | None = None,
          on_failure: Callable[[Failure], None] | None = None) -> BuildReport:
    """Build (or update) the database ``db`` from ``paths``."""
    from .ingest import iter_documents
    from .reconciling import reconcile

    for p in paths:
        if not os.path.lexists(p):
            raise NotFoundError(f"{printable(p)} does not exist; check the path, or give a file or folder of documents "
                                "to build.")
    report = BuildReport(db=db)
    store = Store(db, create=True)
    try:
        run_id = store.start_run("build " + " ".join(printable(p) for p in paths))
        known = store.doc_hashes()
        unfinished = chronicle.unfinished_runs(store.conn, run_id)

        def todo() -> Iterator[Document]:
            seen: set[str] = set()
            for item in iter_documents(paths, settings):
                if isinstance(item, Failure):
                    report.failed += 1
                    report.failures.append(item)
                    store.record_failure(item, run_id)
                    if on_failure:
                        on_failure(item)
                    continue
                seen.add(item.doc)
                if len(item.text) > settings.max_chars:
                    report.partial.append((item.doc, len(item.text)))
                old = known.get(item.doc)
                if old == item.sha256:
                    report.unchanged += 1
                    continue
                if old is None:
                    report.added += 1
                else:
                    report.replaced += 1
                yield item
            # a repaired database: documents of other builds are re-read from their stored text
            for item in store.stale_documents(skip=seen):
                report.replaced += 1
                yield item

        stream = todo()
        head = list(islice(stream, 4 * settings.batch_size))
        n_proc = _n_process(settings, len(head))

        def chained():
            yield from head
            yield from stream

        if not head:
            results: Iterable = ()
        elif engine == "dask":
            from .engine_dask import analyse_with_dask
            results = analyse_with_dask(chained(), settings, scheduler)
        elif n_proc > 1:
            from .engine_local import analyse_parallel
            results = analyse_parallel(chained(), settings, n_proc)
        else:
            from .analyse import analyse_stream
            from .analyse import cached_nlp
            results = analyse_stream(cached_nlp(settings), chained(), settings, n_process=1)

        def failed(f: Failure) -> None:
            report.failed += 1
            report.failures.append(f)
            store.record_failure(f, run_id)
            if on_failure:
                on_failure(f)

        batch: list[Extraction] = []
        # closing: an error or Ctrl-C stops the engine's workers now, not when the traceback is dropped
        with closing(results) if hasattr(results, "close") else nullcontext():
            for res in _progress(results, progress, "building"):
                if isinstance(res, Failure):
                    failed(res)
                    continue
                batch.append(res)
                if len(batch) >= settings.commit_every:
                    _write(store, batch, run_id, failed)
                    batch = []
        if batch:
            _write(store, batch, run_id, failed)
        # A failure during extraction was counted as added/replaced too.
        extraction_failures = sum(1 for f in report.failures if f.stage != "ingest")
        report.added = max(0, report.added - extraction_failures)
        fresh = not chronicle.is_reconciled(store.conn)
        if report.added or report.replaced or unfinished or fresh or chronicle.has_dirty(store.conn):
            reconcile(store, settings, full=fresh)
            report.reconciled = True
        store.finish_run(run_id, {"added": report.added, "unchanged": report.unchanged,
                                  "replaced": report.replaced, "failed": report.failed})
        chronicle.mark_runs_done(store.conn)
    finally:
        store.close()
    return report


# Errors that one document's values can cause in SQLite (a lone surrogate, an out-of-range integer); a locked,
# full or damaged database (sqlite3.OperationalError, DatabaseError) is not one and stops the build.
_ROW_ERRORS = (ValueError, TypeError, OverflowError, sqlite3.IntegrityError, sqlite3.InterfaceError)


def _write(store: Store, batch: list[Extraction], run_id: int, failed: Callable[[Failure], None]) -> None:
    """Write a batch in one transaction; if one document's rows cannot be stored, write the others one by one."""
    try:
        store.write_extractions(batch, run_id)
        return
    except _ROW_ERRORS:
        pass
    for ex in batch:
        try:
            store.write_extractions([ex], run_id)
        except _ROW_ERRORS as exc:
            failed(Failure(printable(ex.doc.doc), f"could not be stored: {type(exc).__name__}: {exc}"[:300], "store",
                           printable(ex.doc.path) if ex.doc.path else None))


def remove(docs: list[str], db: str, settings: Settings) -> int:
    """Take documents out of the database, with everything only they supported."""
    from .reconciling import reconcile

    store = Store(db)
    try:
        n = store.remove_docs(docs)
        if n:
            reconcile(store, settings)
    finally:
        store.close()
    return n
