"""The events lexicon and code tables load and agree with the CAMEO and PLOVER sources."""

from __future__ import annotations

from itertools import pairwise

from dateline.events.lexicon import code_info, load_codes, load_lexicon, load_plover_scores
from dateline.reading import PLOVER_TYPES


def test_load_codes_fine_codes_have_labels_and_scores() -> None:
    assassinate = code_info("186")
    assert assassinate is not None
    assert (assassinate.type, assassinate.label, assassinate.goldstein) == (
        "ASSAULT", "assassinate", -10.0,
    )  # fmt: skip
    aerial = code_info("195")
    assert aerial is not None
    assert aerial.label == "employ aerial weapons"


def test_code_info_falls_back_to_the_parent_code() -> None:
    unknown_leaf = code_info("1959")
    assert unknown_leaf is not None
    assert unknown_leaf.code == "195"


def test_load_codes_statements_and_appeals_have_no_plover_type() -> None:
    codes = load_codes()
    assert codes["010"].type == ""
    assert codes["020"].type == ""
    assert {c.type for c in codes.values()} - {""} <= set(PLOVER_TYPES)


def test_load_plover_scores_cover_every_type_and_disagree_with_goldstein() -> None:
    scores = load_plover_scores()
    assert set(scores) == set(PLOVER_TYPES)
    reject = code_info("12")
    assert reject is not None
    assert scores["REJECT"] == -4.2  # PLOVER manual; CAMEO 12 is -4.0
    assert scores["REJECT"] != reject.goldstein


def test_load_lexicon_has_verbs_nouns_and_adjectives() -> None:
    lexicon = load_lexicon()
    assert ("assassinate", "VERB") in lexicon
    assert lexicon[("airstrike", "NOUN")][0].code == "195"
    assert lexicon[("open", "ADJ")][0].words == (frozenset({"to"}),)


def test_load_lexicon_most_specific_entry_first() -> None:
    kill = load_lexicon()[("kill", "VERB")]
    assert "186" in [e.code for e in kill]
    assert kill[-1].words == ()
    assert all(len(a.words) >= len(b.words) for a, b in pairwise(kill))
