"""The command line: every command documented, bad input named with exit 2, batches go on."""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from pathlib import Path

import pytest

from dateline.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "tests" / "golden" / "sudan-truce-talks" / "input.html"


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_has_help_ending_in_an_example() -> None:
    for name, sub in _commands().items():
        assert sub.description, f"dateline {name} has no help"
        assert "Example: dateline" in sub.description, f"dateline {name} help shows no example"


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [n for n in _commands() if not re.search(rf"dateline {n}\b", readme)]
    assert not missing, f"commands not in README.md: {missing}"


def test_read_empty_file_names_the_input_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert main(["read", str(empty)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"dateline: {empty}: ")
    assert len(err.splitlines()) == 1


def test_read_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(tmp_path / "nope.html")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_read_binary_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert main(["read", str(binary)]) == 2
    assert str(binary) in capsys.readouterr().err


@pytest.mark.model
def test_read_directory_records_failures_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-story.html").write_bytes(PAGE.read_bytes())
    (tmp_path / "b-empty.txt").write_bytes(b"   \n")
    assert main(["read", str(tmp_path), "--format", "json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["schema"] for line in lines] == ["dateline.reading/1", "dateline.failure/1"]
    assert lines[1]["source"].endswith("b-empty.txt")
    assert lines[1]["error"] == "InputError"


@pytest.mark.model
def test_read_stdin_as_text_summary(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(PAGE.read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["read", "-", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Sudan army rejects RSF truce terms")
    assert "source: <stdin>" in out
