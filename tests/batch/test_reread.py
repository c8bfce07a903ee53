"""Re-reading the store after the code changed reports events added, changed and removed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from batch_toy import TOY_STAGES, toy_events

from dateline.batch import IngestOptions, ingest
from dateline.batch.reread import reread
from dateline.config import Settings
from dateline.pipeline import stage
from dateline.reading import Interval, Reading
from dateline.store import Store

PAGE = (
    "<p>Published 2024-03-09</p><p>Alpha attacked Beta on 2024-03-08. Gamma attacked Delta "
    "on 2024-03-07. Witnesses described the scene to reporters at length afterwards.</p>"
)


@stage(needs={"text"}, fills={"actors", "events"})
def newer_events(reading: Reading) -> Reading:
    """The 'new code': drops Gamma's event and dates Alpha's a day earlier."""
    coded = toy_events(reading)
    kept = []
    for event in coded.events:
        if event.source == "a1":
            kept.append(
                replace(event, date=Interval(earliest=date(2024, 3, 7), latest=date(2024, 3, 7)))
            )
        elif "Gamma" not in event.evidence.text:
            kept.append(event)
    return replace(coded, events=tuple(kept))


def test_reread_reports_changed_and_removed_events_and_updates_the_store(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE)
    with Store(tmp_path / "s.duckdb") as store:
        ingest(
            [str(tmp_path / "a.html")],
            store,
            options=IngestOptions(stages=TOY_STAGES),
            settings=Settings(),
        )
        assert store.count("events") == 2
        report = reread(store, (*TOY_STAGES[:2], newer_events))
        assert report.articles == 1
        assert (report.count("added"), report.count("changed"), report.count("removed")) == (
            0,
            1,
            1,
        )
        assert store.query("SELECT earliest FROM events").rows == ((date(2024, 3, 7),),)
        again = reread(store, (*TOY_STAGES[:2], newer_events))
        assert again.changes == ()
        back = reread(store, TOY_STAGES)
        assert (back.count("added"), back.count("changed")) == (1, 1)
