"""Documents in, Extractions out, on local worker processes that cannot outlive the build.

The parent loads the pipeline once and forks ``n`` workers (copy-on-write, so
they start at once); each worker takes a batch of documents and runs the same
``analyse_stream`` as a one-process build (spaCy and every extractor), so the
extractors run in parallel too. Results come back in submission order with at
most ``2 * n`` batches in flight, so memory stays flat however large the corpus.

Workers cannot be left behind:
- they ignore Ctrl-C (SIGINT reaches the whole process group): the parent
  handles it, stops them at once and prints how to resume;
- on Linux they are killed when the parent dies, even by ``kill -9``
  (``prctl(PR_SET_PDEATHSIG)``, set in the worker initialiser);
- the parent kills them whenever the stream is closed early (an error, an
  interrupt, SIGTERM turned into an interrupt by the CLI).
A worker that dies (out of memory, a crash in a native library) fails only the
documents of the batches it had in flight, each recorded with a reason; the
build goes on with a fresh pool.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from .records import Document, Extraction, Failure
from .settings import Settings

_PR_SET_PDEATHSIG = 1
_settings: Settings | None = None


def die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this process when its parent dies; exit now if the parent is already gone."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: rely on the parent's clean-up
            pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _init_worker(parent_pid: int, settings: Settings) -> None:
    global _settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent handles Ctrl-C and stops the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's SIGTERM handler is not ours
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent while it forked us (see _submit)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    die_with_parent(parent_pid)
    _settings = settings


def _submit(pool: ProcessPoolExecutor, batch: list[Document]):
    """``pool.submit``, with Ctrl-C held back while it may fork workers: a worker that got Ctrl-C before its
    initialiser ran would die with a traceback. A Ctrl-C that arrives meanwhile is handled right after."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover
        return pool.submit(_analyse_batch, batch)
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        return pool.submit(_analyse_batch, batch)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _analyse_batch(docs: list[Document]) -> list[Extraction | Failure]:
    from .analyse import analyse_stream
    from .analyse import cached_nlp

    assert _settings is not None
    return list(analyse_stream(cached_nlp(_settings), docs, _settings, n_process=1))


def _context():
    # fork shares the parent's loaded model; elsewhere each worker loads its own
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()  # pragma: no cover


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill the workers now and release the pool (never waits for a batch to finish)."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        try:
            p.kill()
        except (OSError, ValueError, AttributeError):
            pass
    for p in procs:
        try:
            p.join(timeout=5)
        except (OSError, ValueError, AssertionError):
            pass


def analyse_parallel(docs: Iterable[Document], settings: Settings, n_process: int,
                     max_in_flight: int | None = None) -> Iterator[Extraction | Failure]:
    """Analyse ``docs`` on ``n_process`` worker processes; results in input order, failures as Failure records."""
    from .analyse import cached_nlp

    cached_nlp(settings)  # loaded once here, shared with the forked workers
    limit = max_in_flight or 2 * n_process

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n_process, mp_context=_context(), initializer=_init_worker,
                                   initargs=(os.getpid(), settings))

    pool = new_pool()
    pending: deque = deque()
    finished = False
    try:
        batches = _batches(docs, settings.batch_size)
        while True:
            while len(pending) < limit:
                batch = next(batches, None)
                if batch is None:
                    break
                try:
                    pending.append((_submit(pool, batch), batch))
                except BrokenProcessPool:
                    _stop(pool)
                    pool = new_pool()
                    pending.append((_submit(pool, batch), batch))
            if not pending:
                break
            try:
                yield from _results(*pending[0])
                pending.popleft()
            except BrokenProcessPool:
                # a worker died: every batch still in flight is lost with it; a fresh pool takes the rest
                while pending:
                    yield from _results(*pending.popleft(), broken=True)
                _stop(pool)
                pool = new_pool()
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


def _results(future, batch: list[Document], broken: bool = False) -> list[Extraction | Failure]:
    """A batch's results; raises BrokenProcessPool when its worker died (unless ``broken``: then Failures)."""
    try:
        return future.result()
    except BrokenProcessPool:
        if not broken:
            raise
        return [Failure(d.doc, "a worker process died while this document's batch was being analysed (out of "
                        "memory?); build again to retry it", "extract", d.path) for d in batch]
    except Exception as exc:  # the batch raised outside analyse_doc's own guard
        reason = f"analysis failed: {type(exc).__name__}: {exc}"[:300]
        return [Failure(d.doc, reason, "extract", d.path) for d in batch]
