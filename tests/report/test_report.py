"""The situation report: its period and judgements, its Markdown and HTML, and PNG figures
that are really drawn and fit the period (#11)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from matplotlib import dates as mdates

from api.toy_store import build_store
from dateline.analytics import Scope
from dateline.reading import PLOVER_TYPES
from dateline.report import (
    PLOTS,
    build_report,
    render_html,
    render_markdown,
    render_png,
    write_report,
)
from dateline.report.plots import plover_colours
from dateline.store import Store

PNG = b"\x89PNG\r\n\x1a\n"
# Ten days with the talks and the rockets, against the ten before with the shelling.
LATE_MARCH = Scope(since=date(2024, 3, 11), until=date(2024, 3, 20))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = build_store(tmp_path_factory.mktemp("store") / "s.duckdb")
    with Store(path, read_only=True) as opened:
        yield opened


def test_build_report_counts_incidents_not_reports(store: Store) -> None:
    report = build_report(store)
    assert report.summary.events == 5
    assert report.incidents == 3  # two reports of one shelling are one; 2019 is not in it
    assert report.type_totals == (("ASSAULT", 2), ("CONSULT", 1))
    assert {(e.source, e.target, e.incidents) for e in report.top_dyads} == {
        ("Eastmark", "Westmark", 1),
        ("Westmark", "Eastmark", 1),
        ("Riverland", "Eastmark", 1),
    }


def test_an_open_period_is_the_last_30_days_to_the_latest_incident(store: Store) -> None:
    period = build_report(store).period
    assert period is not None
    assert (period.since, period.until, period.days) == (date(2024, 2, 19), date(2024, 3, 19), 30)
    assert (period.previous.since, period.previous.until) == (date(2024, 1, 20), date(2024, 2, 18))
    since_only = build_report(store, Scope(since=date(2024, 3, 10))).period
    assert since_only is not None
    assert (since_only.since, since_only.until) == (date(2024, 3, 10), date(2024, 3, 19))
    assert build_report(store, Scope(actor="Nobodyland")).period is None


def test_build_report_weekly_escalation_is_minus_mean_goldstein(store: Store) -> None:
    weeks = build_report(store).escalation
    assert [(w.start, w.incidents, w.index) for w in weeks] == [
        (date(2024, 3, 4), 1, 10.0),
        (date(2024, 3, 18), 2, 4.5),  # (-10 + 1) / 2 = -4.5
    ]


def test_build_report_scope_filters_dates_and_actor(store: Store) -> None:
    report = build_report(store, Scope(since=date(2024, 3, 10), actor="riverland"))
    assert report.incidents == 1
    assert [line.type for line in report.lines] == ["CONSULT"]
    assert build_report(store, Scope(until=date(2024, 3, 1))).types_per_day == ()


def test_judgements_compare_with_the_period_before(store: Store) -> None:
    report = build_report(store, LATE_MARCH)
    texts = [j.text for j in report.judgements]
    assert texts == [
        "2 incidents from 2024-03-11 to 2024-03-20, against 1 in the 10 days before "
        "(2024-03-01 to 2024-03-10; +100%).",
        "The escalation index (minus the mean Goldstein score) fell from +10.0 to +4.5.",
        "More frequent than before: CONSULT 0 → 1.",
        "Busiest dyads: Riverland → Eastmark 1 (new); Westmark → Eastmark 1 (new).",
        "In no earlier incident: Riverland.",
    ]
    listed = {line.id for line in report.lines}
    assert all(set(j.cites) <= listed for j in report.judgements)
    assert all(j.cites for j in report.judgements)


class _Links(HTMLParser):
    """Collects ids, links and <time> values, and which links sit inside which incident."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.times: list[str] = []
        self.incident_links: dict[str, list[str]] = {}
        self._incident: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "li" and str(found.get("id", "")).startswith("incident-"):
            self._incident = str(found["id"])
            self.incident_links[self._incident] = []
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
            if self._incident and not str(found["href"]).startswith("#"):
                self.incident_links[self._incident].append(str(found["href"]))
        if tag == "time":
            self.times.append(str(found["datetime"]))


def test_html_report_cites_incidents_that_link_to_their_articles(store: Store) -> None:
    report = build_report(store, LATE_MARCH)
    page = _Links()
    page.feed(render_html(report, {"network": "network.png"}))
    assert page.times[:4] == ["2024-03-11", "2024-03-20", "2024-03-01", "2024-03-10"]
    anchors = [link for link in page.links if link.startswith("#")]
    assert anchors
    assert all(anchor[1:] in page.ids for anchor in anchors)  # every citation resolves
    assert set(page.incident_links) == {f"incident-{line.id}" for line in report.lines}
    for line in report.lines:
        links = page.incident_links[f"incident-{line.id}"]
        assert links == [a.url for a in line.articles]
        assert all(link.startswith("https://") for link in links)
    html = render_html(report)
    assert "Harbour Post" in html
    assert "Envoys of Riverland met Eastmark" in html


def test_render_markdown_quotes_sentences_and_links_figures(store: Store) -> None:
    text = render_markdown(build_report(store), {"network": "network.png"})
    assert text.startswith("# Situation report\n\nPeriod: 2024-02-19 to 2024-03-19 (30 days)")
    assert "> Villages of Westmark came under shelling" not in text  # the first report is cited
    assert "> Eastmark shelled border villages of Westmark on Monday" in text
    assert "2 reports in 2 stories" in text
    assert "[Eastmark shelled border villages of West](https://easternwire.example/" in text
    assert "](network.png)" in text
    assert "](escalation.png)" not in text  # only the figures given are linked


def test_write_report_writes_html_markdown_and_non_empty_pngs(store: Store, tmp_path: Path) -> None:
    paths = write_report(build_report(store), tmp_path / "out")
    assert [p.name for p in paths] == ["report.html", "report.md", *(f"{n}.png" for n in PLOTS)]
    for png in paths[2:]:
        data = png.read_bytes()
        assert data.startswith(PNG)
        assert len(data) > 5_000, f"{png.name} looks blank"
        assert f"]({png.name})" in paths[1].read_text()
        assert f'src="{png.name}"' in paths[0].read_text()


@pytest.mark.parametrize("name", ["types_per_day", "escalation"])
def test_time_plots_fit_the_period(store: Store, name: str) -> None:
    report = build_report(store, Scope(since=date(2024, 3, 1), until=date(2024, 3, 31)))
    low, high = PLOTS[name](report).axes[0].get_xlim()
    assert mdates.num2date(low).date() >= date(2024, 2, 26)  # the Monday of the first week
    assert mdates.num2date(high).date() <= date(2024, 4, 2)


def test_plots_of_an_empty_scope_still_draw_a_figure(store: Store) -> None:
    report = build_report(store, Scope(actor="Nobodyland"))
    empty = render_png(PLOTS["network"](report))
    full = render_png(PLOTS["network"](build_report(store)))
    assert empty.startswith(PNG)
    assert len(empty) < len(full)  # a message, not a network


def test_every_plover_type_has_one_colour_shared_with_the_dashboard() -> None:
    colours = plover_colours()
    assert set(colours) == set(PLOVER_TYPES)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours.values())
    assert len(set(colours.values())) == len(colours)


def test_only_web_addresses_become_links(tmp_path: Path) -> None:
    with Store(build_store(tmp_path / "s.duckdb")) as store:
        store.con.execute("UPDATE articles SET url = 'javascript:alert(1)' "
                          "WHERE publisher = 'Harbour Post'")  # fmt: skip
        store.con.execute("UPDATE articles SET url = 'https://x.example/a (b)' "
                          "WHERE publisher = 'River Times'")  # fmt: skip
        report = build_report(store, LATE_MARCH)
        earlier = build_report(store)
    html, markdown = render_html(report), render_markdown(report)
    assert 'href="javascript:' not in html
    assert "](javascript:" not in markdown
    assert "javascript:alert(1)" in html  # still shown, as text
    assert "(https://x.example/a%20%28b%29)" in render_markdown(earlier)
