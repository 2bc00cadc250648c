"""HTML main text and metadata, JSONL lines and ids, gzip, and WARC records."""
import gzip
import io
import json

import pytest

from kronika.ingest import iter_documents
from kronika.ingest.html import extract_html, html_depth
from kronika.records import Document, Failure
from kronika.settings import load_settings

PARA = "The ferry to the island ran twice a day until 1962, when the causeway was finished and the boats were sold."
PAGE = f"""<html><head><title>The island ferry | Coast Notes</title>
<meta name="author" content="Ruth Alder"><meta property="article:published_time" content="2014-05-06">
<script>document.title = "SCRIPT-TEXT";</script><style>p {{ color: red }}</style></head>
<body><nav><a href="/">Home</a> <a href="javascript:alert('JS-LINK')">Menu</a></nav>
<article><h1>The island ferry</h1><p onclick="alert('HANDLER')">{PARA}</p><p>{PARA} {PARA}</p>
<img src="x" onerror="alert('ONERROR')"></article></body></html>"""


def test_html_main_text_and_metadata():
    text, meta, reason = extract_html(PAGE, 2000)
    assert reason is None and PARA in text
    for bad in ("SCRIPT-TEXT", "JS-LINK", "HANDLER", "ONERROR", "color: red", "alert"):
        assert bad not in text
    assert meta["author"] == "Ruth Alder" and meta["published"] == "2014-05-06"
    assert meta["title"].startswith("The island ferry")


def test_html_depth_guard():
    deep = "<html><body>" + "<div>" * 20000 + "x" + "</div>" * 20000 + "</body></html>"
    assert html_depth(deep, 100) > 100
    assert html_depth("<p>one<p>two<ul><li>a<li>b</ul><br><img src=x>", 100) <= 2
    text, _, reason = extract_html(deep, 2000)
    assert text is None and "nested" in reason


def test_html_file_document(tmp_path):
    (tmp_path / "ferry.htm").write_text(PAGE)
    (d,) = iter_documents([str(tmp_path)], load_settings())
    assert d.format == "html" and d.author == "Ruth Alder" and PARA in d.text


def _jsonl_lines():
    return [
        json.dumps({"text": PARA, "title": "Ferry", "author": "A. B.", "date": "1999-01-02", "genre": "news"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"id": "ferry-2", "text": PARA + " It was remembered fondly."}),
        json.dumps({"text": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "   "}),
    ]


def test_jsonl_lines_and_failures(tmp_path):
    (tmp_path / "c.jsonl").write_text("\n".join(_jsonl_lines()) + "\n")
    out = list(iter_documents([str(tmp_path)], load_settings()))
    names = [(r.doc, type(r).__name__) for r in out]
    assert names == [("c.jsonl#1", "Document"), ("c.jsonl#2", "Failure"), ("c.jsonl#3", "Failure"),
                     ("ferry-2", "Document"), ("c.jsonl#6", "Failure"), ("c.jsonl#7", "Failure"),
                     ("c.jsonl#8", "Failure")]
    first = out[0]
    assert (first.title, first.author, first.published, first.genre, first.text) == ("Ferry", "A. B.", "1999-01-02", "news", PARA)
    assert "not valid JSON" in out[1].reason and "no \"text\" field" in out[2].reason


def test_jsonl_gz(tmp_path):
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(("\n".join(_jsonl_lines()) + "\n").encode()))
    out = list(iter_documents([str(tmp_path)], load_settings()))
    assert sum(isinstance(r, Document) for r in out) == 2


def test_gzip_bomb_is_refused(tmp_path):
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(b" " * 200_000))
    (f,) = iter_documents([str(tmp_path)], load_settings(max_bytes=50_000))
    assert isinstance(f, Failure) and "size limit" in f.reason


def _warc(tmp_path, gz):
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for uri, ctype, body in (
        ("https://coast.example/ferry", "text/html; charset=utf-8", PAGE.encode()),
        ("https://coast.example/logo.png", "image/png", b"\x89PNG...."),
        ("https://coast.example/notes.txt", "text/plain", f"Ferry notes\n\n{PARA}\n".encode()),
    ):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    path = tmp_path / ("x.warc.gz" if gz else "x.warc")
    path.write_bytes(buf.getvalue())
    assert warcio


@pytest.mark.parametrize("gz", [False, True])
def test_warc_records(tmp_path, gz):
    _warc(tmp_path, gz)
    out = list(iter_documents([str(tmp_path)], load_settings()))
    name = "x.warc.gz" if gz else "x.warc"
    assert [r.doc for r in out] == [f"{name}#1", f"{name}#2"]
    assert all(isinstance(r, Document) for r in out)
    assert out[0].format == "warc" and PARA in out[0].text and out[1].url == "https://coast.example/notes.txt"


def test_corrupt_warc_is_one_failure(tmp_path):
    (tmp_path / "bad.warc").write_bytes(b"this is not a warc file at all\r\n\r\n" * 10)
    out = list(iter_documents([str(tmp_path)], load_settings()))
    assert len(out) == 1 and isinstance(out[0], Failure)


def test_html_fragment_falls_back_to_tag_stripping():
    text, _, reason = extract_html("<p>Just a fragment about the ferry, from 1962.</p><script>BAD()</script>", 2000)
    assert reason is None and "fragment about the ferry" in text and "BAD" not in text


def test_jsonl_limit_is_per_line_not_per_file(tmp_path):
    lines = [json.dumps({"text": f"{PARA} Number {i}."}) for i in range(40)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines))
    out = list(iter_documents([str(tmp_path)], load_settings(max_bytes=1000)))
    assert len(out) == 40 and all(isinstance(r, Document) for r in out)
    assert out[-1].text.endswith("Number 39.")


def test_jsonl_newline_bomb_stops_at_the_container_cap(tmp_path):
    (tmp_path / "nl.jsonl.gz").write_bytes(gzip.compress(b"\n" * 2_000_000))
    out = list(iter_documents([str(tmp_path)], load_settings(max_bytes=10_000)))
    assert len(out) == 1 and isinstance(out[0], Failure) and "expands beyond" in out[0].reason


def test_jsonl_utf16_and_bom(tmp_path):
    body = "\n".join(_jsonl_lines()[:1])
    (tmp_path / "u16.jsonl").write_bytes(b"\xff\xfe" + body.encode("utf-16-le"))
    (tmp_path / "u8.jsonl").write_bytes(b"\xef\xbb\xbf" + body.encode())
    out = list(iter_documents([str(tmp_path)], load_settings()))
    assert [type(r).__name__ for r in out] == ["Document", "Document"]


def test_corrupt_gzip_is_a_failure(tmp_path):
    (tmp_path / "bad.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    out = list(iter_documents([str(tmp_path)], load_settings()))
    assert len(out) == 1 and isinstance(out[0], Failure) and "gzip" in out[0].reason


def test_jsonl_metadata_variants(tmp_path):
    rows = [{"text": PARA, "authors": ["Ann Lee", "Bo Park"], "date": 1962, "genre": "Obituary"},
            {"text": PARA, "published": "March 3, 2015", "genre": "unknown-kind"}]
    (tmp_path / "v.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    a, b = iter_documents([str(tmp_path)], load_settings())
    assert (a.author, a.published, a.genre) == ("Ann Lee; Bo Park", "1962", "biography")
    assert b.published == "2015-03-03" and b.genre in ("article", "other", "news", "biography")


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    (tmp_path / "page.txt").write_text("\n<!DOCTYPE html>\n" + PAGE)
    (d,) = iter_documents([str(tmp_path)], load_settings())
    assert d.format == "html" and PARA in d.text and "<p" not in d.text
