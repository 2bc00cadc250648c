"""The shape of ``kronika.ask``: settings only from ``kronika.settings``, no hand-made model, imports at the top."""
from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import kronika.ask

ASK = Path(kronika.ask.__file__).parent
MODULES = sorted(ASK.glob("*.py"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_no_embedding_reranker():
    """The numpy BERT (tokenizer, forward pass, safetensors parser) is gone: BM25 and the structured store only."""
    assert importlib.util.find_spec("kronika.ask.embed") is None
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        assert "safetensors" not in text and "KRONIKA_EMBED" not in text, path.name


def test_settings_come_from_settings_only():
    """No module of ask reads the environment itself (``kronika.settings`` is the one place)."""
    for path in MODULES:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
                raise AssertionError(f"{path.name}:{node.lineno} reads the environment")


def test_imports_at_the_top():
    """No import hides inside a function of ask."""
    for path in MODULES:
        for fn in ast.walk(_tree(path)):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(fn):
                    assert not isinstance(node, (ast.Import, ast.ImportFrom)), \
                        f"{path.name}:{node.lineno} imports inside {fn.name}()"


def _strings(node) -> int:
    return sum(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in ast.walk(node))


def test_no_word_table_in_code():
    """Tables of 40 or more strings live in data/ask.json (read through kronika.lexicons), not in the code."""
    for path in MODULES:
        for node in _tree(path).body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                value = node.value
                if isinstance(value, ast.Call) and value.args:     # set("""...""".split()), dict(...)
                    value = value.args[0]
                if isinstance(value, (ast.Set, ast.List, ast.Tuple, ast.Dict)):
                    assert _strings(value) < 40, f"{path.name}:{node.lineno} holds a word table"
                if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Constant):
                    assert len(str(value.value.value).split()) < 40, f"{path.name}:{node.lineno} holds a word table"


def test_no_sql_in_ask():
    """Every SQL statement of ask lives in store/questions.py (or store/reads.py); ask calls typed functions."""
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b|\bMATCH\b", re.S)
    for path in MODULES:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Attribute):
                assert node.attr not in ("execute", "executemany", "executescript"), f"{path.name}:{node.lineno}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not sql.search(node.value), f"{path.name}:{node.lineno} holds SQL"


def test_functions_are_split_along_their_steps():
    """No function of ask runs past 60 lines (search was 228, _candidates 118, parse 92)."""
    for path in MODULES:
        for node in ast.walk(_tree(path)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno - node.lineno < 60, f"{path.name}: {node.name} has " \
                                                           f"{node.end_lineno - node.lineno + 1} lines"
