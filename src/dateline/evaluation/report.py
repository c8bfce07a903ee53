"""Run gold files through the pipeline and report per file and in total."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.api_public import read
from dateline.errors import InputError
from dateline.evaluation.score import LAYERS, LayerScore, Tally, events_full_f1, score_reading

GOLD_SCHEMA = "dateline.gold/1"
DEFAULT_GOLD_DIR = Path("..") / "shared" / "seed"


@dataclass(frozen=True, slots=True, kw_only=True)
class FileScore:
    """The layer scores of one gold file."""

    gold: str
    input: str
    layers: tuple[LayerScore, ...]

    @property
    def mean_f1(self) -> float:
        """Return GOLD.md's headline figure: mean F1 over the layers, events on full matches."""
        return sum(s.f1 for s in headline_layers(self.layers)) / len(LAYERS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """Every file's scores and their sum."""

    files: tuple[FileScore, ...]
    total: tuple[LayerScore, ...]

    @property
    def mean_f1(self) -> float:
        """Return the headline figure over all files (layers summed before F1)."""
        return sum(s.f1 for s in headline_layers(self.total)) / len(LAYERS)


def headline_layers(layers: Sequence[LayerScore]) -> list[LayerScore]:
    """Return the layers as the headline counts them: events replaced by full matches."""
    return [events_full_f1(s) if s.layer == "events" else s for s in layers]


def default_gold_files() -> list[Path]:
    """Return every *.gold.json under ../shared/seed (beside the clone, or beside the cwd)."""
    candidates = (DEFAULT_GOLD_DIR, Path(__file__).resolve().parents[3] / DEFAULT_GOLD_DIR)
    for folder in candidates:
        if folder.is_dir():
            return sorted(folder.glob("*.gold.json"))
    return []


def load_gold(path: Path) -> dict[str, Any]:
    """Return a gold file's content, checked for its schema and input."""
    try:
        gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(str(path), f"cannot read gold file: {err}") from err
    if gold.get("gold") != GOLD_SCHEMA or "input" not in gold:
        raise InputError(str(path), f"not a {GOLD_SCHEMA} file with an 'input'")
    return gold


def input_of(path: Path, gold: dict[str, Any], prefer: str = "html") -> Path:
    """Return the file to read for a gold file: its page's .html where one exists, as a user
    has it, unless `prefer` is "txt" (the text dump the gold's fragments were cut from)."""
    text_dump = path.parent / str(gold["input"])
    page = text_dump.with_suffix(".html")
    return page if prefer == "html" and page.is_file() else text_dump


def evaluate(paths: Sequence[str | Path] = (), *, prefer: str = "html") -> Report:
    """Return the scores of each gold file's input, read by the default pipeline."""
    files = [Path(p) for p in paths] or default_gold_files()
    if not files:
        raise InputError("../shared/seed", "no *.gold.json files to score; name some")
    scored = []
    for path in files:
        gold = load_gold(path)
        source = input_of(path, gold, prefer)
        reading = read(source)
        scored.append(
            FileScore(gold=str(path), input=str(source), layers=score_reading(reading, gold))
        )
    return Report(files=tuple(scored), total=_sum_layers([f.layers for f in scored]))


def _sum_layers(per_file: list[tuple[LayerScore, ...]]) -> tuple[LayerScore, ...]:
    total = []
    for i, layer in enumerate(LAYERS):
        scores = [layers[i] for layers in per_file]
        names = [t.name for t in scores[0].tallies]
        tallies = tuple(
            Tally(
                name=n,
                right=sum(_tally(s, n).right for s in scores),
                total=sum(_tally(s, n).total for s in scores),
            )
            for n in names
        )
        total.append(LayerScore(
            layer=layer, found=sum(s.found for s in scores), gold=sum(s.gold for s in scores),
            correct=sum(s.correct for s in scores), predicted=sum(s.predicted for s in scores),
            tallies=tallies,
        ))  # fmt: skip
    return tuple(total)


def _tally(score: LayerScore, name: str) -> Tally:
    return next(t for t in score.tallies if t.name == name)


def format_report(report: Report, *, show_misses: bool = False) -> str:
    """Return the report as tables a person reads: one per file, then the total."""
    blocks = [_table(f.gold, f.layers, f.mean_f1, show_misses) for f in report.files]
    if len(report.files) > 1:
        blocks.append(_table("total", report.total, report.mean_f1, False))
    return "\n\n".join(blocks)


def _table(title: str, layers: Sequence[LayerScore], mean: float, show_misses: bool) -> str:
    lines = [title, f"{'layer':<14}{'P':>6}{'R':>6}{'F1':>6}  {'found/gold':>10}  accuracy"]
    rows = [*layers, *(events_full_f1(s) for s in layers if s.layer == "events")]
    for s in rows:
        acc = "  ".join(f"{t.name} {t.value:.2f} ({t.right}/{t.total})" for t in s.tallies)
        lines.append(f"{s.layer:<14}{s.precision:>6.2f}{s.recall:>6.2f}{s.f1:>6.2f}  "
                     f"{f'{s.found}/{s.gold}':>10}  {acc}")  # fmt: skip
        if show_misses:
            lines += [f"    missed: {m}" for m in s.misses]
            lines += [f"    extra:  {x}" for x in s.extras]
    lines.append(f"mean F1 over {len(LAYERS)} layers (events on full matches): {mean:.3f}")
    return "\n".join(lines)


def report_to_dict(report: Report) -> dict[str, Any]:
    """Return the report as plain data for `dateline eval --json`."""
    return {
        "files": [
            {
                "gold": f.gold,
                "input": f.input,
                "mean_f1": round(f.mean_f1, 4),
                "layers": {s.layer: _layer_dict(s) for s in f.layers},
            }
            for f in report.files
        ],
        "total": {
            "mean_f1": round(report.mean_f1, 4),
            "layers": {s.layer: _layer_dict(s) for s in report.total},
        },
    }


def _layer_dict(score: LayerScore) -> dict[str, Any]:
    out: dict[str, Any] = {
        "precision": round(score.precision, 4), "recall": round(score.recall, 4),
        "f1": round(score.f1, 4), "found": score.found, "gold": score.gold,
        "correct": score.correct, "predicted": score.predicted,
        "accuracy": {t.name: round(t.value, 4) for t in score.tallies},
    }  # fmt: skip
    if score.layer == "events":
        out["f1_full"] = round(events_full_f1(score).f1, 4)
    if score.misses or score.extras:
        out["misses"], out["extras"] = list(score.misses), list(score.extras)
    return out
