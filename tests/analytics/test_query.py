"""Events, actors and dyad timelines read from a store filled by the toy pipeline."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.analytics import (
    Scope,
    find_actors,
    find_events,
    format_result,
    summarize,
    timeline,
)
from dateline.batch import IngestOptions, ingest
from dateline.cli import main
from dateline.config import Settings
from dateline.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "batch"))
from batch_toy import TOY_STAGES

# Three outlets: two report one raid (days 4 and 5 of March), one reports a later raid.
PAGES = {
    "one.html": "<p>Published 2024-03-04</p><p>Northland attacked Southland on 2024-03-04. "
    "Rockets hit a depot near the border crossing, officials said.</p>",
    "two.html": "<p>Published 2024-03-05</p><p>Northland attacked Southland on 2024-03-05. "
    "A border depot was hit by rockets, a spokesman said on Tuesday.</p>",
    "three.html": "<p>Published 2024-03-20</p><p>Northland attacked Southland on 2024-03-20. "
    "Drones struck a power station far from the front.</p>",
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    for name, html in PAGES.items():
        (tmp_path / name).write_text(html)
    opened = Store(tmp_path / "s.duckdb")
    ingest([str(tmp_path)], opened, options=IngestOptions(stages=TOY_STAGES), settings=Settings())
    yield opened
    opened.close()


def test_find_events_filters_by_actor_type_and_dates(store: Store) -> None:
    def count(**scope: Any) -> int:
        return len(find_events(store, Scope(**scope)).result.rows)

    assert count() == 3
    assert count(actor="south") == 3
    assert count(actor="Eastland") == 0
    assert count(type="reject") == 0
    assert count(since=date(2024, 3, 10)) == 1
    assert count(until=date(2024, 3, 4)) == 1


def test_timeline_counts_an_incident_once_on_its_first_day(store: Store) -> None:
    days = timeline(store, "southland", "Northland")  # either direction, any case
    assert [(d.day, d.incidents, d.reports) for d in days] == [
        (date(2024, 3, 4), 1, 2),
        (date(2024, 3, 20), 1, 1),
    ]
    assert days[0].goldstein == -10.0


def test_summary_and_actors_count_articles(store: Store) -> None:
    summary = summarize(store)
    assert (summary.articles, summary.stories, summary.events, summary.incidents) == (3, 3, 3, 2)
    assert summary.top_dyads == (("Northland", "Southland", 2),)
    assert find_actors(store).rows[0][:4] == ("Northland", "state", None, 3)


def test_format_result_writes_table_json_and_csv(store: Store) -> None:
    result = store.query("SELECT name, count(*) AS n FROM actors GROUP BY name ORDER BY name")
    assert format_result(result, "csv") == "name,n\nNorthland,3\nSouthland,3"
    assert json.loads(format_result(result, "json").splitlines()[0]) == {
        "name": "Northland",
        "n": 3,
    }
    assert format_result(result, "table").splitlines()[-1] == "(2 rows)"


def test_cli_store_commands_print_from_the_store(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(store.path)
    store.close()
    assert main(["timeline", "--dyad", "Northland,Southland", "--store", path]) == 0
    assert "2024-03-04" in capsys.readouterr().out
    assert (
        main(["sql", "SELECT count(*) AS n FROM incidents", "--store", path, "--format", "csv"])
        == 0
    )
    assert capsys.readouterr().out == "n\n2\n"
    assert main(["timeline", "--dyad", "Northland", "--store", path]) == 2
    assert main(["events", "--actor", "North", "--format", "json", "--store", path]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
