"""decode_page: bad bytes are refused with a reason; every common encoding is detected."""

from __future__ import annotations

import codecs

import pytest

from dateline.clean.decode import MAX_BYTES, decode_page
from dateline.config import Settings
from dateline.errors import InputError

# A paragraph we wrote, with characters that differ between encodings.
PARAGRAPH = (
    "Der Außenminister traf am Montag in Genève ein, wo die Gespräche über den Waffenstillstand "
    "fortgesetzt wurden. « Nous sommes prêts », a déclaré le négociateur à la presse."
)


def test_decode_page_cap_matches_settings() -> None:
    assert Settings().max_bytes == MAX_BYTES


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "0 bytes"),
        (b"  \n\t \r\n ", "only whitespace"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary stream", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"some text\x00\x01\x02 then a NUL", "NUL"),
    ],
    ids=["empty", "whitespace", "pdf", "zip", "png", "nul"],
)
def test_decode_page_refuses_bad_input(raw: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as info:
        decode_page("news/a.html", raw)
    assert info.value.source == "news/a.html"
    assert str(info.value).startswith("news/a.html: ")
    assert "\n" not in str(info.value)


def test_decode_page_refuses_over_the_cap() -> None:
    with pytest.raises(InputError, match="over the size cap"):
        decode_page("big.txt", b"a" * (MAX_BYTES + 1))


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1", "utf-8-sig", "utf-16"])
def test_decode_page_detects_encoding(encoding: str) -> None:
    raw = (PARAGRAPH + "\n") * 3
    assert decode_page("a.txt", raw.encode(encoding)).strip() == raw.strip()


def test_decode_page_reads_utf16_big_endian_with_bom() -> None:
    raw = codecs.BOM_UTF16_BE + PARAGRAPH.encode("utf-16-be")
    assert decode_page("a.txt", raw) == PARAGRAPH


def test_decode_page_trusts_declared_charset() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{PARAGRAPH}</p></body></html>'
    assert PARAGRAPH in decode_page("a.html", page.encode("cp1252"))


def test_decode_page_overrides_a_lying_charset() -> None:
    page = f'<html><head><meta charset="utf-8"></head><body><p>{PARAGRAPH * 2}</p></body></html>'
    assert PARAGRAPH in decode_page("a.html", page.encode("cp1252"))


def test_decode_page_normalises_line_ends() -> None:
    assert decode_page("a.txt", b"one line\r\nanother\rthird") == "one line\nanother\nthird"


ENGLISH = (
    "The minister met his counterpart on Monday. Officials said the talks would resume next "
    "week in the capital, and that both sides had agreed to a ceasefire. "
)


@pytest.mark.parametrize("word", ["Israël", "Citroën", "naïve café", "Müller", "São Paulo"])
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_issue_10_western_text_is_not_read_as_baltic_or_central(word: str, encoding: str) -> None:
    text = f"{ENGLISH}{word} was named. {ENGLISH}"  # cp1257 read "Israël" as "Israėl"
    assert decode_page("a.txt", text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Президент встретился с министром иностранных дел в Москве в понедельник.", "cp1251"),
        ("Ο πρωθυπουργός συναντήθηκε με τον υπουργό Εξωτερικών στην Αθήνα σήμερα.", "cp1253"),
    ],
)
def test_other_scripts_keep_their_code_page(text: str, encoding: str) -> None:
    assert decode_page("a.txt", text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_issue_10_utf16_without_a_mark_is_text_not_binary(encoding: str) -> None:
    text = f"{ENGLISH}Israël. " * 3
    assert decode_page("a.txt", text.encode(encoding)) == text
