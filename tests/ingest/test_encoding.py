"""Encoding detection: BOMs, UTF-16, Latin-1, cp1252 curly quotes, binary refusal."""
import codecs

from kronika.ingest.encoding import NOT_TEXT, decode_bytes, looks_binary

SAMPLE = "Le café était plein; à minuit, élan et déjà la révolution.\n"


def test_utf8_bom_removed():
    assert decode_bytes(codecs.BOM_UTF8 + SAMPLE.encode()) == (SAMPLE, None)


def test_utf16_le_and_be_with_bom():
    assert decode_bytes(codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"))[0] == SAMPLE
    assert decode_bytes(codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"))[0] == SAMPLE


def test_latin1():
    assert decode_bytes(SAMPLE.encode("latin-1"))[0] == SAMPLE


def test_cp1252_curly_quotes():
    text = "He said \u201cnever\u201d and \u2018perhaps\u2019 \u2013 then left for the harbour.\n"
    raw = text.encode("cp1252")
    assert b"\x93" in raw
    assert decode_bytes(raw)[0] == text


def test_plain_utf8_untouched():
    text = "Línea uno\r\nLine two\n\n"
    assert decode_bytes(text.encode()) == (text, None)


def test_binary_refused():
    assert decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4) == (None, NOT_TEXT)
    assert decode_bytes(b"some text\x00with a NUL") == (None, NOT_TEXT)
    assert looks_binary(bytes([1, 2, 3, 4, 5, 6]) * 100)
    assert not looks_binary(b"ordinary text\twith tabs\r\n")


def test_undecodable_gives_reason_or_text():
    text, reason = decode_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF]) * 30)
    assert (text is None) != (reason is None)


def test_html_meta_charset_is_used(tmp_path):
    from kronika.ingest import iter_documents
    from kronika.settings import load_settings
    body = "Виктор Серж родился в Брюсселе в 1890 году в семье русских эмигрантов. " * 3
    page = f'<html><head><meta charset="windows-1251"><title>Серж</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>'
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    (d,) = iter_documents([str(tmp_path)], load_settings())
    assert "Брюсселе" in d.text


def test_short_latin1_is_not_taken_for_utf16():
    assert decode_bytes("Straße".encode("latin-1"))[0] == "Straße"


def test_utf16_without_bom():
    assert decode_bytes(SAMPLE.encode("utf-16-le"))[0] == SAMPLE
    assert decode_bytes(SAMPLE.encode("utf-16-be"))[0] == SAMPLE
