"""The JSON contract of ../shared/SPEC.md holds on the seeds (the shared checker, run as CI runs it)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_contract_holds_on_the_seeds(shared_dir):
    checker = shared_dir / "tools" / "check_contract.py"
    if not checker.exists():
        pytest.skip("../shared/tools/check_contract.py is absent")
    exe = shutil.which("kronika") or str(Path(sys.executable).parent / "kronika")
    out = subprocess.run([sys.executable, str(checker), "--kronika", exe], cwd=ROOT, capture_output=True,
                         text=True, timeout=900)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "contract holds" in out.stdout
