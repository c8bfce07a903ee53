"""The API answers while an ingest writes the same store (issue #10, store/gate.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.store import Store

PAGES = 24
_INGEST = """
import sys, time
from batch_toy import TOY_STAGES
from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.pipeline import stage
from dateline.store import Store

@stage(needs={"article"}, fills=set())
def slowly(reading):
    time.sleep(0.05)  # as a real reading takes a while: the test asks the API meanwhile
    return reading

print("opening", flush=True)
with Store(sys.argv[2]) as store:
    options = IngestOptions(stages=(*TOY_STAGES, slowly), chunk=2)
    ingest([sys.argv[1]], store, options=options, settings=Settings())
"""


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for n in range(PAGES):
        (folder / f"page{n}.html").write_text(
            f"<p>Published 2024-03-0{n % 9 + 1}</p><p>Report {n}. Alpha{n} attacked "
            f"Beta{n} on 2024-03-0{n % 9 + 1}.</p>", encoding="utf-8",
        )  # fmt: skip
    return folder


def test_the_api_answers_while_an_ingest_writes_the_store(tmp_path: Path) -> None:
    corpus, store = _corpus(tmp_path / "news"), tmp_path / "s.duckdb"
    Store(store).close()  # an empty store, as after a first run: the server is up first
    client = TestClient(create_app(store))
    assert client.get("/health").json()["articles"] == 0
    batch = Path(__file__).parent.parent / "batch"  # batch_toy's toy pipeline
    ingest = subprocess.Popen(
        [sys.executable, "-c", _INGEST, str(corpus), str(store)],
        env={**os.environ, "PYTHONPATH": str(batch)}, stderr=subprocess.PIPE,
    )  # fmt: skip
    seen: list[int] = []
    while ingest.poll() is None:
        health = client.get("/health")
        assert health.status_code == 200, health.text
        seen.append(health.json()["articles"])
        assert client.get("/articles", params={"limit": 5}).status_code == 200
    _, err = ingest.communicate()
    assert ingest.returncode == 0, err.decode()
    assert seen == sorted(seen)  # every answer a committed state, never one rolled back
    assert any(0 < n < PAGES for n in seen), seen  # answers came from mid-ingest
    assert client.get("/health").json()["articles"] == PAGES


def test_an_ingest_starts_while_the_server_reads(tmp_path: Path) -> None:
    corpus, store = _corpus(tmp_path / "news"), tmp_path / "s.duckdb"
    Store(store).close()
    batch = Path(__file__).parent.parent / "batch"
    with Store(store, read_only=True):  # a request in flight as the ingest starts
        ingest = subprocess.Popen(
            [sys.executable, "-c", _INGEST, str(corpus), str(store)],
            env={**os.environ, "PYTHONPATH": str(batch)},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert ingest.stdout is not None
        assert ingest.stdout.readline() == b"opening\n"
        time.sleep(1.0)
        assert ingest.poll() is None  # it waits for the reader instead of failing
    _, err = ingest.communicate(timeout=120)
    assert ingest.returncode == 0, err.decode()
    with Store(store, read_only=True) as done:
        assert done.count("articles") == PAGES
