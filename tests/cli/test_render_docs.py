"""`kronika docs` shows document names and titles without letting their control characters reach the terminal."""
from __future__ import annotations

import re

from kronika.cli import render

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _doc(**kw):
    d = {"doc": "x.txt", "title": None, "author": None, "genre": "news", "published": None, "about": None,
         "chars": 3, "stripped": []}
    d.update(kw)
    return d


def test_docs_escapes_control_characters_in_names_titles_and_metadata():
    out = render.docs([_doc(doc="evil\x1b[2J\nname.txt", title="Ti\x07tle \u202egnp.exe", author="A\x00B",
                            about="W\x9bork")])
    assert not RAW.search(out)
    assert "evil\\x1b[2J\\nname.txt" in out.splitlines()[0]
    assert "\\x07" in out and "\\u202e" in out and "A\\x00B" in out and "\\x9b" in out
    assert len(out.splitlines()) == 3  # a newline in a name does not start a line of its own


def test_docs_failures_escape_control_characters():
    out = render.failures([{"doc": "a\x1b]0;pwned\x07.txt", "stage": "ingest", "reason": "bad \x1b[31mbytes"}])
    assert not RAW.search(out) and "\\x1b]0;pwned\\x07" in out


def test_plain_text_is_unchanged():
    out = render.docs([_doc(doc="Zürich – été.txt", title="Ordinary “title”")])
    assert out.splitlines()[:2] == ["Zürich – été.txt", "  Ordinary “title”"]
