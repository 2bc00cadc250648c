"""bench/run_all.py (`make bench`): every benchmark script is run or said not to be; headlines name their figures."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load():
    spec = importlib.util.spec_from_file_location("run_all", BENCH / "run_all.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["run_all"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_every_benchmark_script_is_run_or_said_not_to_be(tmp_path):
    run_all = _load()
    covered = {b.script for b in run_all.benches(tmp_path)} | set(run_all.NOT_RUN) | {"run_all.py"}
    scripts = {p.name for p in BENCH.glob("*.py")}
    assert scripts - covered == set(), "add these to bench/run_all.py (or to NOT_RUN, with why)"
    assert covered - scripts == set()


def test_list_and_unknown_names(capsys):
    run_all = _load()
    assert run_all.main(["--list"]) == 0
    out = capsys.readouterr().out
    assert "chronicle_eval.py --set examples" in out and "same_output.py: not run" in out
    assert run_all.main(["--only", "nope"]) == 2
    assert "no benchmark called nope" in capsys.readouterr().err


def test_headlines():
    run_all = _load()
    table = "set    gold  pred  recall precision\nseeds   34   39    0.97   0.85\nnonseed 66 66 0.86 0.88\n"
    assert run_all.headline(table, r"^nonseed", table=True) == "set=nonseed gold=66 pred=66 recall=0.86 precision=0.88"
    assert run_all.headline("a\nmedian:  x   1.5\nlast\n", r"^median") == "median: x 1.5"
    assert run_all.headline("first\nlast line\n", None) == "last line"
    timex = ("set   gold  sys  strictP strictR strictF relaxP relaxR relaxF valAcc valueF1 typeF1\n"
             "tbaq (20 docs)  195 197 93.4 94.4 93.9 94.9 95.9 95.4 88.2 84.2 92.3\n")
    assert run_all.headline(timex, run_all._timex) == "tbaq (20 docs) strictF 93.9 relaxF 95.4 valueF1 84.2"
    rows = run_all.summary([("speed", "ok", 1.25, "ratio 1.5"), ("facts", "skipped", 0.0, "../shared is absent")])
    assert "speed" in rows and "skipped" in rows and rows.splitlines()[-1].startswith("total")
