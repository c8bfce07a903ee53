"""Golden files: the full reading of each case, compared whole. `make golden` rewrites them.

A case is a folder holding `input.html` (a page written for the tests) or `shared-input.txt`
(a path under ../shared: third-party text we may read but not copy). For the latter the
expected reading keeps every offset, type, date and name but replaces article text by its
digest, so the project holds none of it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from dateline import Pipeline, Reading
from dateline.pipeline import default_pipeline
from dateline.reading import to_dict

HERE = Path(__file__).parent
CASES = sorted(p for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_"))
# Keys whose string values are the article's own words; redacted for third-party inputs.
TEXT_KEYS = frozenset({"text", "body", "headline", "standfirst"})


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return default_pipeline()


def _redact(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _digest(v) if k in TEXT_KEYS and isinstance(v, str) else _redact(v)
                for k, v in value.items()}  # fmt: skip
    if isinstance(value, list):
        return [_redact(v) for v in value]
    return value


def _digest(text: str) -> str:
    return f"sha256:{hashlib.sha256(text.encode()).hexdigest()[:16]} ({len(text)} chars)"


def _load_case(case: Path, shared: Path | None) -> tuple[Reading, bool]:
    if (case / "input.html").is_file():
        return Reading(source=case.name, raw=(case / "input.html").read_bytes()), False
    if shared is None:
        pytest.skip("../shared is absent")
    target = shared / (case / "shared-input.txt").read_text(encoding="utf-8").strip()
    return Reading(source=case.name, raw=target.read_bytes()), True


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path, pipeline: Pipeline, update_golden: bool) -> None:
    shared = HERE.parents[2] / "shared"
    reading, redact = _load_case(case, shared if shared.is_dir() else None)
    data = to_dict(pipeline.run(reading))
    got = json.dumps(_redact(data) if redact else data, ensure_ascii=False, indent=1) + "\n"
    expected = case / "expected.json"
    if update_golden:  # pytest --update-golden (make golden); review the diff like code
        expected.write_text(got, encoding="utf-8")
    assert expected.is_file(), f"no expected reading yet; run make golden: {expected}"
    assert got == expected.read_text(encoding="utf-8"), (
        f"output changed; if right, run make golden: {expected}"
    )
