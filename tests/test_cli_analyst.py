"""The analyst's CLI (#11): --version, newest-first limited lists, dates as months and spans,
and a clear one-line error with a non-zero exit for ordinary mistakes, never a traceback."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest

from dateline.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api.toy_store import build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_store(tmp_path_factory.mktemp("store") / "s.duckdb"))


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("dateline 0.")


def _events(store: str, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, str]]:
    assert main(["events", "--store", store, "--format", "json", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_events_are_newest_first_limited_and_sortable(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    days = [e["earliest"] for e in _events(store, capsys)]
    assert days == sorted(days, reverse=True)
    assert len(days) == 5
    assert len(_events(store, capsys, "--limit", "2")) == 2
    lowest = _events(store, capsys, "--sort=goldstein", "--limit", "1")
    assert lowest[0]["goldstein"] == -10.0


def test_events_take_months_and_every_filter(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(_events(store, capsys, "--since", "2024-03", "--until", "2024-03")) == 4
    assert len(_events(store, capsys, "--since", "2019", "--until", "2019")) == 1
    assert len(_events(store, capsys, "--dyad", "Westmark,Eastmark", "--country", "XEA")) == 1
    assert _events(store, capsys, "--modality", "negated") == []


def test_table_output_is_a_rich_table_with_a_count(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--store", store, "--limit", "2"]) == 0
    captured = capsys.readouterr()
    assert "(2 rows)" in captured.out
    assert "5 events in all" in captured.err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["events", "--type", "BOMB"], "no such PLOVER type"),
        (["events", "--actor", "Atlantis"], "no stored actor"),
        (["events", "--dyad", "Westmark,Atlantis"], "no stored actor"),
        (["timeline", "--dyad", "Atlantis,Westmark"], "no stored actor"),
        (["events", "--since", "2024-03-10", "--until", "2024-03-01"], "ends before it begins"),
        (["events", "--sort", "colour"], "no such sort"),
    ],
)
def test_mistakes_exit_2_with_one_line(
    store: str, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    assert main([*args, "--store", store]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err


def test_a_bad_date_is_a_usage_error(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["events", "--since", "last tuesday", "--store", store])
    assert exited.value.code == 2
    assert "a month (2024-01)" in capsys.readouterr().err


def test_missing_store_and_missing_folder_exit_non_zero(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--store", str(tmp_path / "none.duckdb")]) != 0
    out = tmp_path / "no" / "such" / "out.jsonl"
    assert main(["export", "--format", "jsonl", str(out), "--store", store]) == 2
    err = capsys.readouterr().err
    assert "create it first" in err
    assert "Traceback" not in err


def test_serve_on_a_busy_port_says_so(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--store", store, "--port", str(port)]) == 2
    assert "pick another with --port" in capsys.readouterr().err


def test_ingest_of_a_missing_path_exits_2_before_opening_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "s.duckdb"
    assert main(["ingest", str(tmp_path / "no-such-dir"), "--store", str(store)]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not store.exists()


def test_reread_reports_progress_against_the_total(tmp_path: Path) -> None:
    from dateline.batch.reread import reread
    from dateline.store import Store

    seen: list[tuple[int, int]] = []

    def note(done: int, total: int) -> None:
        seen.append((done, total))

    with Store(build_store(tmp_path / "s.duckdb")) as store:
        report = reread(store, (), on_progress=note)
    assert seen[-1] == (3, 3)
    assert report.articles == 3


def test_incidents_are_newest_first_and_sort_by_reports(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["incidents", "--store", store, "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["earliest"] for r in rows] == sorted((r["earliest"] for r in rows), reverse=True)
    assert main(["incidents", "--store", store, "--format", "json", "--sort=-reports",
                 "--limit", "1", "--type", "ASSAULT"]) == 0  # fmt: skip
    [top] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (top["reports"], top["place_name"]) == (2, "Westmark")


@pytest.mark.parametrize("args", [["events", "--limit", "-5"], ["actors", "--limit", "0"],
                                  ["report", "--days", "x"]])  # fmt: skip
def test_a_count_below_one_is_a_usage_error(
    store: str, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*args, "--store", store])
    assert exited.value.code == 2
    assert "a whole number of 1 or more" in capsys.readouterr().err
