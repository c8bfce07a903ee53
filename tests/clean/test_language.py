"""The language detector (clean/language.py): ISO 639-1 codes, and no error on hostile text."""

from __future__ import annotations

from dateline.clean.language import detect_language

ENGLISH = "Hezbollah rejected the American overtures on Tuesday, officials in Beirut said."
HEBREW = "הממשלה הודיעה ביום שלישי על סנקציות חדשות נגד רוסיה, כך מסר דובר."


def test_detects_english_and_gives_current_codes() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(HEBREW) == "he"  # CLD2 says "iw", withdrawn in 1989


def test_too_short_is_unknown() -> None:
    assert detect_language("Beirut") is None


def test_control_characters_and_lone_surrogates_do_not_stop_it() -> None:
    # CLD2 refuses both as invalid UTF-8; a page decoded with surrogateescape carries them.
    hostile = ENGLISH.replace(" ", " \x85\x01\udcff ")
    assert detect_language(hostile) == "en"
