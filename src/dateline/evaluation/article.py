"""The article layer of GOLD.md: a list of named checks, each passed or not."""

from __future__ import annotations

from datetime import date
from typing import Any

from dateline.evaluation.textmatch import normalize
from dateline.reading import Article, Dateline

Gold = dict[str, Any]


def article_checks(article: Article, gold: Gold) -> list[tuple[str, bool]]:
    """Return (check, passed) for every article check GOLD.md lists that the gold file gives."""
    checks: list[tuple[str, bool]] = []
    for key in ("headline", "standfirst"):
        if key in gold:
            checks.append((key, _same(getattr(article, key), gold[key])))
    if "dateline" in gold:
        checks += _dateline_checks(article.dateline, gold["dateline"] or {})
    byline = normalize(" ; ".join(article.byline))
    checks += [(f"byline {n!r}", normalize(n) in byline) for n in gold.get("byline", ())]
    if "published" in gold:
        published = article.published
        checks.append(
            ("published", interval_right(published.earliest, published.latest, gold["published"]))
        )
    body = normalize(article.body)
    for caption in gold.get("captions", ()):
        checks.append((f"caption {caption['fragment'][:40]!r}", _caption_found(article, caption)))
        checks.append((f"caption out of body {caption['fragment'][:40]!r}",
                       normalize(caption["fragment"]) not in body))  # fmt: skip
    checks += [
        (f"body has {f[:40]!r}", normalize(f) in body) for f in gold.get("body_includes", ())
    ]
    checks += [
        (f"body lacks {f[:40]!r}", normalize(f) not in body) for f in gold.get("body_excludes", ())
    ]
    return checks


def _dateline_checks(got: Dateline | None, want: Gold) -> list[tuple[str, bool]]:
    return [
        ("dateline place", _same(got.place if got else None, want.get("place"))),
        ("dateline wire", _same(got.wire if got else None, want.get("wire"))),
    ]


def _same(got: str | None, want: str | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return normalize(got) == normalize(want)


def _caption_found(article: Any, caption: Gold) -> bool:
    fragment = normalize(caption["fragment"])
    for got in article.captions:
        if fragment in normalize(got.text):
            return "credit" not in caption or _same(got.credit, caption["credit"])
    return False


def interval_right(earliest: date | None, latest: date | None, gold: Gold) -> bool:
    """Return True when the interval overlaps gold's and is at most twice as long plus 2 days."""
    if earliest is None or latest is None or not gold.get("earliest") or not gold.get("latest"):
        return False
    want_start, want_end = date.fromisoformat(gold["earliest"]), date.fromisoformat(gold["latest"])
    if earliest > want_end or latest < want_start:
        return False
    got_days = (latest - earliest).days + 1
    want_days = (want_end - want_start).days + 1
    return got_days <= 2 * want_days + 2
