"""Folder walking, document names, order, size limit, links, vanished and special files."""
import os

from kronika.ingest import iter_documents, iter_files
from kronika.records import Document, Failure
from kronika.settings import load_settings

TEXT = "A short note about the mill.\n\nThe mill at Marden was rebuilt in 1921 after the great flood of that spring.\n"


def _tree(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b" / "c.md").write_text("# C\n\n" + TEXT)
    (tmp_path / "b" / "ignore.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text(TEXT)
    (tmp_path / "README.md").write_text(TEXT)
    return tmp_path


def test_names_relative_and_sorted(tmp_path):
    _tree(tmp_path)
    assert [n for n, _ in iter_files(str(tmp_path))] == ["a.txt", "b/c.md"]


def test_file_argument_named_by_its_file_name(tmp_path):
    _tree(tmp_path)
    docs = list(iter_documents([str(tmp_path / "b" / "c.md")], load_settings()))
    assert [d.doc for d in docs] == ["c.md"] and docs[0].format == "md"


def test_text_is_the_file_content_exactly(tmp_path):
    raw = "\ufeffTitle line\r\n\r\nBody with a tab\tand CRLF newlines, kept untouched by ingest.\r\n"
    (tmp_path / "x.txt").write_bytes(raw.encode("utf-8"))
    (d,) = iter_documents([str(tmp_path)], load_settings())
    assert d.text == raw[1:] and len(d.sha256) == 64


def test_size_limit_failure_names_the_setting(tmp_path):
    (tmp_path / "big.txt").write_text(TEXT * 100)
    (f,) = iter_documents([str(tmp_path)], load_settings(max_bytes=1000))
    assert isinstance(f, Failure) and "KRONIKA_MAX_BYTES" in f.reason and "1000" in f.reason


def test_missing_argument_is_a_failure(tmp_path):
    (f,) = iter_documents([str(tmp_path / "nope")], load_settings())
    assert isinstance(f, Failure) and "no such file" in f.reason


def test_symlinks_dangling_loop_and_folder_cycle(tmp_path):
    (tmp_path / "ok.txt").write_text(TEXT)
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "up")
    os.symlink(tmp_path / "ok.txt", tmp_path / "sub" / "alias.txt")
    out = {r.doc: r for r in iter_documents([str(tmp_path)], load_settings())}
    assert isinstance(out["ok.txt"], Document) and isinstance(out["sub/alias.txt"], Document)
    assert "broken symbolic link" in out["dangling.txt"].reason
    assert "loop" in out["self.txt"].reason
    assert "loop" in out["sub/up"].reason


def test_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (f,) = iter_documents([str(tmp_path)], load_settings())
    assert isinstance(f, Failure) and "regular file" in f.reason


def test_duplicate_names_across_arguments(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text(TEXT)
    (tmp_path / "b" / "x.txt").write_text(TEXT)
    out = list(iter_documents([str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt")], load_settings()))
    assert isinstance(out[0], Document) and isinstance(out[1], Failure)


def test_every_container_reports_links_and_fifos(tmp_path):
    for name in ("gone.warc", "gone.jsonl", "gone.jsonl.gz", "gone.html"):
        os.symlink(tmp_path / "nowhere", tmp_path / name)
    os.mkfifo(tmp_path / "pipe.jsonl")
    out = list(iter_documents([str(tmp_path)], load_settings()))
    assert len(out) == 5 and all(isinstance(r, Failure) for r in out)
    assert sum("broken symbolic link" in r.reason for r in out) == 4
    assert any("regular file" in r.reason for r in out)


def test_news_dateline_is_marked(tmp_path):
    text = ("Ferry service resumes\n\nOBAN, Scotland, 2 May 2003 (Reuters) - The island ferry sailed again on Friday "
            "after a month of repairs, officials said.\n")
    (tmp_path / "n.txt").write_text(text)
    (d,) = iter_documents([str(tmp_path)], load_settings())
    assert d.genre == "news" and d.published == "2003-05-02"
    assert [(s.reason, s.text) for s in d.stripped] == [("dateline", "OBAN, Scotland, 2 May 2003 (Reuters) -")]


def test_inline_script_in_markdown_is_marked_not_cut(tmp_path):
    text = "# Notes\n\nThe mill was rebuilt in 1921 after the flood.\n\n<script>\nalert('x');\n</script>\n\nMore prose here.\n"
    (tmp_path / "n.md").write_text(text)
    (d,) = iter_documents([str(tmp_path)], load_settings())
    assert d.text == text
    (s,) = [s for s in d.stripped if s.reason == "markup"]
    assert s.text == "<script>\nalert('x');\n</script>" and d.text[s.start:s.end] == s.text


def test_gutenberg_licence_marked_and_title_read(tmp_path):
    text = ("The Project Gutenberg eBook of Harbour Days\n\nThis ebook is for the use of anyone anywhere.\n\n"
            "Title: Harbour Days\n\nAuthor: Ann Lee\n\nRelease date: May 1, 2004 [eBook #1234]\n\n"
            "*** START OF THE PROJECT GUTENBERG EBOOK HARBOUR DAYS ***\n\nCHAPTER I\n\n"
            "I was born at the harbour in 1850, and my father kept the light. I remember the storms.\n\n"
            "*** END OF THE PROJECT GUTENBERG EBOOK HARBOUR DAYS ***\n\nSection 1. General Terms of Use.\n")
    (tmp_path / "pg1234.txt").write_text(text)
    (d,) = iter_documents([str(tmp_path)], load_settings())
    assert (d.title, d.author) == ("Harbour Days", "Ann Lee")
    head, tail = [s for s in d.stripped if s.reason == "licence"]
    assert head.start == 0 and head.text.endswith("HARBOUR DAYS ***")
    assert tail.text.startswith("*** END") and tail.text.endswith("General Terms of Use.")
    assert d.text[head.end:tail.start].strip().startswith("CHAPTER I")
