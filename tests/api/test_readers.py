"""POST /read's workers: bounded, timed, and never in the way of the GET routes (issue #10)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.toy_store import build_store
from dateline import cli
from dateline.api import create_app
from dateline.api.guard import Access
from dateline.errors import InputError, PipelineError
from dateline.pipeline import Pipeline, stage
from dateline.reading import Article, Reading

TOKEN = "s3cret"
RIGHT = {"Authorization": f"Bearer {TOKEN}"}
LIMITS = Access(read_token=TOKEN, read_workers=1, read_seconds=1.0, read_wait_s=0.0)


@stage(needs={"raw"}, fills={"article", "text"})
def _as_text(reading: Reading) -> Reading:
    """Read the text as it is; a text asking to be slow or to fail is, like a hostile page."""
    text = reading.raw.decode()
    if text == "slow":
        time.sleep(60)  # far past the limit: only ending the process stops it
    if text == "empty":
        raise InputError(reading.source, "0 words, nothing to read")
    if text == "die":
        os._exit(9)  # as the kernel's OOM killer would end it
    if text == "broken":
        raise PipelineError(f"{reading.source}: cannot load /home/ana/models/model.bin")
    article = Article(id="p", source=reading.source, body=text, text=text)
    return Reading(source=reading.source, text=text, article=article)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "s.duckdb")


@pytest.fixture
def client(store: Path) -> Iterator[TestClient]:
    app = create_app(store, pipeline=Pipeline([_as_text]), access=LIMITS)
    with TestClient(app) as client:  # its exit ends the worker processes
        yield client


def _read(client: TestClient, text: str) -> tuple[int, str]:
    response = client.post("/read", json={"text": text, "source": "t.txt"}, headers=RIGHT)
    return response.status_code, response.text


def test_a_reading_past_the_time_limit_is_stopped_with_504(client: TestClient) -> None:
    started = time.monotonic()
    status, body = _read(client, "slow")
    assert status == 504
    assert "over the limit of 1 s" in body
    assert time.monotonic() - started < 30  # ended, not waited out (it sleeps 60 s)
    assert _read(client, "Talks resumed.")[0] == 200  # a fresh worker took its place


def test_busy_readers_answer_503_and_the_api_answers_meanwhile(client: TestClient) -> None:
    slow = threading.Thread(target=_read, args=(client, "slow"))
    slow.start()
    time.sleep(0.3)  # the one worker is taken
    response = client.post("/read", json={"text": "Talks resumed."}, headers=RIGHT)
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert "busy" in response.json()["detail"]
    started = time.monotonic()
    assert client.get("/health").status_code == 200  # GETs never wait on the readers
    assert time.monotonic() - started < 1.0
    slow.join()


def test_errors_are_one_line_with_the_right_status(client: TestClient) -> None:
    status, body = _read(client, "empty")
    assert status == 422
    assert "t.txt: 0 words" in body
    status, body = _read(client, "broken")
    assert status == 500
    assert "model.bin" in body
    assert "/home/ana" not in body  # the server's paths stay on the server


def test_readings_run_side_by_side_up_to_the_pool(store: Path) -> None:
    access = replace(LIMITS, read_workers=2, read_wait_s=5.0)
    app = create_app(store, pipeline=Pipeline([_as_text]), access=access)
    with TestClient(app) as client:
        assert _read(client, "warm up")[0] == 200
        results: list[int] = []

        def read_one() -> None:
            results.append(_read(client, "a")[0])

        threads = [threading.Thread(target=read_one) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert results == [200] * 4  # two at a time; the others waited for a free worker


def test_a_reader_that_dies_is_a_500_and_the_next_reading_works(client: TestClient) -> None:
    status, body = _read(client, "die")
    assert status == 500
    assert "the reading process died (exit code 9)" in body
    assert _read(client, "Talks resumed.")[0] == 200


def test_serve_flags_set_the_read_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_READ_TOKEN", "t")
    argv = ["serve", "--allow-read", "--read-workers", "3", "--read-seconds", "120"]
    access, token = cli._read_access(cli.build_parser().parse_args(argv))
    assert (token, access.read_workers, access.read_seconds) == ("t", 3, 120.0)
    default, _ = cli._read_access(cli.build_parser().parse_args(["serve", "--allow-read"]))
    assert (default.read_workers, default.read_seconds) == (2, 60.0)
    off, no_token = cli._read_access(cli.build_parser().parse_args(["serve"]))
    assert (off.read_token, no_token) == (None, None)
