"""Documents in, Extractions out, computed on a Dask cluster (``dask.distributed``).

The per-document stages (spaCy annotation and every extractor) run on the
workers, in batches, with the same ``analyse_doc`` the local engine uses; the
single SQLite writer stays on the client, which consumes results in submission
order so both engines write the same database. At most ``max_in_flight``
batches are outstanding, so memory stays flat however large the corpus.
"""
from __future__ import annotations

import signal
from collections import deque
from functools import lru_cache
from typing import Iterable, Iterator

from .records import Document, Extraction, Failure
from .settings import Settings


@lru_cache(maxsize=1)
def _worker_nlp(settings: Settings):
    from .analyse import build_nlp
    return build_nlp(settings)


def analyse_batch(docs: list[Document], settings: Settings) -> list[Extraction | Failure]:
    """Run on a worker: annotate and analyse one batch of documents (loads the model once per worker)."""
    from .analyse import analyse_stream
    return list(analyse_stream(_worker_nlp(settings), docs, settings, n_process=1))


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _collect(future, names) -> list[Extraction | Failure]:
    """A batch's results; if the whole task failed, one Failure per document of it."""
    try:
        return future.result()
    except Exception as exc:  # a worker died or the task raised: record, never lose the build
        reason = f"the Dask task failed: {type(exc).__name__}: {exc}"[:300]
        return [Failure(doc, reason, "dask", path) for doc, path in names]


def _local_cluster(LocalCluster, n: int):
    """A LocalCluster whose worker processes ignore Ctrl-C. Ctrl-C reaches the whole process group: the client
    handles it and closes the cluster, while workers that got it would die with tracebacks and the cluster fail
    to close. An ignored SIGINT is the one signal setting a started process keeps, so it is ignored while the
    workers start (a Ctrl-C in those seconds is lost: press it again) and restored at once."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)


def analyse_with_dask(docs: Iterable[Document], settings: Settings, scheduler: str | None = None,
                      max_in_flight: int | None = None) -> Iterator[Extraction | Failure]:
    """Stream documents through a Dask cluster; a LocalCluster (one worker per core) when no scheduler is given."""
    from dask.distributed import Client, LocalCluster

    from .errors import KronikaError

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            import os
            n = settings.n_process or (os.cpu_count() or 1)
            cluster = _local_cluster(LocalCluster, n)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise KronikaError(f"Cannot reach the Dask scheduler {scheduler}: {exc}; check the address "
                           f"or leave out --scheduler to use a local cluster.") from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        limit = max_in_flight or 2 * workers
        pending: deque = deque()
        for batch in _batches(docs, settings.batch_size):
            names = [(d.doc, d.path) for d in batch]
            pending.append((client.submit(analyse_batch, batch, settings, pure=False), names))
            while len(pending) >= limit:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
