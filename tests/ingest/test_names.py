"""File names that are not UTF-8, lone surrogates in JSONL, and documents that share a name."""
from __future__ import annotations

import json
import os
import sys

import pytest

from kronika.ingest import iter_documents
from kronika.ingest.names import clean_text, file_bytes, printable
from kronika.records import Document, Failure
from kronika.settings import load_settings

PROSE = "Ada Morel was born in Lyon in 1890 and moved to Oslo in 1912, where she taught until 1950.\n"
pytestmark = pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse non-UTF-8 names")


def test_printable_names_are_reversible():
    raw = b"caf\xe9 \xff notes.txt"
    shown = printable(os.fsdecode(raw))
    assert shown == "caf\\xe9 \\xff notes.txt"
    assert shown.encode("utf-8")  # storable and printable
    assert file_bytes(shown) == raw and os.fsdecode(file_bytes(shown)) == os.fsdecode(raw)
    assert printable("plain é.txt") == "plain é.txt" and file_bytes("plain é.txt") == "plain é.txt".encode()


def test_a_file_name_that_is_not_utf8_is_read_under_a_printable_name(tmp_path):
    root = os.fsencode(tmp_path)
    with open(os.path.join(root, b"bad\xff.txt"), "wb") as fh:
        fh.write(PROSE.encode())
    (tmp_path / "good.txt").write_text(PROSE)
    out = list(iter_documents([str(tmp_path)], load_settings()))
    assert [type(r) for r in out] == [Document, Document]
    bad = out[0]
    assert bad.doc == "bad\\xff.txt" and bad.text == PROSE
    assert bad.path.encode("utf-8") and file_bytes(bad.path) == os.path.join(root, b"bad\xff.txt")


def test_a_failing_file_with_such_a_name_is_a_failure_with_a_printable_name(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), b"\xfe\xfe.txt"), "wb"):
        pass  # empty
    (f,) = iter_documents([str(tmp_path)], load_settings())
    assert isinstance(f, Failure) and f.doc == "\\xfe\\xfe.txt" and "empty" in f.reason
    f.doc.encode("utf-8")
    f.path.encode("utf-8")


def test_lone_surrogates_in_jsonl_become_replacement_characters(tmp_path):
    line = '{"id": "x\\udcff", "title": "t\\ud800", "text": "Ada \\ud800 Morel was born in Lyon in 1890."}'
    assert "\ud800" in json.loads(line)["text"]
    (tmp_path / "s.jsonl").write_text(line + "\n")
    (d,) = iter_documents([str(tmp_path / "s.jsonl")], load_settings())
    assert isinstance(d, Document)
    assert d.text == "Ada \ufffd Morel was born in Lyon in 1890." and len(d.text) == len(json.loads(line)["text"])
    assert d.doc == "x\\xff" and d.title in (None, "t\ufffd")
    assert clean_text("ok") == "ok"


def test_documents_sharing_a_name_keep_distinct_failure_names(tmp_path):
    for sub in ("a", "b", "c"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(PROSE + sub)
    paths = [str(tmp_path / s / "same.txt") for s in ("a", "b", "c")]
    out = list(iter_documents(paths, load_settings()))
    assert [r.doc for r in out] == ["same.txt", "same.txt (2)", "same.txt (3)"]
    assert isinstance(out[0], Document) and all(isinstance(r, Failure) for r in out[1:])
    assert out[1].path == paths[1] and "already called same.txt" in out[1].reason
