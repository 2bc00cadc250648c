"""The local worker pool gives what one process gives, in order; a worker that dies fails only its batches."""
from __future__ import annotations

import os

import pytest

from kronika import engine_local
from kronika.build import build
from kronika.records import Extraction, Failure
from kronika.settings import load_settings

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the worker pool forks")


def _copies(corpus, n: int):
    """``n`` documents made of the corpus texts, each made different by a sentence."""
    texts = sorted((p.name, p.read_text()) for p in corpus.iterdir())
    out = corpus.parent / "many"
    out.mkdir()
    for i in range(n):
        name, text = texts[i % len(texts)]
        (out / f"{i:03d}_{name}").write_text(f"{text}\nThis copy was filed in {1900 + i}.\n")
    return out


def test_two_workers_write_the_same_database_as_one_process(corpus, tmp_path, snapshot):
    many = _copies(corpus, 9)
    a, b = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    build([str(many)], a, load_settings(n_process=1, batch_size=2))
    rep = build([str(many)], b, load_settings(n_process=2, batch_size=2))
    assert rep.added == 9 and not rep.failures
    ka, kb = snapshot(a), snapshot(b)
    for k in ("documents", "entities", "events", "facts", "relations", "claims"):
        assert ka[k] == kb[k], k


def _die_on_poison(docs):
    if any("poison" in d.doc for d in docs):
        os._exit(3)  # a worker killed in the middle of a batch (out of memory, a native crash)
    return _real(docs)


_real = engine_local._analyse_batch


def test_a_dead_worker_fails_its_batch_and_the_rest_is_analysed(make_doc, monkeypatch):
    monkeypatch.setattr(engine_local, "_analyse_batch", _die_on_poison)  # inherited by the forked workers
    docs = [make_doc(f"Ada Morel was born in Lyon in {1880 + i}.", name=f"d{i}.txt") for i in range(12)]
    docs[5] = make_doc("Ada Morel was born in Lyon in 1885.", name="poison.txt")
    out = list(engine_local.analyse_parallel(iter(docs), load_settings(batch_size=2), n_process=2, max_in_flight=2))
    assert [r.doc if isinstance(r, Failure) else r.doc.doc for r in out] == [d.doc for d in docs]
    failed = {r.doc for r in out if isinstance(r, Failure)}
    assert {"d4.txt", "poison.txt"} <= failed and len(failed) <= 4  # its batch, and at most the other one in flight
    assert all("worker process died" in r.reason for r in out if isinstance(r, Failure))
    assert all(isinstance(r, Extraction) for r in out[8:])  # a fresh pool took the rest
