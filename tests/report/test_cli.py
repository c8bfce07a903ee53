"""`dateline report` writes the report files; `dateline serve` hands uvicorn the server app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from api.toy_store import build_store
from dateline.cli import main


def test_cli_report_writes_markdown_and_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(build_store(tmp_path / "s.duckdb"))
    out = tmp_path / "report"
    assert main(["report", "--store", store, "--out", str(out), "--since", "2024-03-10"]) == 0
    assert "report.html, report.md" in capsys.readouterr().out
    text = (out / "report.md").read_text()
    assert "Period: 2024-03-10 to 2024-03-19 (10 days)" in text
    assert main(["report", "--store", store, "--out", str(out), "--since", "2024-03",
                 "--until", "2024-03"]) == 0  # fmt: skip
    assert "Period: 2024-03-01 to 2024-03-31 (31 days)" in (out / "report.md").read_text()
    assert '<time datetime="2024-03-31">' in (out / "report.html").read_text()
    assert sorted(p.name for p in out.glob("*.png")) == [
        "escalation.png", "network.png", "top_dyads.png", "types_per_day.png",
    ]  # fmt: skip


def test_cli_report_without_a_store_exits_1(tmp_path: Path) -> None:
    assert main(["report", "--store", str(tmp_path / "none.duckdb")]) == 1


def test_cli_serve_runs_uvicorn_on_the_server_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []

    def run(app: FastAPI, **options: Any) -> None:  # stands in for uvicorn: no port is bound
        calls.append({"app": app, **options})

    monkeypatch.setattr("uvicorn.run", run)
    store = str(build_store(tmp_path / "s.duckdb"))
    assert main(["serve", "--store", store, "--port", "8123"]) == 0
    [call] = calls
    assert (call["host"], call["port"]) == ("127.0.0.1", 8123)
    assert {"/incidents", "/summary"} <= set(call["app"].openapi()["paths"])
