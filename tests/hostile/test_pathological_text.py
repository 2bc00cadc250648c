"""Inputs shaped to make regular expressions backtrack: each must be ingested in well under a second."""
import time

import pytest

from kronika.ingest.documents import make_document
from kronika.ingest.html import extract_html, strip_tags
from kronika.records import Document

CASES = {
    "front matter with stray carriage returns": "---\n" + "\r" * 3000 + "x",
    "front matter never closed": "---\n" + "title: x\r\n" * 70 + "body",
    "many parentheses with years": "Ann (" + "1890 - " * 500 + "was a writer.",
    "whitespace title": " " * 5000 + "by Ann Lee review",
    "unclosed scripts": "<script" * 20000,
    "unclosed comments": "<!--" * 20000,
    "many bylines": "\n".join(["Posted by " + "A " * 60 + "on"] * 300),
    "long dashes": "-" * 100000,
    "long line of quotes": "'" * 50000 + "review of '" * 2000,
    "cookie words": ("agree " * 100 + "privacy ") * 3 + "\n" + "We use cookies " * 20,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_text_is_fast(name):
    text = CASES[name]
    start = time.monotonic()
    for fmt in ("txt", "md"):
        d = make_document("x", text, "0", fmt)
        if isinstance(d, Document):
            assert all(d.text[s.start:s.end] == s.text for s in d.stripped)
    strip_tags(text)
    extract_html(text, 2000)
    assert time.monotonic() - start < 5, name
