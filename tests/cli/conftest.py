"""A small corpus of our own (not the seeds) written into tmp folders."""
from __future__ import annotations

import pytest

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
