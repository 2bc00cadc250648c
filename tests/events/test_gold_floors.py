"""Floors on the event gold (seeds, non-seed texts, holdout) and on WikiBio triggers, just under measured figures."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "events_eval.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("events_eval", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_seed_floors(bench, nlp, settings, seeds_dir):
    r = bench.eval_seeds(nlp, settings).report("seeds")
    assert r["core_recall"] >= 0.95          # measured 1.0
    assert r["recall"] >= 0.95               # measured 1.0
    assert r["real_life_share"] >= 0.95      # measured 1.0
    assert r["place_or_participant"] >= 0.8  # measured 0.875
    assert r["fiction_flag_acc"] >= 0.9      # measured 0.977


def test_nonseed_floors(bench, nlp, settings, eval_dir):
    r = bench.eval_nonseed(nlp, settings).report("non-seed")
    assert r["recall"] >= 0.88               # measured 0.923
    assert r["precision"] >= 0.93            # measured 0.973
    assert r["real_life_share"] >= 0.95      # measured 1.0
    assert r["place_or_participant"] >= 0.88  # measured 0.922
    assert r["date_year_acc"] >= 0.95        # measured 1.0


def test_holdout_floors(bench, nlp, settings):
    r = bench.eval_holdout(nlp, settings).report("holdout")
    assert r["recall"] >= 0.9                # measured 0.958 (0.833 before the fixes it prompted)
    assert r["real_life_share"] >= 0.9      # measured 0.963


def test_wikibio_trigger_precision(bench, nlp, settings, eval_dir):
    if not bench.WIKIBIO.exists():
        pytest.skip("WikiBio events are absent")
    # six documents: on two, a handful of events decides the share (0.56 on two, 0.75 on six, 0.78 on all 20)
    r = bench.eval_wikibio(nlp, settings, 6)
    assert r["trigger_precision"] >= 0.7     # measured 0.75 on these six, 0.78 on all 20 documents
    assert r["out"] >= 150                   # measured 242
