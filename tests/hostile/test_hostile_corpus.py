"""A hostile corpus built in tmp_path: every good document comes out as a Document, every bad one as one clear Failure."""
import codecs
import gzip
import json
import os
import random
import time

import pytest

from kronika.ingest import iter_documents
from kronika.records import Document, Failure
from kronika.settings import load_settings

PROSE = ("The lighthouse keeper kept a log from 1890 to 1931, and his daughter copied it out by hand after the war. "
         "It records storms, wrecks and visitors, and now and then a quarrel with the harbour master.\n")
GOOD, BAD = "doc", "fail"


def build(root):
    """Write the corpus; return {doc name: (GOOD or BAD, substring expected in the reason)}."""
    rng = random.Random(7)
    expect = {}

    def put(name, data, want, why=""):
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = (want, why)

    put("good/plain.txt", "Keeper's log\n\n" + PROSE, GOOD)
    put("good/notes.md", "# Notes\n\n" + PROSE, GOOD)
    put("good/utf8_bom.txt", codecs.BOM_UTF8 + PROSE.encode(), GOOD)
    put("good/utf16le.txt", codecs.BOM_UTF16_LE + ("Café log\n" + PROSE).encode("utf-16-le"), GOOD)
    put("good/utf16be.txt", codecs.BOM_UTF16_BE + ("Café log\n" + PROSE).encode("utf-16-be"), GOOD)
    put("good/latin1.txt", ("Le gardien a noté la tempête de décembre. " + PROSE).encode("latin-1"), GOOD)
    put("good/cp1252.txt", ("He called it \u201cthe long night\u201d \u2013 " + PROSE).encode("cp1252"), GOOD)
    put("good/scripted.html", (
        "<html><head><title>Log</title><script>var SECRET_SCRIPT = 1;</script></head><body>"
        "<a href=\"javascript:SECRET_LINK()\">x</a><img src=x onerror=\"SECRET_HANDLER()\">"
        f"<article><h1>Keeper's log</h1><p onmouseover=\"SECRET_HOVER()\">{PROSE}</p><p>{PROSE}</p></article>"
        "<script>SECRET_TAIL()</script></body></html>"), GOOD)
    put("bad/random.txt", bytes(rng.randrange(256) for _ in range(4096)), BAD, "binary")
    put("bad/image.png.txt", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512)), BAD, "binary")
    put("bad/empty.txt", b"", BAD, "empty")
    put("bad/blank.md", b"  \n\t\r\n   \n", BAD, "empty")
    put("bad/undecodable.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF, 0x00]) * 50, BAD, "binary")
    put("bad/large.txt", PROSE * 2000, BAD, "KRONIKA_MAX_BYTES")
    put("bad/deep.html", "<html><body>" + "<div>" * 20000 + "deep text" + "</div>" * 20000 + "</body></html>", BAD,
        "nested")
    lines = [json.dumps({"text": PROSE, "title": "one"}), "{broken", json.dumps({"title": "no text"}),
             json.dumps({"id": "kept-4", "text": PROSE})]
    put("mixed/lines.jsonl", "\n".join(lines) + "\n", GOOD)
    expect.pop("mixed/lines.jsonl")
    expect.update({"mixed/lines.jsonl#1": (GOOD, ""), "mixed/lines.jsonl#2": (BAD, "not valid JSON"),
                   "mixed/lines.jsonl#3": (BAD, "no \"text\" field"), "kept-4": (GOOD, "")})
    put("bad/bomb.jsonl.gz", gzip.compress(b"x" * 400_000), BAD, "size limit")
    expect["bad/bomb.jsonl.gz#1"] = expect.pop("bad/bomb.jsonl.gz")
    (root / "links").mkdir()
    os.symlink(root / "nowhere.txt", root / "links" / "dangling.txt")
    expect["links/dangling.txt"] = (BAD, "broken symbolic link")
    os.symlink(root / "links" / "loop_a.txt", root / "links" / "loop_b.txt")
    os.symlink(root / "links" / "loop_b.txt", root / "links" / "loop_a.txt")
    expect["links/loop_a.txt"] = (BAD, "loop")
    expect["links/loop_b.txt"] = (BAD, "loop")
    os.symlink(root, root / "links" / "back_to_root")
    expect["links/back_to_root"] = (BAD, "loop")
    return expect


def run(root, settings):
    start = time.monotonic()
    out = list(iter_documents([str(root)], settings))
    return out, time.monotonic() - start


def test_hostile_corpus(tmp_path):
    expect = build(tmp_path)
    out, seconds = run(tmp_path, load_settings(max_bytes=300_000))
    got = {}
    for r in out:
        assert isinstance(r, (Document, Failure))
        assert r.doc not in got, f"{r.doc} came out twice"
        got[r.doc] = r
    assert set(got) == set(expect), (set(got) ^ set(expect))
    for name, (want, why) in expect.items():
        r = got[name]
        if want == GOOD:
            assert isinstance(r, Document), (name, getattr(r, "reason", None))
            assert r.text.strip()
            for s in r.stripped:
                assert r.text[s.start:s.end] == s.text
        else:
            assert isinstance(r, Failure), name
            assert why in r.reason, (name, r.reason)
            assert r.reason[0].isalpha() and "\n" not in r.reason and "Traceback" not in r.reason
    html = got["good/scripted.html"].text
    assert "SECRET" not in html and "lighthouse keeper" in html
    assert "Café" in got["good/utf16le.txt"].text and "Café" in got["good/utf16be.txt"].text
    assert "tempête" in got["good/latin1.txt"].text and "\u201cthe long night\u201d" in got["good/cp1252.txt"].text
    assert [r.doc for r in out] == [r.doc for r in run(tmp_path, load_settings(max_bytes=300_000))[0]]
    print(f"\nhostile corpus: {len(out)} records in {seconds:.2f}s")
    assert seconds < 20


def test_file_removed_between_listing_and_reading(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(PROSE)
    it = iter_documents([str(tmp_path)], load_settings())
    first = next(it)
    os.remove(tmp_path / "b.txt")
    rest = list(it)
    assert isinstance(first, Document)
    assert isinstance(rest[0], Failure) and rest[0].doc == "b.txt" and "removed" in rest[0].reason
    assert isinstance(rest[1], Document)


def test_file_changed_while_being_read(tmp_path, monkeypatch):
    import kronika.ingest.files as files
    path = tmp_path / "growing.txt"
    path.write_text(PROSE)
    real_read = os.read

    def growing_read(fd, n):
        data = real_read(fd, n)
        with open(path, "a") as fh:
            fh.write("more text appended by another process\n")
        return data

    monkeypatch.setattr(files.os, "read", growing_read)
    (f,) = iter_documents([str(path)], load_settings())
    assert isinstance(f, Failure) and "changed while it was being read" in f.reason


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read anything")
    p = tmp_path / "secret.txt"
    p.write_text(PROSE)
    p.chmod(0)
    (f,) = iter_documents([str(tmp_path)], load_settings())
    assert isinstance(f, Failure) and "permission" in f.reason
