"""Scores ingest metadata (title, author, published, genre, about) against tests/eval/gold/docs_meta.json."""
import json
import re
from pathlib import Path

import pytest

from kronika.ingest import iter_documents

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "eval" / "gold" / "docs_meta.json").read_text(encoding="utf-8"))
FIELDS = ("title", "author", "published", "genre", "about")
FLOOR = 0.85


def _norm(v):
    if v is None:
        return None
    return re.sub(r"\s+", " ", re.sub(r"[‐-―-]", "-", str(v))).strip().casefold()


def score(folder: Path, gold: dict, settings) -> tuple[int, int, list[str]]:
    docs = {d.doc: d for d in iter_documents([str(folder)], settings) if hasattr(d, "text")}
    right, total, misses = 0, 0, []
    for name, want in gold.items():
        got = docs.get(name)
        for f in FIELDS:
            total += 1
            value = getattr(got, f, None) if got else None
            if _norm(value) == _norm(want[f]):
                right += 1
            else:
                misses.append(f"{name}.{f}: want {want[f]!r}, got {value!r}")
    return right, total, misses


@pytest.mark.parametrize("corpus", ["examples", "tests", "heldout", "seeds"])
def test_metadata_against_gold(corpus, settings, request):
    folder = {"examples": ROOT / "examples" / "serge", "tests": ROOT / "tests" / "ingest" / "data" / "meta",
              "heldout": ROOT / "tests" / "ingest" / "data" / "heldout"}.get(corpus)
    if corpus == "seeds":
        folder = request.getfixturevalue("seeds_dir")
    right, total, misses = score(folder, GOLD[corpus], settings)
    print(f"\ndocs_meta {corpus}: {right}/{total} fields = {right / total:.3f}")
    for m in misses:
        print("  miss", m)
    assert right / total >= FLOOR, misses
