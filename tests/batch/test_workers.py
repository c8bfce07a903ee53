"""Local worker processes: the same rows as one process, and a kill -9 loses nothing (#12)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from batch_toy import TOY_STAGES

from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.store import Store

TABLES = ("inputs", "articles", "events", "actors", "failures", "incidents", "incident_events")


def _page(n: int) -> str:
    day = f"2024-03-0{n % 9 + 1}"
    return (
        f"<html><body><p>Published {day}</p><p>Report {n}. Country{n % 4} attacked "
        f"Target{n % 3} on {day}. Officials spoke of the damage in district {n}.</p></body></html>"
    )


def _corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"page{n:02}.html").write_text(_page(n), encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    (folder / "copy.html").write_text(_page(3).replace("<p>", "<div>"))  # same text, new bytes
    return folder


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(store.query(f"SELECT * FROM {t}").rows, key=repr) for t in TABLES}


def test_workers_store_the_same_rows_as_one_process(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news", 13)
    dumps, counts = [], []
    for workers in (1, 2):
        options = IngestOptions(stages=TOY_STAGES, workers=workers, chunk=2)
        with Store(tmp_path / f"w{workers}.duckdb") as store:
            counts.append(ingest([str(corpus)], store, options=options, settings=Settings()))
            dumps.append(_dump(store))
    assert counts[0] == counts[1]
    assert (counts[1].read, counts[1].copies, counts[1].failed) == (13, 1, 1)
    assert dumps[0] == dumps[1]


_KILL_SCRIPT = """
import os, signal, sys
from batch_toy import TOY_STAGES
from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.pipeline import stage
from dateline.store import Store

@stage(needs={"article"}, fills=set())
def kill_the_writer_on_page09(reading):
    if reading.source.endswith("page09.html"):  # read in a worker: kill the ingest process
        os.kill(os.getppid(), signal.SIGKILL)  # no cleanup, no rollback: the writer is gone
    return reading

store = Store(sys.argv[2])
options = IngestOptions(stages=(*TOY_STAGES, kill_the_writer_on_page09), chunk=2, workers=2)
ingest([sys.argv[1]], store, options=options, settings=Settings())
"""


def test_kill_9_with_workers_resumes_without_losing_or_doubling(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news", 15)
    store_path = tmp_path / "s.duckdb"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    # Output to files, not pipes: a worker outliving its parent would hold a pipe open and
    # hang the run; the timeout also catches workers that never notice the kill.
    with (tmp_path / "out.txt").open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-c", _KILL_SCRIPT, str(corpus), str(store_path)],
            env=env, stdout=out, stderr=out, timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == -signal.SIGKILL, (tmp_path / "out.txt").read_text()
    with Store(store_path) as store:
        committed = store.count("inputs")
        assert committed < 16  # the kill came before the end
        options = IngestOptions(stages=TOY_STAGES, chunk=2, workers=2)
        counts = ingest([str(corpus)], store, options=options, settings=Settings())
        assert counts.skipped == committed
        assert counts.read + counts.copies + counts.skipped == 16
        assert store.count("inputs") == 16
        assert store.count("articles") == store.count("events") == 15
        linked = store.query("SELECT count(DISTINCT event_id) FROM incident_events").rows
        assert linked[0][0] == 15  # events committed before the kill got their incidents too


_WRITER_ONLY = """
import sys
from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.pipeline import default_stages
from dateline.store import Store

with Store(sys.argv[2]) as store:
    counts = ingest([sys.argv[1]], store, settings=Settings(),
                    options=IngestOptions(stages=default_stages, workers=int(sys.argv[3]),
                                          chunk=2))
assert counts.read > 0, counts
print(sorted(m for m in ("spacy", "datasketch", "scipy") if m in sys.modules))
"""


@pytest.mark.parametrize("workers", [1, 2])
def test_the_writer_of_an_ingest_given_a_builder_imports_no_spacy_nor_datasketch(
    tmp_path: Path, workers: int
) -> None:
    # Given the stages' builder, only the reading processes build the stages, even with one
    # worker: the writer stays 87 MiB lighter (#12 caps every process at 500 MB; one process
    # reading and writing peaked at 529 MiB). The reading processes compute the story
    # signatures too, and the writer matches them without datasketch and scipy (47 MiB more;
    # dedup/stories.py).
    corpus = tmp_path / "news"
    corpus.mkdir()
    for n in range(3):
        text = _page(n).replace(
            "</p></body>", " " + "The talks went on for hours. " * 6 + "</p></body>"
        )
        (corpus / f"page{n}.html").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _WRITER_ONLY, str(corpus), str(tmp_path / "s.duckdb"), str(workers)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
