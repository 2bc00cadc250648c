"""Shared fixtures: the project pipeline (loaded once), the seed and eval folders (skip when absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "serge"


@pytest.fixture(scope="session")
def settings():
    from kronika.settings import load_settings
    return load_settings()


@pytest.fixture(scope="session")
def nlp(settings):
    from kronika.annotate.pipeline import build_nlp
    return build_nlp(settings)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is absent (a fresh clone has none); CI provides it")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def eval_dir(shared_dir) -> Path:
    return shared_dir / "eval"


@pytest.fixture
def make_doc():
    """Build a Document from a string, for stage tests."""
    import hashlib
    from kronika.records import Document

    def _make(text: str, name: str = "t.txt", **meta):
        return Document(doc=name, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, **meta)

    return _make


@pytest.fixture
def analyse(nlp, settings, make_doc):
    """Run every per-document stage on a string and return the Extraction."""
    from kronika.analyse import analyse_doc
    from kronika.annotate.pipeline import spacy_text

    def _run(text: str, **meta):
        d = make_doc(text, **meta)
        return analyse_doc(d, nlp(spacy_text(d.text, d.stripped, d.format)), settings)

    return _run
