"""The GOLD.md scorer on a small reading and gold file written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from dateline.evaluation import interval_right, score_reading
from dateline.evaluation.diagnose import diagnose_events
from dateline.evaluation.score import LayerScore
from dateline.evaluation.textmatch import normalize, texts_overlap
from dateline.reading import (
    Actor,
    Article,
    Caption,
    Dateline,
    Event,
    Interval,
    Mention,
    Place,
    Published,
    Quantity,
    Quote,
    Reading,
    Source,
    Speaker,
    Time,
)

HEADLINE = "Rebels reject ceasefire offer"
BODY = (
    "The rebel front rejected the government's offer on Monday, two aides said.\n\n"
    "“We will not lay down our arms,” rebel commander Ana Ruiz told reporters in Tumaco."
)
TEXT = f"{HEADLINE}\n\nA soldier stands guard. Photo: Agency/Jo Doe\n\n{BODY}"


def _at(fragment: str) -> Mention:
    start = TEXT.index(fragment)
    return Mention(text=fragment, start=start, end=start + len(fragment))


def _reading() -> Reading:
    caption = _at("A soldier stands guard.")
    article = Article(
        id="t", source="t.txt", headline=HEADLINE, body=BODY, text=TEXT, byline=("Jo Writer",),
        dateline=Dateline(place="TUMACO", wire="Agency"),
        captions=(Caption(text=caption.text, credit="Agency/Jo Doe", start=caption.start,
                          end=caption.end),),
        published=Published(earliest=date(2024, 3, 5), latest=date(2024, 3, 6), basis="inferred"),
    )  # fmt: skip
    rebels = Actor(id="a1", name="Rebel Front", type="armed_group", country="COL",
                   mentions=(_at("The rebel front"),))  # fmt: skip
    ruiz = Actor(
        id="a2", name="Ana Ruiz", type="person", country="COL", mentions=(_at("Ana Ruiz"),)
    )
    government = Actor(id="a3", name="Colombia", type="state", country="COL",
                       mentions=(_at("government"),))  # fmt: skip
    said = _at("We will not lay down our arms")
    quote = Quote(id="q1", text=said.text, direct=True, cue="told", start=said.start, end=said.end,
                  speaker=Speaker(text="rebel commander Ana Ruiz", actor="a2", kind="named",
                                  affiliation="COL", count=1))  # fmt: skip
    aides = _at("two aides")
    source = Source(id="s1", text=aides.text, kind="anonymous", count=2, affiliation=None,
                    start=aides.start, end=aides.end)  # fmt: skip
    sentence = _at("The rebel front rejected the government's offer on Monday")
    event = Event(id="e1", type="REJECT", cameo="125", goldstein=-5.0, plover_score=None,
                  source="a1", target="a3", modality="asserted", evidence=sentence,
                  date=Interval(earliest=date(2024, 3, 4), latest=date(2024, 3, 4)))  # fmt: skip
    monday = _at("on Monday")
    when = Time(text=monday.text, earliest=date(2024, 3, 4), latest=date(2024, 3, 4),
                start=monday.start, end=monday.end)  # fmt: skip
    tumaco = Place(id="p1", name="Tumaco", country="COL", lat=1.8, lon=-78.76,
                   mentions=(_at("Tumaco"),))  # fmt: skip
    two = Quantity(text=aides.text, value=2, unit="aides", start=aides.start, end=aides.end)
    return Reading(source="t.txt", text=TEXT, article=article, actors=(rebels, ruiz, government),
                   quotes=(quote,), sources=(source,), events=(event,), times=(when,),
                   places=(tumaco,), quantities=(two,))  # fmt: skip


def _gold() -> dict[str, Any]:
    return {
        "article": {
            "headline": HEADLINE, "dateline": {"place": "TUMACO", "wire": "Agency"},
            "byline": ["Jo Writer"],
            "published": {"earliest": "2024-03-05", "latest": "2024-03-05"},
            "captions": [{"fragment": "A soldier stands guard", "credit": "Agency/Jo Doe"}],
            "body_includes": ["rejected the government's offer"], "body_excludes": ["Photo:"],
        },
        "actors": [
            {"name": "Rebel Front", "type": "armed_group", "country": "COL",
             "aliases": ["the rebel front"]},
            {"name": "Ana Ruiz", "type": "person", "country": "COL", "aliases": ["Ana Ruiz"]},
            {"name": "Colombia", "type": "state", "country": "COL", "aliases": ["government"]},
            {"name": "Ecuador", "type": "state", "country": "ECU", "optional": True},
        ],
        "quotes": [{"fragment": "We will not lay down our arms", "speaker": "Ana Ruiz",
                    "speaker_kind": "named"}],
        "sources": [{"fragment": "two aides", "kind": "anonymous", "count": 2}],
        "events": [{"type": "REJECT", "cameo": "12", "source": "Rebel Front", "target": "Colombia",
                    "modality": "asserted", "evidence": "rejected the government's offer",
                    "date": {"earliest": "2024-03-04", "latest": "2024-03-04"}}],
        "times": [{"fragment": "Monday", "earliest": "2024-03-04", "latest": "2024-03-04"}],
        "places": [{"name": "Tumaco", "country": "COL", "lat": 1.81, "lon": -78.76,
                    "tolerance_km": 10}],
        "quantities": [{"fragment": "two aides", "value": 2, "unit": "aides"}],
    }  # fmt: skip


def _by_layer(reading: Reading, gold: dict[str, Any]) -> dict[str, LayerScore]:
    return {s.layer: s for s in score_reading(reading, gold)}


def test_score_perfect_reading_gets_one_everywhere() -> None:
    scores = _by_layer(_reading(), _gold())
    assert {layer: s.f1 for layer, s in scores.items()} == dict.fromkeys(scores, 1.0)
    assert all(t.value == 1.0 for s in scores.values() for t in s.tallies)


def test_score_optional_gold_item_is_no_miss() -> None:
    actors = _by_layer(_reading(), _gold())["actors"]
    assert (actors.found, actors.gold) == (3, 3)


def test_score_missing_quote_lowers_recall_and_extra_lowers_precision() -> None:
    reading = _reading()
    stray = replace(reading.quotes[0], id="q2", text="lay down")
    scores = _by_layer(replace(reading, quotes=(stray,)), _gold())
    assert scores["quotes"].recall == 0.0
    assert scores["quotes"].precision == 0.0


def test_score_duplicate_prediction_counts_against_precision_in_complete_layers() -> None:
    reading = _reading()
    scores = _by_layer(replace(reading, sources=reading.sources * 2), _gold())
    assert scores["sources"].recall == 1.0
    assert scores["sources"].precision == 0.5


def test_score_event_with_wrong_target_is_found_but_not_full() -> None:
    reading = _reading()
    wrong = replace(reading.events[0], target="a2")
    events = _by_layer(replace(reading, events=(wrong,)), _gold())["events"]
    assert events.found == 1
    assert next(t for t in events.tallies if t.name == "full").right == 0


def test_score_article_checks_caption_kept_out_of_body() -> None:
    reading = _reading()
    article = reading.require_article()
    leaky = replace(article, body=article.body + "\n\nA soldier stands guard. Photo: Agency/Jo Doe")
    score = _by_layer(replace(reading, article=leaky), _gold())["article"]
    assert "caption out of body 'A soldier stands guard'" in score.misses
    assert "body lacks 'Photo:'" in score.misses


def test_score_place_outside_tolerance_is_a_miss() -> None:
    reading = _reading()
    far = replace(reading.places[0], lat=4.0)
    assert _by_layer(replace(reading, places=(far,)), _gold())["places"].found == 0


@pytest.mark.parametrize(
    ("earliest", "latest", "right"),
    [
        (date(2024, 1, 17), date(2024, 1, 18), True),
        (date(2024, 1, 14), date(2024, 1, 17), True),  # 4 days <= 2 * 1 + 2
        (date(2024, 1, 13), date(2024, 1, 17), False),  # 5 days: too vague
        (date(2024, 1, 18), date(2024, 1, 18), False),  # no overlap
        (None, date(2024, 1, 18), False),  # open intervals are never right
    ],
)
def test_interval_right_follows_gold_md(earliest: date, latest: date, right: bool) -> None:
    gold = {"earliest": "2024-01-17", "latest": "2024-01-17"}
    assert interval_right(earliest, latest, gold) is right


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (
            "rejected the government's offer",
            "The rebel front rejected the government’s offer",
            True,
        ),
        ("the rebels rejected the offer on Monday", "rebels rejected offer", True),  # 3 of 3 words
        ("the rebels rejected the offer on Monday", "rebels agreed to talks", False),
        ("the offer", "the rebels rejected the offer", True),  # contained
        ("Monday rejected", "rejected Tuesday", False),  # under three words and not contained
    ],
)
def test_texts_overlap_follows_gold_md(a: str, b: str, overlap: bool) -> None:
    assert texts_overlap(a, b) is overlap
    assert normalize("He said  “it’s\nover”") == 'he said "it\'s over"'


def _event_gold(**changes: Any) -> dict[str, Any]:
    gold = _gold()
    gold["events"] = [{**gold["events"][0], **changes}]
    return gold


def test_score_event_matches_a_co_source_and_a_co_target() -> None:
    reading = _reading()
    event = replace(reading.events[0], source="a2", target="a1", co_sources=("a1",),
                    co_targets=("a3",))  # fmt: skip
    full = _by_layer(replace(reading, events=(event,)), _gold())["events"].tallies[0]
    assert full.right == 1


def test_score_threaten_asserted_counts_as_conditional() -> None:
    reading = _reading()
    event = replace(reading.events[0], type="THREATEN", cameo="138", modality="asserted")
    gold = _event_gold(type="THREATEN", cameo="13", modality="conditional")
    assert _by_layer(replace(reading, events=(event,)), gold)["events"].tallies[0].right == 1
    gold = _event_gold(type="THREATEN", cameo="13", modality="negated")
    assert _by_layer(replace(reading, events=(event,)), gold)["events"].tallies[0].right == 0


def test_score_intended_cooperation_matches_agree_only_when_both_are_intended() -> None:
    reading = _reading()
    event = replace(reading.events[0], type="AGREE", cameo="057", modality="intended")
    gold = _event_gold(type="CONSULT", cameo="04", modality="intended")
    assert _by_layer(replace(reading, events=(event,)), gold)["events"].found == 1
    asserted = replace(event, modality="asserted")
    assert _by_layer(replace(reading, events=(asserted,)), gold)["events"].found == 0


def test_diagnose_events_gives_each_gold_event_its_first_failing_step() -> None:
    reading = _reading()
    event = reading.events[0]
    wrong_target = replace(event, target="a2")
    repeat = replace(wrong_target, id="e2")  # the same act told again in the same sentence
    reading = replace(reading, events=(wrong_target, repeat))
    diagnosis = diagnose_events(reading, _gold())
    assert diagnosis.causes == (("rejected the government's offer", "target"),)
    assert (diagnosis.predicted, diagnosis.duplicates) == (2, 1)
    typed_wrong = replace(reading, events=(replace(event, type="ASSAULT", cameo="190"),))
    assert diagnose_events(typed_wrong, _gold()).causes[0][1] == "type"
    assert diagnose_events(replace(reading, events=()), _gold()).count()["not detected"] == 1
