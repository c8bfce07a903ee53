"""nlp: one spaCy parse of the clean text, shared by every later stage."""

from dateline.nlp.stage import load_nlp, parse

__all__ = ["load_nlp", "parse"]
