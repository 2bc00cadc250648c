"""Fixtures of the export tests: the hand-made chronicle database of tests/serve, opened read-only."""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "serve"))


@pytest.fixture(scope="session")
def export_db(tmp_path_factory) -> str:
    from chronicle_db import make_db
    return make_db(str(tmp_path_factory.mktemp("export") / "chronicle.db"))


@pytest.fixture()
def conn(export_db):
    from kronika.store.db import Store
    st = Store(export_db, readonly=True)
    yield st.conn
    st.close()
