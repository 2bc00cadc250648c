"""`show`, `timeline` and `ask` find a person under any name as a user would type it."""
from __future__ import annotations

import pytest

from kronika.build import build
from kronika.errors import NotFoundError
from kronika.settings import load_settings
from kronika.store import reads
from kronika.store.db import Store

TEXT = ("SIR ANDRÉS HÖLLMAN, 1ST BARON HÖLLMAN OF ESK (born ANDREAS HÖLLMANN; 3 May 1850 – 1 June 1920) was a "
        "Scottish chemist. Höllman studied at Glasgow, where he met Ruth Calder. His father, Peter Höllman, was a "
        "miller. In 1880 Höllman married Ruth Calder. Höllman died in Edinburgh in 1920.\n")


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    d = tmp_path_factory.mktemp("c")
    (d / "h.txt").write_text(TEXT, encoding="utf-8")
    db = str(d / "k.db")
    build([str(d)], db, load_settings())
    with Store(db, readonly=True) as st:
        yield st.conn


@pytest.mark.parametrize("typed", ["Andrés Höllman", "andres hollman", "ANDRÉS HÖLLMAN", "Sir Andrés Höllman",
                                   "Hollman", "Lord Höllman", "Andreas Höllmann", "Baron Höllman of Esk",
                                   "1st Baron Höllman of Esk"])
def test_every_name_finds_the_subject(conn, typed):
    assert reads.find_entity(conn, typed)["id"] == reads.find_entity(conn, "Andrés Höllman")["id"]


def test_the_father_is_someone_else(conn):
    assert reads.find_entity(conn, "Peter Höllman")["id"] != reads.find_entity(conn, "Andrés Höllman")["id"]


def test_an_unknown_name_is_not_found(conn):
    with pytest.raises(NotFoundError):
        reads.find_entity(conn, "Zebulon Quarrington")
