"""Bytes to text: refuse what is not a page (empty, binary, too big), detect the encoding.

Order matters: a byte-order mark settles the encoding (UTF-16 is full of NUL bytes, so it must
be read before the binary check); then strict UTF-8, which most pages are; then the charset an
HTML page declares; then charset-normalizer's guess. Windows-1252 stands in for a declared
latin-1, as browsers do (the WHATWG encoding standard maps one to the other).
"""

from __future__ import annotations

import codecs
import re

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


def decode_page(source: str, raw: bytes) -> str:
    """Return the text of `raw`, or raise InputError saying why it is not a readable page."""
    if len(raw) > MAX_BYTES:
        raise InputError(source, f"{len(raw):,} bytes, over the size cap of {MAX_BYTES:,}")
    if not raw:
        raise InputError(source, "0 bytes, nothing to read")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _finish(source, _decode_as(source, raw, encoding))
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


def _detect(source: str, raw: bytes) -> str:
    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        raise InputError(source, "undecodable: no text encoding fits these bytes")
    # Western text fits several single-byte code pages equally well (è reads as č in cp1250);
    # on a tie, take Windows-1252, the web's commonest legacy encoding and WHATWG's fallback.
    for match in matches:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence
        if match.encoding == "cp1252" and tied:
            return str(match)
    return str(best)


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
