"""The command line's shape: no import circle, imports at the top, defaults read from Settings."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kronika.cli import commands
from kronika.cli.main import main, make_parser
from kronika.settings import DEFAULTS

CLI = Path(commands.__file__).resolve().parent
# deferred on purpose (each says why in a comment): both load spaCy
DEFERRED = {("commands.py", "kronika.analyse"), ("commands.py", "kronika.reconciling")}


def _imports(path: Path):
    """(module imported, inside a function?) for every import of ``path``, relative ones made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inner = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
             for n in ast.walk(f)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = "kronika.cli".rsplit(".", node.level - 1)[0] if node.level else ""
            if node.module is None:  # from . import render
                for a in node.names:
                    yield base + "." + a.name, id(node) in inner
            else:
                yield (base + "." + node.module if base else node.module), id(node) in inner
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, id(node) in inner


def test_commands_does_not_import_main():
    mods = {m for m, _ in _imports(CLI / "commands.py")}
    assert "kronika.cli.main" not in mods and "kronika.cli" not in mods


@pytest.mark.parametrize("name", ["main.py", "commands.py", "render.py"])
def test_imports_sit_at_the_top_except_the_deferred_spacy_ones(name):
    inner = {m for m, deferred in _imports(CLI / name) if deferred}
    assert inner == {m for f, m in DEFERRED if f == name}


def _help(*argv) -> str:
    sub = make_parser()._subparsers._group_actions[0].choices[argv[0]]
    return " ".join(sub.format_help().split())


def test_help_shows_the_defaults_of_settings(monkeypatch):
    import kronika.cli.main as cli_main
    monkeypatch.setattr(cli_main, "DEFAULTS", DEFAULTS.__class__(port=8123, host="127.0.0.9", ask_top_k=7, n_process=3))
    assert "8123" in _help("serve") and "127.0.0.9" in _help("serve")
    assert "default 7" in _help("ask")
    assert "default 3" in _help("build")


def test_serve_takes_host_and_port_from_settings_unless_given(monkeypatch, tmp_path):
    seen = {}
    monkeypatch.setattr(commands, "run", lambda db, host, port: seen.update(db=db, host=host, port=port))
    monkeypatch.setenv("KRONIKA_PORT", "8765")
    monkeypatch.setenv("KRONIKA_DB", str(tmp_path / "x.db"))
    assert main(["serve"]) == 0
    assert seen == {"db": str(tmp_path / "x.db"), "host": DEFAULTS.host, "port": 8765}
    assert main(["serve", "--port", "9001", "--host", "localhost", "--db", "y.db"]) == 0
    assert seen == {"db": "y.db", "host": "localhost", "port": 9001}


def test_ask_top_defaults_to_settings(monkeypatch, tmp_path):
    seen = {}

    def fake_answer(conn, question, settings, top):
        seen["top"] = top
        return {"question": question, "answers": []}

    monkeypatch.setattr(commands, "answer", fake_answer)
    monkeypatch.setattr(commands, "_open", lambda args: _Null())
    monkeypatch.setenv("KRONIKA_ASK_TOP_K", "5")
    assert main(["ask", "Where did Serge die?", "--format", "json"]) == 0
    assert seen["top"] == 5
    assert main(["ask", "Where did Serge die?", "--top", "2", "--format", "json"]) == 0
    assert seen["top"] == 2


def test_an_unaccepted_port_is_a_usage_error(capsys):
    assert main(["serve", "--port", "70000"]) == 2
    assert "port" in capsys.readouterr().err


class _Null:
    conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
