"""Article extraction: dateline's clean_article beside trafilatura alone, in one run.

    .venv/bin/python benchmarks/extraction.py [--limit N] [--only scrapinghub|trafilatura]

Two peer sets from ../shared/eval (see each SOURCE.md):
- scrapinghub-aeb: 181 news pages with a hand-made article body. Scored as that benchmark's
  evaluate.py does (re-implemented here): \\w+ tokens, multiset of 4-token shingles, tp/fp/fn
  normalised to sum 1 per page, precision and recall averaged over pages, F1 of the averages.
  Its bodies keep the wire dateline, so dateline's dateline text is put back before its body;
  they leave out headline, deck, byline and captions, so dateline's body is scored alone.
- trafilatura-eval: 990 pages with snippets that must (not) appear in the main text, scored as
  trafilatura's tests/eval_common.py does, plus title, author and date gold. Its main text
  takes in a page's deck or lead, so dateline is scored on standfirst + body (headline and
  captions stay apart, as trafilatura keeps them apart).
Both systems read the raw bytes (each decodes them itself). trafilatura runs as
`bare_extraction(raw, with_metadata=True)`, its defaults otherwise; pages/s is one core.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from trafilatura import bare_extraction

from dateline.clean import clean_article
from dateline.errors import InputError
from dateline.reading import Reading

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b)\s*", re.IGNORECASE)


@dataclass
class Page:
    name: str
    raw: bytes
    gold: dict[str, object]


@dataclass
class Output:
    body: str = ""  # what is scored as the main text
    main: str = ""  # body with the standfirst before it (dateline only)
    title: str | None = None
    authors: tuple[str, ...] = ()
    day: date | None = None
    captions: tuple[str, ...] = ()


@dataclass
class Run:
    outputs: list[Output] = field(default_factory=list)
    seconds: float = 0.0
    failures: int = 0


# --- the two systems -------------------------------------------------------------------


def run_dateline(page: Page) -> Output:
    try:
        article = clean_article(Reading(source=page.name, raw=page.raw)).require_article()
    except InputError:
        return Output()
    body = article.body
    if article.dateline and article.dateline.text:
        body = f"{article.dateline.text} {body}"
    main = f"{article.standfirst}\n\n{body}" if article.standfirst else body
    published = article.published.earliest if article.published.basis == "metadata" else None
    return Output(
        body=body,
        main=main,
        title=article.headline or None,
        authors=article.byline,
        day=published,
        captions=tuple(c.text for c in article.captions),
    )


def run_trafilatura(page: Page) -> Output:
    document = bare_extraction(page.raw, with_metadata=True)
    if document is None or isinstance(document, dict):
        return Output()
    day = date.fromisoformat(document.date[:10]) if document.date else None
    authors = tuple(a for a in _NAME_SPLIT.split(document.author or "") if a)
    return Output(body=document.text or "", title=document.title, authors=authors, day=day)


def run_both(pages: list[Page]) -> tuple[Run, Run]:
    """Run dateline and trafilatura page by page, alternating which goes first.

    Both lean on lazily built caches (dateparser compiles its regexes per language on first
    use); alternating the order spreads that cost fairly instead of charging one system.
    """
    for page in pages[:3]:
        run_dateline(page), run_trafilatura(page)  # warm-up: imports, model files
    ours, peer = Run(), Run()
    for index, page in enumerate(pages):
        order = [(run_dateline, ours), (run_trafilatura, peer)]
        for system, run in order if index % 2 == 0 else reversed(order):
            started = time.perf_counter()
            output = system(page)
            run.seconds += time.perf_counter() - started
            run.failures += not output.body
            run.outputs.append(output)
    return ours, peer


# --- scrapinghub: shingle P/R/F1 ----------------------------------------------------------


def shingle_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = _TOKEN.findall(text)
        return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))

    true, pred = shingles(gold), shingles(predicted)
    true.pop((), None)
    pred.pop((), None)
    tp = sum((true & pred).values())
    fp, fn = sum((pred - true).values()), sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_f1(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = [_ratio(tp, fp, fn, fp) for tp, fp, fn in counts if tp + fp > 0]
    recall = [_ratio(tp, fp, fn, fn) for tp, fp, fn in counts if tp + fn > 0]
    p = sum(precision) / len(precision) if precision else 0.0
    r = sum(recall) / len(recall) if recall else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(tp: float, fp: float, fn: float, miss: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + miss) if tp + miss else 0.0


def load_scrapinghub(limit: int | None) -> list[Page]:
    folder = EVAL / "scrapinghub-aeb"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in _spread(sorted(truth), limit):
        raw = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page(name=f"{key}.html", raw=raw, gold=truth[key]))
    return pages


def score_scrapinghub(pages: list[Page], run: Run) -> dict[str, float]:
    counts = [
        shingle_counts(str(page.gold.get("articleBody", "")), out.body)
        for page, out in zip(pages, run.outputs, strict=True)
    ]
    p, r, f1 = shingle_f1(counts)
    return {"precision": p, "recall": r, "F1": f1}


# --- trafilatura-eval: snippets and metadata ------------------------------------------------


def load_trafilatura(limit: int | None) -> list[Page]:
    folder = EVAL / "trafilatura-eval"
    items = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url in _spread(list(items), limit):
        item = items[url]
        raw = gzip.decompress((folder / "html" / f"{item['file']}.gz").read_bytes())
        pages.append(Page(name=str(item["file"]), raw=raw, gold=item))
    return pages


def _spread(keys: list[str], limit: int | None) -> list[str]:
    """Every k-th key, so a --limit run samples the whole set, not its first sites."""
    if not limit or limit >= len(keys):
        return keys
    step = len(keys) / limit
    return [keys[int(i * step)] for i in range(limit)]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def score_trafilatura(pages: list[Page], run: Run) -> dict[str, float]:
    tp = fp = fn = 0
    for page, out in zip(pages, run.outputs, strict=True):
        text = _norm(out.main or out.body)
        found = [_norm(str(s)) in text for s in _list(page.gold.get("with"))]
        leaked = [_norm(str(s)) in text for s in _list(page.gold.get("without"))]
        tp, fn, fp = tp + sum(found), fn + found.count(False), fp + sum(leaked)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"precision": p, "recall": r, "F1": 2 * p * r / (p + r)} | score_metadata(pages, run)


def score_metadata(pages: list[Page], run: Run) -> dict[str, float]:
    titles = authors = dated = 0
    hits = Counter[str]()
    undated_given = 0
    for page, out in zip(pages, run.outputs, strict=True):
        gold = page.gold
        if gold.get("title"):
            titles += 1
            hits["title"] += (
                _norm(str(gold["title"])).casefold() == _norm(out.title or "").casefold()
            )
        if gold.get("author"):
            authors += 1
            hits["author"] += _name_set(str(gold["author"]).split(";")) == _name_set(out.authors)
        if gold.get("date"):
            dated += 1
            hits["date"] += out.day is not None and out.day.isoformat() == gold["date"]
        elif "date" in gold:
            undated_given += out.day is not None
    undated = sum(1 for page in pages if "date" in page.gold and not page.gold["date"])
    return {
        "title": hits["title"] / max(titles, 1),
        "author": hits["author"] / max(authors, 1),
        "date": hits["date"] / max(dated, 1),
        "undated dated": undated_given,
        "undated pages": undated,
    }


def _name_set(names: Iterable[str]) -> frozenset[str]:
    split = (part for name in names for part in _NAME_SPLIT.split(name))
    return frozenset(_norm(part).casefold() for part in split if _norm(part))


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def caption_leaks(ours: Run, peer: Run) -> tuple[int, int, int]:
    """Captions dateline found; how many sit in its body; how many in trafilatura's."""
    found = in_ours = in_peer = 0
    for mine, theirs in zip(ours.outputs, peer.outputs, strict=True):
        for caption in mine.captions:
            if len(caption) < 25:
                continue  # short labels ("Photo") match anywhere; they say nothing
            found += 1
            in_ours += _norm(caption) in _norm(mine.body)
            in_peer += _norm(caption) in _norm(theirs.body)
    return found, in_ours, in_peer


# --- report ---------------------------------------------------------------------------------


def report(
    name: str, pages: list[Page], scorer: Callable[[list[Page], Run], dict[str, float]]
) -> None:
    ours, peer = run_both(pages)
    print(f"\n{name}: {len(pages)} pages")
    rows = {"dateline": (scorer(pages, ours), ours), "trafilatura": (scorer(pages, peer), peer)}
    keys = list(rows["dateline"][0])
    print(f"{'system':<12} " + " ".join(f"{k:>14}" for k in [*keys, "pages/s", "empty"]))
    for system, (scores, run) in rows.items():
        cells = [f"{v:>14.3f}" if isinstance(v, float) else f"{v:>14}" for v in scores.values()]
        speed = len(pages) / run.seconds if run.seconds else 0.0
        print(f"{system:<12} " + " ".join(cells) + f" {speed:>14.1f} {run.failures:>14}")
    print(f"speed ratio dateline/trafilatura: {peer.seconds / max(ours.seconds, 1e-9):.2f}")
    found, in_ours, in_peer = caption_leaks(ours, peer)
    print(f"captions found: {found}; in dateline's body: {in_ours}; in trafilatura's: {in_peer}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="pages per set")
    parser.add_argument("--only", choices=["scrapinghub", "trafilatura"], default=None)
    args = parser.parse_args(argv)
    if not EVAL.is_dir():
        print(f"no peer data at {EVAL}; nothing to benchmark")
        return 0
    if args.only in (None, "scrapinghub"):
        report("scrapinghub-aeb", load_scrapinghub(args.limit), score_scrapinghub)
    if args.only in (None, "trafilatura"):
        report("trafilatura-eval", load_trafilatura(args.limit), score_trafilatura)
    return 0


if __name__ == "__main__":
    sys.exit(main())
