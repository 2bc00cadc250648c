"""Quality floors on the claim gold (seeds and written non-seed texts): just under what bench/claims_eval.py measures."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kronika.records import STANCES

BENCH = Path(__file__).resolve().parents[2] / "bench" / "claims_eval.py"
KINDS = {"opinion", "accusation", "characterisation", "quotation", "reception"}


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("claims_eval", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _score(bench, nlp, name):
    docs, gold = bench.load_sets()[name]
    if not docs:
        pytest.skip("../shared/seeds is absent")
    preds = bench.run(nlp, docs)
    for d in docs:
        for c in preds[d.doc]:
            assert c.source.quote == d.text[c.source.start:c.source.end]
            assert c.stance in STANCES and c.kind in KINDS and c.about
    return bench.score(docs, gold, preds)


def test_seed_floor(bench, nlp, seeds_dir):
    r = _score(bench, nlp, "seeds")
    assert r["recall"] >= 0.92 and r["precision"] >= 0.80, r


def test_nonseed_floor(bench, nlp):
    r = _score(bench, nlp, "nonseed")
    assert r["recall"] >= 0.82 and r["precision"] >= 0.84, r
