"""Publication date from the text alone: dateline's inference on MEANTIME's Wikinews stories.

    .venv/bin/python benchmarks/meantime_dates.py [--limit N] [--show]

../shared/eval/meantime (see its SOURCE.md): 120 English Wikinews articles in CAT XML, each
with its creation time (a TIMEX3 with functionInDocument="CREATION_TIME") written as the
line under the headline. We hide that line, rebuild the text from the tokens (headline,
blank line, body), run dateline's parse and resolve_times with no publication date, and
compare the inferred interval with the true day. Printed: the share of documents dated at
all, the share whose interval contains the true day, the share exactly right (a one-day
interval on it), and the mean width of the bounded intervals. No peer publishes a figure
for this task on MEANTIME; the corpus is CC BY 4.0.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "meantime"
CORPUS = EVAL / "meantime_newsreader_english_oct15" / "intra-doc_annotation"
_TOKEN = re.compile(r'<token [^>]*sentence="(\d+)"[^>]*t_id="(\d+)"[^>]*>([^<]*)</token>')
_DCT = re.compile(r'<TIMEX3 [^>]*functionInDocument="CREATION_TIME"[^>]*>(.*?)</TIMEX3>', re.S)
_NO_SPACE_BEFORE = frozenset({".", ",", ":", ";", "?", "!", ")", "'s", "n't", "'", "%"})


@dataclass
class Story:
    name: str
    text: str
    published: date


def read_story(path: Path) -> Story | None:
    """Return the story's text without its creation-time line, and its true date."""
    raw = path.read_text(encoding="utf-8")
    dct = _DCT.search(raw)
    if dct is None:
        return None
    value = re.search(r'value="(\d{4}-\d\d-\d\d)', dct.group(0))
    if value is None:
        return None
    hidden = set(re.findall(r't_id="(\d+)"', dct.group(1)))
    sentences: dict[int, list[str]] = {}
    for sentence, t_id, word in _TOKEN.findall(raw):
        if t_id not in hidden:
            sentences.setdefault(int(sentence), []).append(html.unescape(word))
    lines = [_detokenize(words) for _, words in sorted(sentences.items())]
    text = lines[0] + "\n\n" + " ".join(lines[1:]) if lines else ""
    return Story(path.stem, text, date.fromisoformat(value.group(1)))


def _detokenize(words: list[str]) -> str:
    out = ""
    for word in words:
        glue = not out or word in _NO_SPACE_BEFORE or out.endswith(("(", "$"))
        out += word if glue else " " + word
    return out


def infer(stories: list[Story]) -> list[tuple[date | None, date | None, str | None]]:
    """Return the inferred interval and its evidence for each story."""
    from dateline.nlp import load_nlp
    from dateline.reading import Article, Reading
    from dateline.times import resolve_times

    nlp = load_nlp()
    out: list[tuple[date | None, date | None, str | None]] = []
    for story, doc in zip(stories, nlp.pipe(s.text for s in stories), strict=True):
        article = Article(id=story.name, source=story.name, text=story.text, language="en")
        reading = Reading(source=story.name, text=story.text, article=article, doc=doc)
        published = resolve_times(reading).require_article().published
        out.append((published.earliest, published.latest, published.evidence))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N stories")
    parser.add_argument("--show", action="store_true", help="print each story's interval")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent: nothing to benchmark (see ../shared/eval/*/SOURCE.md)")
        return 0
    paths = sorted(CORPUS.glob("*/*.xml"))[: args.limit]
    stories = [s for s in map(read_story, paths) if s is not None]
    results = infer(stories)
    dated = contains = exact = 0
    widths: list[int] = []
    for story, (first, last, why) in zip(stories, results, strict=True):
        if args.show:
            print(f"{story.name[:50]:50} true {story.published}  got {first}..{last}  {why}")
        if first is None:
            continue
        dated += 1
        contains += first <= story.published and (last is None or story.published <= last)
        if last is not None:
            widths.append((last - first).days + 1)
            exact += first == last == story.published
    n = len(stories)
    print(f"MEANTIME (Wikinews), {n} stories with a dated creation time (of {len(paths)}), "
          "creation-time line hidden")  # fmt: skip
    print(f"  dated at all:                 {dated / n:6.1%}")
    print(f"  interval contains true day:   {contains / n:6.1%}   (open-ended intervals count)")
    print(f"  bounded on both sides:        {len(widths) / n:6.1%}")
    print(f"  exactly the true day:         {exact / n:6.1%}")
    mean = sum(widths) / len(widths) if widths else 0.0
    print(f"  mean width of bounded ones:   {mean:6.1f} days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
