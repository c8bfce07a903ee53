"""The package's public face: __all__, the record model's JSON round-trip, the wiring check."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import dateline
from dateline.errors import PipelineError
from dateline.pipeline import Pipeline, stage
from dateline.reading import (
    Actor,
    Article,
    Event,
    Interval,
    Mention,
    Published,
    Reading,
    Time,
    from_json,
    to_dict,
    to_json,
)


def test_public_api_is_exactly_the_documented_names() -> None:
    assert sorted(dateline.__all__) == ["Pipeline", "Reading", "read", "read_many"]


def _sample_reading() -> Reading:
    text = "Israel struck Beirut on Tuesday."
    article = Article(
        id="abc", source="t.txt", headline="Israel struck Beirut", body=text, text=text,
        published=Published(earliest=date(2024, 1, 17), latest=date(2024, 1, 18), basis="inferred"),
    )  # fmt: skip
    israel = Actor(id="a1", name="Israel", type="state", country="ISR",
                   mentions=(Mention(text="Israel", start=0, end=6),))  # fmt: skip
    event = Event(
        id="e1", type="ASSAULT", cameo="190", goldstein=-10.0, plover_score=None,
        source="a1", target=None, modality="asserted",
        evidence=Mention(text=text, start=0, end=len(text)),
        date=Interval(earliest=date(2024, 1, 16), latest=date(2024, 1, 16)),
    )  # fmt: skip
    when = Time(text="on Tuesday", earliest=date(2024, 1, 16), latest=date(2024, 1, 16),
                start=21, end=31)  # fmt: skip
    return Reading(source="t.txt", text=text, article=article, actors=(israel,),
                   events=(event,), times=(when,))  # fmt: skip


def test_reading_json_round_trip_keeps_every_fact() -> None:
    reading = _sample_reading()
    again = from_json(to_json(reading))
    assert again == replace(reading, raw=b"")
    assert to_dict(again)["schema"] == "dateline.reading/1"


def test_reading_json_has_the_contract_keys() -> None:
    data = to_dict(_sample_reading())
    for key in (
        "article",
        "actors",
        "quotes",
        "sources",
        "events",
        "times",
        "places",
        "quantities",
    ):
        assert key in data
    assert data["article"]["published"] == {
        "earliest": "2024-01-17", "latest": "2024-01-18", "basis": "inferred", "evidence": None,
    }  # fmt: skip


def test_pipeline_refuses_a_stage_whose_need_is_unfilled() -> None:
    @stage(needs={"doc"}, fills={"quotes"})
    def find_things(reading: Reading) -> Reading:
        return reading

    with pytest.raises(PipelineError, match=r"find_things.*doc"):
        Pipeline([find_things])


def test_english_only_stage_skips_other_languages_with_a_note() -> None:
    @stage(needs={"raw"}, fills={"actors"}, english_only=True)
    def find_people(reading: Reading) -> Reading:
        raise AssertionError("must not run on German")

    article = Article(id="x", source="de.html", language="de")
    out = Pipeline([find_people]).run(Reading(source="de.html", article=article))
    assert out.notes == (
        "find_people: skipped, the article is in 'de' and this layer reads English only",
    )
