"""The shape of the package: SQL only in store/, word lists as data, layers that point down (import-linter)."""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "kronika"
SQL = re.compile(r"^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WITH|BEGIN|REPLACE)\b", re.I)


def modules():
    return sorted(p for p in PKG.rglob("*.py") if "node_modules" not in p.parts)


def string_constants(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node


def test_sql_only_in_store():
    offenders = []
    for path in modules():
        rel = path.relative_to(PKG)
        if rel.parts[0] == "store":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in {"execute", "executemany", "executescript"}:
                offenders.append(f"{rel}:{node.lineno} .{node.attr}")
        for node in string_constants(tree):
            if SQL.match(node.value) and re.search(r"\b(?:FROM|INTO|TABLE|SET|VALUES)\b", node.value):
                offenders.append(f"{rel}:{node.lineno} {node.value[:40]!r}")
    assert not offenders, "SQL outside store/:\n" + "\n".join(offenders)


def _strings_in(node: ast.AST) -> int:
    return sum(1 for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str))


def word_tables(min_strings: int = 40) -> list[str]:
    """Module-level assignments of literal collections holding ``min_strings`` or more strings."""
    found = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for stmt in tree.body:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
                value = stmt.value
                if isinstance(value, ast.Call) and value.args:  # frozenset({...}), tuple([...])
                    value = value.args[0]
                if isinstance(value, (ast.Set, ast.List, ast.Tuple, ast.Dict)) and _strings_in(value) >= min_strings:
                    target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
                    found.append(f"{path.relative_to(PKG)}:{stmt.lineno} {ast.unparse(target)}")
    return found


def test_word_lists_live_in_data_files():
    tables = word_tables()
    assert len(tables) <= 3, "word tables of 40+ strings left in code (move them to data/):\n" + "\n".join(tables)


def test_imports_point_down():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint is None:
        pytest.skip("import-linter is not installed (it comes with the test extra: make test installs it)")
    proc = subprocess.run([lint, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
