"""The committed blind split of the biography set stays disjoint, complete, and reproducible from its seed."""
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SPEC_TYPES = set("birth death education residence travel imprisonment release exile flight membership expulsion "
                 "conversion participation role meeting collaboration authorship publication marriage exchange "
                 "other".split())
ROOT = HERE.parents[2]


def _split():
    return json.loads((HERE / "split.json").read_text(encoding="utf-8"))


def test_blind_and_dev_are_disjoint_and_large_enough():
    s = _split()
    assert not set(s["blind"]) & set(s["dev"])
    assert len(s["blind"]) >= 64
    assert len(s["blind"]) + len(s["dev"]) == 240


def test_the_split_is_the_one_its_seed_draws(shared_dir):
    pages = shared_dir / "eval" / "wikipedia_bios_2019" / "pages"
    if not pages.is_dir():
        pytest.skip("../shared/eval/wikipedia_bios_2019 is absent")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bios_split
    finally:
        sys.path.pop(0)
    s = _split()
    drawn = bios_split.draw(sorted(p.name for p in pages.glob("*.md")), seed=s["seed"])
    assert drawn["blind"] == s["blind"] and drawn["dev"] == s["dev"]


def test_gold_is_written_for_dev_lives_only():
    blind = {Path(f).stem for f in _split()["blind"]}
    for g in (HERE / "gold").glob("*.json"):
        assert g.stem not in blind, f"{g.name} is gold for a blind life"
        doc = json.loads(g.read_text(encoding="utf-8"))
        assert doc["doc"] == g.stem + ".md"
        assert 5 <= len(doc["questions"])
        for e in doc["events"]:  # "1911-09-08" .. "1911-09" is fine: compare at the coarser precision
            n = min(len(e["start"]), len(e["end"]))
            assert e["start"][:n] <= e["end"][:n], (g.name, e["id"])
        # a new type (award, discovery, ...) always comes with the closest existing SPEC type
        assert all(set(e["types"]) & SPEC_TYPES for e in doc["events"]), g.name
        ids = [e["id"] for e in doc["events"]]
        assert len(ids) == len(set(ids))


def test_spent_lives_are_blind_lives_and_their_gold_is_apart():
    s = _split()
    spent = set(s.get("spent", []))
    assert spent <= set(s["blind"])
    assert {g.stem + ".md" for g in (HERE / "spent_gold").glob("*.json")} == spent
    # gold of fresh blind lives (not yet scored) is never gold of a spent one
    assert not {g.stem + ".md" for g in (HERE / "blind_gold").glob("*.json")} & spent
