"""The situation report: its data, its Markdown, and PNG figures that are really drawn."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from api.toy_store import build_store
from dateline.report import PLOTS, build_report, render_markdown, render_png, write_report
from dateline.store import Store

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = build_store(tmp_path_factory.mktemp("store") / "s.duckdb")
    with Store(path, read_only=True) as opened:
        yield opened


def test_build_report_counts_incidents_not_reports(store: Store) -> None:
    report = build_report(store)
    assert report.summary.events == 5
    assert report.incidents == 4  # two reports of one shelling are one incident
    assert report.type_totals == (("ASSAULT", 2), ("CONSULT", 1))  # background left out
    assert {(e.source, e.target, e.incidents) for e in report.top_dyads} == {
        ("Eastmark", "Westmark", 1),
        ("Westmark", "Eastmark", 1),
        ("Riverland", "Eastmark", 1),
    }


def test_build_report_weekly_escalation_is_minus_mean_goldstein(store: Store) -> None:
    weeks = build_report(store).escalation
    assert [(w.start, w.incidents, w.index) for w in weeks] == [
        (date(2024, 3, 4), 1, 10.0),
        (date(2024, 3, 18), 2, 4.5),  # (-10 + 1) / 2 = -4.5
    ]


def test_build_report_scope_filters_dates_and_actor(store: Store) -> None:
    report = build_report(store, since=date(2024, 3, 10), actor="riverland")
    assert report.incidents == 1
    assert [r[1] for r in report.recent.rows] == ["CONSULT"]
    assert build_report(store, until=date(2024, 3, 1)).types_per_day == ()


def test_render_markdown_quotes_sentences_and_links_figures(store: Store) -> None:
    text = render_markdown(build_report(store), {"network": "network.png"})
    assert text.startswith("# Situation report")
    assert "> Villages of Westmark came under shelling" not in text  # the first report is cited
    assert "> Eastmark shelled border villages of Westmark on Monday" in text
    assert "2 reports in 2 stories" in text
    assert "(background)" in text
    assert "](network.png)" in text
    assert "](escalation.png)" not in text  # only the figures given are linked


def test_write_report_writes_markdown_and_non_empty_pngs(store: Store, tmp_path: Path) -> None:
    paths = write_report(build_report(store), tmp_path / "out")
    assert [p.name for p in paths] == ["report.md", *(f"{n}.png" for n in PLOTS)]
    for png in paths[1:]:
        data = png.read_bytes()
        assert data.startswith(PNG)
        assert len(data) > 5_000, f"{png.name} looks blank"
        assert f"]({png.name})" in paths[0].read_text()


def test_plots_of_an_empty_scope_still_draw_a_figure(store: Store) -> None:
    report = build_report(store, actor="Nobodyland")
    empty = render_png(PLOTS["network"](report))
    full = render_png(PLOTS["network"](build_report(store)))
    assert empty.startswith(PNG)
    assert len(empty) < len(full)  # a message, not a network
