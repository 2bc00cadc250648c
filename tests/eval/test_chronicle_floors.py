"""Quality floors of the whole chronicle (build -> timeline) against true chronologies; they only move up."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

FLOORS = {
    # set: (recall of core events, Kendall tau, dates containing the true date, corroborated)
    "seeds": {"recall_core": 0.9, "tau": 0.9, "dates": 0.85, "corroborated": 0.75},
    "examples": {"recall_core": 0.8, "tau": 0.8, "dates": 0.6},
    "trotsky": {"recall_core": 0.95, "tau": 0.85, "dates": 0.7},
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_chronicle_floor(name, shared_dir):
    import chronicle_eval as ce

    paths, gold_file = ce.SETS[name]
    gold = json.loads((ce.GOLD / gold_file).read_text())
    s = ce.score(ce.build_timeline(paths(), gold["subject"]), gold)
    print(name, {k: s[k] for k in ("recall_core", "recall_all", "tau", "dates", "corroborated")})
    for key, floor in FLOORS[name].items():
        assert s[key] is not None and s[key] >= floor, (key, s[key], s["missing"])
