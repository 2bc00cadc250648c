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
    from kronika.analyse import build_nlp
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


# ---- a small corpus of our own (not the seeds), for build, CLI and store tests ----
CORPUS = {
    "goldman.txt": (
        "Emma Goldman was born in Kovno in 1869. She emigrated to the United States in 1885 and settled in "
        "Rochester. Later she moved to New York, where she met Alexander Berkman. In 1917 she was imprisoned "
        "for opposing the draft. She was deported to Russia in 1919. She died in Toronto in 1940.\n"),
    "berkman.md": (
        "# Alexander Berkman\n\nAlexander Berkman was born in Vilnius in 1870. He was imprisoned in "
        "Pennsylvania from 1892 to 1906. After his release he worked with Emma Goldman on Mother Earth. "
        "He died in Nice in 1936.\n"),
    "review.txt": (
        "Living My Life – a review\n\nI loved this book. Goldman writes about her years in New York with "
        "wit. She was deported to Russia in 1919, where she met Lenin.\n\nLeave a Reply\n"),
}


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for name, text in CORPUS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.fixture
def snapshot():
    """The whole knowledge base of a database as sorted JSON-able data."""
    import json

    from kronika.store import reads
    from kronika.store.db import Store

    def _snap(db: str) -> dict:
        with Store(db, readonly=True) as st:
            data = reads.export_all(st.conn)
        return json.loads(json.dumps(data, sort_keys=True))

    return _snap
