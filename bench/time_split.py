"""Draw the blind split of the timex eval sets (issue 16 item 5) once, with a fixed seed; writes bench/time_split.json.

The documents listed under "blind" are NOT to be read, printed or tuned on: rules are developed on
the "dev" part only, and the blind part is scored once at the end (`timex_eval.py --part blind`).
Re-running this script gives the same lists (seed 16, 25% of each set, drawn from sorted doc ids).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timex_eval import EVAL, load  # noqa: E402

OUT = Path(__file__).resolve().parent / "time_split.json"


def main() -> int:
    if not EVAL.is_dir():
        print("../shared/eval is absent", file=sys.stderr)
        return 2
    split = {"note": "Blind part: do not read, print or tune on these documents; score them once at the end "
                     "(bench/timex_eval.py --part blind). Drawn by bench/time_split.py, seed 16, 25% of each set.",
             "seed": 16, "blind": {}}
    for name in ("tbaq", "meantime"):
        ids = sorted(d["doc_id"] for d in load(name))
        rng = random.Random(f"16-{name}")
        split["blind"][name] = sorted(rng.sample(ids, round(len(ids) * 0.25)))
    OUT.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: " + ", ".join(f"{k} {len(v)} blind" for k, v in split["blind"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
