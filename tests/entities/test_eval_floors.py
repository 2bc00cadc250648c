"""Floors (just under what bench/entities_eval.py measures) for seeds, non-seed gold and Re-DocRED dev."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "entities_eval.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("entities_eval", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_seed_floor(nlp, bench, seeds_dir):
    counts = bench.eval_gold(nlp, bench.seed_docs())
    p, r, f = bench.micro(counts)
    assert f >= 0.96, counts
    for t in ("PERSON", "PLACE", "ORG"):
        assert bench.prf(*counts[t])[2] >= 0.9, (t, counts[t])


def test_nonseed_floor(nlp, bench):
    counts = bench.eval_gold(nlp, bench.nonseed_docs())
    p, r, f = bench.micro(counts)
    assert f >= 0.95, counts
    assert bench.prf(*counts["WORK"])[1] >= 0.8, counts["WORK"]
    assert bench.prf(*counts["EVENT"])[1] >= 0.8, counts["EVENT"]


def test_redocred_dev_floor(nlp, bench, eval_dir):
    path = eval_dir / "redocred" / "original" / "dev_revised.json"
    if not path.is_file():
        pytest.skip("Re-DocRED dev is absent")
    counts = bench.eval_redocred(nlp, bench.redocred_docs(path, 40))
    p, r, f = bench.micro(counts)
    assert f >= 0.67, (p, r, f, counts)
    assert bench.prf(*counts["PERSON"])[2] >= 0.67, counts["PERSON"]
