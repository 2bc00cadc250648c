"""Floor on the seed questions of bench/ask_questions.json (skips without ../shared)."""
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from kronika.ask import answer
from kronika.build import build
from kronika.store.db import connect

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_seed_questions_floor(seeds_dir, tmp_path, settings):
    sys_path = str(ROOT / "bench")
    sys.path.insert(0, sys_path)
    try:
        from ask_eval import correct
    finally:
        sys.path.remove(sys_path)
    db = str(tmp_path / "seeds.db")
    build([str(seeds_dir)], db, settings)
    conn = connect(db)
    conn.row_factory = sqlite3.Row
    qs = [q for q in json.loads((ROOT / "bench" / "ask_questions.json").read_text())["questions"]
          if q["corpus"] == "seeds"]
    ans = [q for q in qs if q["accept"]]
    un = [q for q in qs if not q["accept"]]
    at3 = sum(any(correct(a, q["accept"]) for a in answer(conn, q["q"], settings)["answers"][:3]) for q in ans)
    empty = sum(not answer(conn, q["q"], settings)["answers"] for q in un)
    assert at3 / len(ans) >= 0.85
    assert empty / len(un) >= 0.6
