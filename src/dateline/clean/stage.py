"""Placeholder clean stage: decodes UTF-8 and keeps every line (being built, issue #2)."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from dateline.pipeline import stage
from dateline.reading import Article, Reading


@stage(needs={"raw"}, fills={"article", "text"})
def clean_article(reading: Reading) -> Reading:
    """Return the reading with its article (placeholder: the whole input as body)."""
    text = reading.raw.decode("utf-8", errors="replace").strip()
    article_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    article = Article(id=article_id, source=reading.source, body=text, text=text, kind="text")
    return replace(reading, article=article, text=text)
