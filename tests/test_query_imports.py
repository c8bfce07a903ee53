"""Query commands load only what they use (#12): no spaCy, stage code, httpx, rich or datasketch,
nor the reading's dataclasses, pyarrow, package metadata or duckdb's Python layer.

Each command runs in a fresh interpreter, since this test process has loaded them all; the
issue asks a query to answer in under 200 ms, and spaCy alone takes 0.6 s to import; duckdb's
Python layer (store/engine.py) and importlib.metadata take 70 and 15 ms.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from api.toy_store import build_store

HEAVY = (
    "spacy",
    "httpx",
    "rich",
    "datasketch",
    "scipy",
    "pyarrow",
    "duckdb",
    "dateline.actors",
    "dateline.events",
    "dateline.reading",
    "dateline.dedup",
    "importlib.metadata",
)
RUN = """
import json, sys
from dateline.cli import main
main(sys.argv[2:])
heavy = json.loads(sys.argv[1])
under = tuple(h + "." for h in heavy)
print(json.dumps(sorted(m for m in sys.modules if m in heavy or m.startswith(under))))
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_store(tmp_path_factory.mktemp("store") / "s.duckdb"))


@pytest.mark.parametrize(
    "command",
    [["sql", "SELECT 1"], ["events"], ["incidents"], ["actors"], ["timeline", "--dyad",
     "Northland,Southland"], ["summary"]],
)  # fmt: skip
def test_query_command_loads_nothing_heavy(store: str, command: list[str]) -> None:
    argv = [sys.executable, "-c", RUN, json.dumps(HEAVY), *command, "--store", store]
    done = subprocess.run(argv, capture_output=True, text=True, check=True,
                          cwd=Path(__file__).parent)  # fmt: skip
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], f"{command[0]} loaded {loaded[:5]} (of {HEAVY})"
