"""serve's imports sit at the top of each module, except uvicorn (only `kronika serve` runs a server)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kronika.serve

SERVE = Path(kronika.serve.__file__).resolve().parent


@pytest.mark.parametrize("path", sorted(SERVE.glob("*.py")), ids=lambda p: p.name)
def test_imports_at_the_top_except_uvicorn(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inner = set()
    for f in ast.walk(tree):
        if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for n in ast.walk(f):
                if isinstance(n, ast.Import):
                    inner |= {a.name for a in n.names}
                elif isinstance(n, ast.ImportFrom):
                    inner.add("." * n.level + (n.module or ""))
    assert inner <= {"uvicorn"}, f"{path.name}: imports inside functions: {sorted(inner)}"
