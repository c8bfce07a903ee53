"""TempEval-3 time expressions: dateline's times layer beside HeidelTime, on the same gold.

    .venv/bin/python benchmarks/tempeval.py [--limit N] [--set platinum|timebank|aquaint]
        [--show-errors]

../shared/eval/tempeval3 (see its SOURCE.md): TimeML documents with TIMEX3 gold. As in
TempEval-3 task A, each document's text is read from raw, with its creation time (the DCT
TIMEX3) given as the reference day. Scores, as the TE3 scorer defines them: strict extent
F1 (same characters), relaxed extent F1 (overlap), and value F1 (an overlapping match with
the same normalised value). The benchmark scores every expression the tagger finds,
including those the reading leaves out ("now", "a 7-day truce"; see times/stage.py).
Published on te3-platinum (UzZaman et al. 2013, table 3): HeidelTime strict 81.34,
relaxed 90.30, value 77.61, the best value F1 of the task.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "tempeval3"
SETS = {
    "platinum": "te3-platinum",
    "timebank": "TBAQ-cleaned/TimeBank",
    "aquaint": "TBAQ-cleaned/AQUAINT",
}
HEIDELTIME = {"strict": 81.34, "relaxed": 90.30, "value": 77.61}
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    value: str
    text: str


@dataclass
class Document:
    name: str
    text: str
    dct: date
    gold: list[Timex]


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    errors: list[str] = field(default_factory=list)

    def f1(self, hits: int) -> float:
        if not hits:
            return 0.0
        precision, recall = hits / self.predicted, hits / self.gold
        return 100 * 2 * precision * recall / (precision + recall)


def read_document(path: Path) -> Document:
    """Return the document's plain text, its DCT and its TIMEX3 gold with offsets."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="([^"]*)"', raw)
    dct_tag = dct_tag or re.search(r'value="([^"]*)"[^>]*functionInDocument="CREATION_TIME"', raw)
    if dct_tag is None:
        raise ValueError(f"{path}: no creation time")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    pieces: list[str] = []
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    at, length = 0, 0
    for tag in _TAG.finditer(body):
        piece = html.unescape(body[at : tag.start()])
        pieces.append(piece)
        length += len(piece)
        at = tag.end()
        if tag[2] == "TIMEX3" and not tag[1]:
            open_timex = (length, dict(_ATTR.findall(tag[3])))
        elif tag[2] == "TIMEX3" and open_timex is not None:
            start, attrs = open_timex
            gold.append(Timex(start, length, attrs.get("value", ""), ""))
            open_timex = None
    pieces.append(html.unescape(body[at:]))
    text = "".join(pieces)
    for timex in gold:
        timex.text = text[timex.start : timex.end]
    return Document(path.stem, text, date.fromisoformat(dct_tag[1][:10]), gold)


def score(doc: Document, predicted: list[Timex], tally: Tally, show: bool) -> None:
    """Add one document's matches to the tally (one-to-one, first overlap wins)."""
    tally.gold += len(doc.gold)
    tally.predicted += len(predicted)
    used: set[int] = set()
    for gold in doc.gold:
        pick = _overlapping(gold, predicted, used)
        if pick is None:
            if show:
                tally.errors.append(f"{doc.name}: missed {gold.text!r} {gold.value}")
            continue
        used.add(pick)
        got = predicted[pick]
        tally.relaxed += 1
        tally.strict += (got.start, got.end) == (gold.start, gold.end)
        tally.value += got.value == gold.value
        if show and (got.value != gold.value or (got.start, got.end) != (gold.start, gold.end)):
            tally.errors.append(
                f"{doc.name}: {gold.text!r} {gold.value} -> {got.text!r} {got.value}"
            )
    if show:
        tally.errors += [f"{doc.name}: extra {p.text!r} {p.value}"
                         for i, p in enumerate(predicted) if i not in used]  # fmt: skip


def _overlapping(gold: Timex, predicted: list[Timex], used: set[int]) -> int | None:
    for i, got in enumerate(predicted):
        if i not in used and got.start < gold.end and gold.start < got.end:
            return i
    return None


def run(docs: list[Document], show: bool) -> Tally:
    """Tag every document with dateline and return the tally."""
    from dateline.nlp import load_nlp
    from dateline.times.find import read_times

    nlp = load_nlp()
    tally = Tally()
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        found = read_times(parsed, doc.dct)
        predicted = [Timex(f.cand.start, f.cand.end, f.resolved.value or "",
                           doc.text[f.cand.start : f.cand.end]) for f in found]  # fmt: skip
        score(doc, predicted, tally, show)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N documents")
    parser.add_argument("--set", choices=sorted(SETS), default="platinum")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    folder = EVAL / SETS[args.set]
    if not folder.is_dir():
        print(f"{folder} is absent: nothing to benchmark (see ../shared/eval/*/SOURCE.md)")
        return 0
    paths = sorted(folder.glob("*.tml"))[: args.limit]
    docs = [read_document(p) for p in paths]
    tally = run(docs, args.show_errors)
    for line in tally.errors:
        print(line)
    print(f"TempEval-3 {args.set}: {len(docs)} documents, {tally.gold} TIMEX3, "
          f"{tally.predicted} predicted")  # fmt: skip
    print(f"{'':12}{'strict F1':>11}{'relaxed F1':>12}{'value F1':>10}")
    print(f"{'dateline':12}{tally.f1(tally.strict):11.1f}{tally.f1(tally.relaxed):12.1f}"
          f"{tally.f1(tally.value):10.1f}")  # fmt: skip
    if args.set == "platinum" and args.limit is None:
        print(f"{'HeidelTime':12}{HEIDELTIME['strict']:11.1f}{HEIDELTIME['relaxed']:12.1f}"
              f"{HEIDELTIME['value']:10.1f}   (published, TE3 task paper, table 3)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
