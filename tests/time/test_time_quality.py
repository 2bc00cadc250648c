"""Quality floor on a fixed TBAQ subset (first 60 TimeBank docs), scored with the TempEval-3 metrics; skips without ../shared."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "bench"))
    import timex_eval
    return timex_eval


def test_tbaq_subset_floor(eval_dir, nlp, bench):
    from kronika.extract.time import extract_timexes
    path = eval_dir / "tempeval3_tbaq_cleaned" / "timex_gold.jsonl"
    if not path.exists():
        pytest.skip("TBAQ gold absent")
    docs = [d for d in bench.load("tbaq") if d["split"] == "timebank"][:60]
    pairs = []
    for d in docs:
        tx = extract_timexes(nlp(d["text"]), d["dct"]["value"])
        pairs.append((d["gold"], [{"start": t.start, "end": t.end, "type": t.type, "value": t.value}
                                  for t in tx if not t.inferred]))
    s = bench.score(pairs)
    assert s["strict_f1"] >= FLOORS["strict_f1"], s
    assert s["relaxed_f1"] >= FLOORS["relaxed_f1"], s
    assert s["value_f1"] >= FLOORS["value_f1"], s


FLOORS = {"strict_f1": 0.89, "relaxed_f1": 0.91, "value_f1": 0.81}   # measured 91.5 / 93.7 / 83.5 (bench/timex_eval.py --set tbaq --split timebank --limit 60)
