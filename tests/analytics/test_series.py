"""Series draw an incident on its first day, so they take only incidents dated to within a
week; listings keep the rest (#11)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from api.toy_store import build_store
from dateline.analytics import Scope, find_incidents
from dateline.analytics.report_data import escalation, types_per_day
from dateline.store import Store


def test_an_incident_known_only_to_a_month_is_listed_but_not_drawn(tmp_path: Path) -> None:
    with Store(build_store(tmp_path / "s.duckdb")) as store:
        before = [(d.day, d.type) for d in types_per_day(store)]
        assert (date(2024, 3, 19), "ASSAULT") in before
        store.con.execute(  # the rockets, now dated only "in March"
            "UPDATE incidents SET earliest = DATE '2024-03-01', latest = DATE '2024-03-31' "
            "WHERE earliest = DATE '2024-03-19'"
        )
        after = [(d.day, d.type) for d in types_per_day(store)]
        assert after == [d for d in before if d != (date(2024, 3, 19), "ASSAULT")]
        assert sum(w.incidents for w in escalation(store)) == len(after)
        listed = find_incidents(store, Scope(since=date(2024, 3, 15))).result
        assert "month" in [row[listed.columns.index("precision")] for row in listed.rows]
