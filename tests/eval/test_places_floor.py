"""Quality floor of place resolution: the hand-written places gold (tests/eval/places/sentences.jsonl) built and
read back from `export --to jsonld` as bench/places_eval.py does; floors only move up. Needs no ../shared."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1].parent
sys.path.insert(0, str(ROOT / "bench"))

#: bucket: (least lines within 150 km, least lines in the right country); measured 466/467 of 485, 50/50
FLOORS = {"all": (462, 463), "set:cities50": (49, 49), "set:context": (13, 13), "set:historical": (62, 62)}


@pytest.mark.slow
def test_places_floor(tmp_path):
    import places_eval as pe

    results = pe.score(pe.load_gold(), tmp_path)
    summ = pe.summary(results)
    print({k: summ[k] for k in FLOORS})
    misses = [(r["id"], r["place"], r["found"], r["got_country"], r["country"]) for r in results
              if not (r["ok_km"] and r["ok_country"])]
    for bucket, (km150, country) in FLOORS.items():
        assert summ[bucket]["km150"] >= km150, (bucket, summ[bucket], misses)
        assert summ[bucket]["country"] >= country, (bucket, summ[bucket], misses)
