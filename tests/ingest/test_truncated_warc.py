"""A WARC file cut off at any byte: every complete record is read, the cut one is a Failure, never a short document."""
from __future__ import annotations

import io

import pytest

from kronika.ingest import iter_documents
from kronika.records import Document, Failure
from kronika.settings import load_settings

PARA = "The lighthouse keeper kept a log from 1890 to 1931, and his daughter copied it out by hand. " * 8


def _warc(gz: bool) -> tuple[bytes, list[int]]:
    """Three HTML response records; the bytes and where each record ends."""
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    ends = []
    for i in range(3):
        body = f"<html><body><article><p>{PARA} Entry {i}.</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://log.example/{i}", "response", payload=io.BytesIO(body),
                                            http_headers=headers))
        ends.append(len(buf.getvalue()))
    return buf.getvalue(), ends


@pytest.mark.parametrize("gz", [False, True])
def test_every_cut_gives_whole_documents_and_one_failure(tmp_path, gz):
    data, ends = _warc(gz)
    name = "log.warc.gz" if gz else "log.warc"
    full = [r.text for r in iter_documents([_write(tmp_path, name, data)], load_settings())]
    assert len(full) == 3
    step = 3 if gz else 11
    for cut in range(ends[0] + 1, len(data), step):
        out = list(iter_documents([_write(tmp_path, name, data[:cut])], load_settings()))
        docs = [r for r in out if isinstance(r, Document)]
        fails = [r for r in out if isinstance(r, Failure)]
        complete = sum(1 for e in ends if e <= cut)
        # never a document shortened by the cut: each one is a whole record
        assert [d.text for d in docs] == full[: len(docs)], cut
        assert len(docs) >= min(complete, 2) or fails, cut
        # only the blank lines after a record are missing (or, gzipped, the member's 8-byte checksum trailer,
        # after the whole record was decompressed)
        at_boundary = any(e - (12 if gz else 4) <= cut <= e for e in ends)
        if not at_boundary:
            assert len(fails) == 1, (cut, [(r.doc, getattr(r, "reason", "")) for r in out])
            f = fails[0]
            assert f.doc == f"{name}#{len(docs) + 1}" and "\n" not in f.reason, (cut, f)
            assert "cut short" in f.reason or "ends in the middle" in f.reason or "damaged" in f.reason, f.reason


def _write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)
