"""The plain-text page reader on pages it was not written for: news-sample's text dumps.

    .venv/bin/python benchmarks/text_pages.py [--limit N] [--quiet]

../shared/eval/news-sample holds real news pages as `<id>.html` and, beside each, `<id>.txt`:
the page's visible text as a browser's select-all gives it (see its SOURCE.md). We read each
.txt with `read_text_page` and compare:
- its body (the body paragraphs, dateline left on) with the body trafilatura extracts from the
  .html: a silver standard, not gold (trafilatura keeps some captions and subheads and drops
  some paragraphs). Scored as token-level precision/recall/F1 over multisets of lower-cased
  \\w+ tokens, per page, then averaged over pages.
- its headline with the page's og:title (else <title>): "agrees" when the headline's tokens
  and the title's overlap with F1 >= 0.8, or the headline sits whole inside the <title>
  ("Headline - Site Name").
Pages with no .html (markdown captures) are read and timed but not scored.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from trafilatura import extract

from dateline.clean.lines import read_text_page

SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "news-sample"
_TOKEN = re.compile(r"\w+")
_AGREE_F1 = 0.8


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def token_scores(got: str, want: str) -> Score:
    """Token-level P/R/F1 of `got` against `want` (multisets of lower-cased \\w+ tokens)."""
    got_tokens = Counter(_TOKEN.findall(got.lower()))
    want_tokens = Counter(_TOKEN.findall(want.lower()))
    common = sum((got_tokens & want_tokens).values())
    precision = common / sum(got_tokens.values()) if got_tokens else 0.0
    recall = common / sum(want_tokens.values()) if want_tokens else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return Score(precision, recall, f1)


def page_titles(raw: bytes) -> tuple[str, str]:
    """Return (og:title or "", <title> or "") of an HTML page."""
    root = lxml.html.fromstring(raw)
    og = root.xpath("//meta[@property='og:title']/@content")
    title = root.findtext(".//title") or ""
    return (" ".join(str(og[0]).split()) if og else ""), " ".join(title.split())


def headline_agrees(headline: str, og_title: str, title: str) -> bool:
    """True when the headline matches og:title or sits whole inside <title>."""
    if not headline:
        return False
    if og_title and token_scores(headline, og_title).f1 >= _AGREE_F1:
        return True
    if title and headline.lower() in title.lower():
        return True
    return bool(title) and token_scores(headline, title).f1 >= _AGREE_F1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N pages")
    parser.add_argument("--quiet", action="store_true", help="print only the totals")
    args = parser.parse_args()
    if not SAMPLE.is_dir():
        print(f"{SAMPLE} not found: nothing to measure (the eval data is not checked out)")
        return 0
    pages = sorted(SAMPLE.glob("*.txt"))[: args.limit]
    scores: list[Score] = []
    agreed, titled, ours_s, theirs_s = 0, 0, 0.0, 0.0
    read_text_page("Warm-up line.\n\nA short paragraph that warms the caches up.\n")
    for path in pages:
        text = path.read_text(encoding="utf-8")
        started = time.perf_counter()
        parts = read_text_page(text)
        ours_s += time.perf_counter() - started
        html = path.with_suffix(".html")
        if not html.exists():
            _show(args, f"{path.stem:36} (no html) headline={parts.headline[:60]!r}")
            continue
        raw = html.read_bytes()
        started = time.perf_counter()
        silver = extract(raw) or ""
        theirs_s += time.perf_counter() - started
        score = token_scores("\n".join(parts.paragraphs), silver)
        scores.append(score)
        og_title, title = page_titles(raw)
        agrees = headline_agrees(parts.headline, og_title, title)
        titled += 1
        agreed += agrees
        _show(
            args,
            f"{path.stem:36} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
            f"headline {'ok ' if agrees else 'NO '}{parts.headline[:50]!r} "
            f"| title {(og_title or title)[:50]!r}",
        )
    _report(scores, agreed, titled, len(pages), ours_s, theirs_s)
    return 0


def _show(args: argparse.Namespace, line: str) -> None:
    if not args.quiet:
        print(line)


def _report(
    scores: list[Score], agreed: int, titled: int, pages: int, ours_s: float, theirs_s: float
) -> None:
    if not scores:
        print("no page with an .html to score")
        return
    count = len(scores)
    mean_p = sum(s.precision for s in scores) / count
    mean_r = sum(s.recall for s in scores) / count
    mean_f = sum(s.f1 for s in scores) / count
    print(
        f"\n{count} pages scored against trafilatura's body of the .html (silver): "
        f"mean P={mean_p:.3f} R={mean_r:.3f} F1={mean_f:.3f}"
    )
    print(f"headline agrees with og:title/<title> on {agreed}/{titled} ({agreed / titled:.0%})")
    print(
        f"read_text_page: {pages} pages in {ours_s:.2f} s ({pages / ours_s:.0f} pages/s); "
        f"trafilatura on the .html: {count} pages in {theirs_s:.2f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
