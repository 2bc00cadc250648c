"""The local and the Dask engine write the same knowledge base."""
from __future__ import annotations

import pytest

from kronika.build import build
from kronika.settings import load_settings


@pytest.mark.slow
def test_dask_engine_gives_identical_results(corpus, tmp_path, snapshot):
    pytest.importorskip("dask.distributed")
    a, b = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    s = load_settings(n_process=1, batch_size=2)
    build([str(corpus)], a, s)
    build([str(corpus)], b, s, engine="dask")
    ka, kb = snapshot(a), snapshot(b)
    for k in ("documents", "entities", "events", "facts", "relations", "claims"):
        assert ka[k] == kb[k], k
