"""export sits below serve: it never imports it, and its imports sit at the top of each module."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kronika.export

EXPORT = Path(kronika.export.__file__).resolve().parent


@pytest.mark.parametrize("path", sorted(EXPORT.glob("*.py")), ids=lambda p: p.name)
def test_export_does_not_import_serve_or_cli_and_imports_at_the_top(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            assert not (mod.startswith("serve") or mod.startswith("cli") or ".serve" in "." + mod
                        or ".cli" in "." + mod), f"{path.name} imports {mod} (a layer above export)"
    for f in ast.walk(tree):
        if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inner = [n for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))]
            assert not inner, f"{path.name}: an import inside {f.name}()"


def test_the_map_data_is_one_function_for_export_and_serve():
    from kronika.export.places import places_of
    from kronika.serve import views

    assert views.places_of is places_of


@pytest.mark.parametrize("path", sorted(EXPORT.glob("*.py")), ids=lambda p: p.name)
def test_no_import_error_fallback_around_modules_that_exist(path):
    assert "except ImportError" not in path.read_text(encoding="utf-8")


def test_every_format_the_cli_offers_has_a_writer():
    from kronika.cli.main import make_parser
    from kronika.export import WRITERS

    sub = make_parser()._subparsers._group_actions[0].choices["export"]
    to = next(a for a in sub._actions if a.dest == "to")
    assert set(to.choices) == set(WRITERS) and all(callable(w) for w in WRITERS.values())
