"""Draw the blind part of the Re-DocRED dev person documents (issue 17 item 2) once; writes bench/facts_split.json.

The documents listed under "blind" are NOT to be read, printed or tuned on: fact rules are developed on
the "tune" part only, and the blind part is scored at the end (`facts_eval.py --part blind`, which prints
figures only, never a document or a prediction). Re-running this script gives the same lists
(seed "17-facts", 35% of the sorted doc ids; only the ids are read).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

BIOS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "redocred" / "person_bios.jsonl"
OUT = Path(__file__).resolve().parent / "facts_split.json"


def main() -> int:
    if not BIOS.exists():
        print(f"{BIOS} is absent", file=sys.stderr)
        return 2
    ids = sorted(json.loads(line)["doc_id"] for line in BIOS.open(encoding="utf-8"))
    rng = random.Random("17-facts")
    blind = sorted(rng.sample(ids, round(len(ids) * 0.35)))
    tune = [i for i in ids if i not in set(blind)]
    split = {"note": "Blind part: do not read, print or tune on these documents; score them only with "
                     "bench/facts_eval.py --part blind (figures only). Drawn by bench/facts_split.py, "
                     "seed '17-facts', 35% of the Re-DocRED dev person documents.",
             "seed": "17-facts", "blind": blind, "tune": tune}
    OUT.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(blind)} blind, {len(tune)} tune")
    return 0


if __name__ == "__main__":
    sys.exit(main())
