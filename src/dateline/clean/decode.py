"""Bytes to text: refuse what is not a page (empty, binary, too big), detect the encoding.

Order matters: a byte-order mark settles the encoding (UTF-16 is full of NUL bytes, so it must
be read before the binary check); then strict UTF-8, which most pages are; then the charset an
HTML page declares; then charset-normalizer's guess. Windows-1252 stands in for a declared
latin-1, as browsers do (the WHATWG encoding standard maps one to the other).

Two corrections to the guess (#10): UTF-16 without a byte-order mark shows as a NUL in every
other byte, which is text, not binary; and a mostly English page with one "Israël" fits
cp1257 ("Israėl") as well as cp1252, so when the guess reads Latin script and Windows-1252
reads every word as letters, Windows-1252 wins: Western European text is the common case.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from dateline.errors import InputError

# Stages get no Settings, so the cap is a constant equal to Settings.max_bytes (config.py).
MAX_BYTES = 20_000_000

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Opening bytes of file kinds that are never a page of text (their published magic numbers).
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data; decompress it first"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SNIFF = 4096  # a declared charset sits in the <head>; magic and NULs show early
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# Windows-1252 signs that touch a letter only when the bytes were another code page's
# letters: cp1250's "ł ą ż ľ Ş" read as "³ ¹ ¿ ¾ ¨" ("spotka³", "£odzi" is left to the guess).
_SIGNS = "¹²³¼½¾¿¦¨´¸"
_SIGN_BY_LETTER = re.compile(rf"[^\W\d_][{_SIGNS}]|[{_SIGNS}][^\W\d_]")


def decode_page(source: str, raw: bytes) -> str:
    """Return the text of `raw`, or raise InputError saying why it is not a readable page."""
    if len(raw) > MAX_BYTES:
        raise InputError(source, f"{len(raw):,} bytes, over the size cap of {MAX_BYTES:,}")
    if not raw:
        raise InputError(source, "0 bytes, nothing to read")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _finish(source, _decode_as(source, raw, encoding))
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return _finish(source, utf16)
    _refuse_binary(source, raw)
    try:
        return _finish(source, raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(raw)
    if declared:
        try:
            return _finish(source, raw.decode(declared))
        except UnicodeDecodeError:
            pass  # the page lies about its charset; let detection decide
    return _finish(source, _detect(source, raw))


def _refuse_binary(source: str, raw: bytes) -> None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise InputError(source, f"binary input ({kind}), not a news page")
    if b"\x00" in raw[:_SNIFF]:
        raise InputError(source, "binary input (NUL bytes), not a news page")


def _declared_encoding(raw: bytes) -> str | None:
    match = _DECLARED.search(raw[:_SNIFF])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name


def _utf16_without_bom(raw: bytes) -> str | None:
    """Return the text when the bytes are UTF-16 without a mark, else None.

    ASCII-range text in UTF-16 has a NUL in every other byte (odd ones little-endian, even
    ones big-endian); binary data has NULs anywhere. A third of the characters in the ASCII
    range and a clean decode with no control characters is the test (a judgement).
    """
    head = raw[: _SNIFF - _SNIFF % 2]
    if len(head) < 16 or len(raw) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    encoding = "utf-16-le" if odd > half / 3 and even == 0 else None
    encoding = "utf-16-be" if even > half / 3 and odd == 0 else encoding
    if encoding is None:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else text


def _detect(source: str, raw: bytes) -> str:
    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        raise InputError(source, "undecodable: no text encoding fits these bytes")
    western = _western(raw)
    if western is not None and _is_latin_script(str(best)):
        return western
    # Western text fits several single-byte code pages equally well (è reads as č in cp1250);
    # on a tie, take Windows-1252, the web's commonest legacy encoding and WHATWG's fallback.
    for match in matches:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence
        if match.encoding == "cp1252" and tied:
            return str(match)
    return str(best)


def _western(raw: bytes) -> str | None:
    """Return the bytes read as Windows-1252 unless a sign touches a letter there (Polish
    cp1250: "ł" is "³") or a byte is one cp1252 leaves undefined; then None."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return None if _SIGN_BY_LETTER.search(text) else text


def _is_latin_script(text: str) -> bool:
    """True when every non-ASCII letter is a Latin one: the guess is a Western or Central
    European code page, not Cyrillic, Greek, Arabic or Hebrew."""
    letters = {ch for ch in text if ord(ch) > 127 and ch.isalpha()}
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def _decode_as(source: str, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(source, f"undecodable: not valid {encoding} despite its mark") from err


def _finish(source: str, text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "only whitespace, nothing to read")
    return text
