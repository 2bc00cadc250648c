"""The shape of ``kronika.ask``: settings only from ``kronika.settings``, no hand-made model, imports at the top."""
from __future__ import annotations

import ast
import importlib.util
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
