"""Raw bytes -> decoded text (BOM removed) or a one-sentence reason why they are not text."""
from __future__ import annotations

import codecs

import charset_normalizer

# Magic numbers of common binary formats (images, archives, documents, executables).
_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b",
    b"II*\x00", b"MM\x00*", b"\x7fELF", b"7z\xbc\xaf\x27", b"Rar!\x1a", b"\xca\xfe\xba\xbe",
    b"SQLite format 3\x00",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never occur in text (tab, newlines, form feed and escape are allowed).
_CONTROL = frozenset(range(0, 9)) | frozenset((11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 127))
_WESTERN = ("cp125", "latin", "iso8859", "mac_", "cp437", "cp850", "ascii")
SAMPLE = 65536
NOT_TEXT = "binary file, not text"


def looks_binary(raw: bytes) -> bool:
    """True for bytes that are not text: known binary magic numbers, NUL bytes, many control bytes."""
    head = raw[:SAMPLE]
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(head.count(bytes((c,))) for c in _CONTROL)
    return controls / len(head) > 0.05


def _bomless_utf16(raw: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when ``raw`` looks like UTF-16 without a byte-order mark (ASCII text with NUL halves)."""
    head = raw[:4096]
    pairs = len(head) // 2
    if pairs < 4 or len(raw) % 2:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd > pairs * 0.4 and even == 0:
        return "utf-16-le"
    if even > pairs * 0.4 and odd == 0:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str | None, str | None]:
    """(text, None) when ``raw`` is text in a detectable encoding, else (None, reason).

    Order: a byte-order mark (UTF-8/16/32) decides; UTF-16 without a mark is
    recognised by its NUL halves; binary content is refused;
    strict UTF-8; a declared charset (HTTP/WARC header) if it decodes; then
    charset-normalizer, with Western single-byte guesses read as cp1252 (so
    bytes 0x91-0x94 are curly quotes, and Latin-1 text reads the same).
    """
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(enc), None
            except UnicodeDecodeError:
                return None, f"the file starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()}"
    bomless = _bomless_utf16(raw)
    if bomless:
        try:
            return raw.decode(bomless), None
        except UnicodeDecodeError:
            pass
    if looks_binary(raw):
        return None, NOT_TEXT
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codecs.lookup(declared)
            return raw.decode(declared), None
        except (LookupError, UnicodeDecodeError, ValueError):
            pass
    try:
        best = charset_normalizer.from_bytes(raw[: SAMPLE * 4]).best()
    except Exception:  # noqa: BLE001 - a detector bug must not stop a build
        best = None
    if best is not None and not (best.encoding or "").startswith(("utf_16", "utf_32")):  # no BOM, no NULs: not UTF-16
        enc = best.encoding or ""
        if enc.startswith(_WESTERN):
            try:
                return raw.decode("cp1252"), None
            except UnicodeDecodeError:
                pass
        try:
            return raw.decode(enc), None
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("cp1252"), None
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(1, len(text) // 200):
        return text, None
    return None, "the text encoding could not be detected (not UTF-8, UTF-16 or a known single-byte encoding)"
