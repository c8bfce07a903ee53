"""find_quantities: numbers with their units in the story's terms (issue #3).

Needs: doc (nlp). Fills: quantities. English only. Each quantity has a value and a unit:
a measure ("7 km", unit "km"), money ("$5 million", "USD"), a share ("40 percent", "%"),
a hyphenated measure of a noun ("a 7-day truce", "day") or the noun a number counts
("15,000 soldiers", unit "soldiers", as written). Left out, because other layers report
them: years, dates, times and durations (the times layer finds them: "in 2006", "two days
ago"); counts of the people a story cites ("three officials said"; the sources layer has
them with their count); and numbers that name something ("Resolution 1701"). "one" and
"a" are left out: they count nothing an analyst would tally ("one of the officials"); nor
are ages ("a 72-year-old man", "4 years old"): they describe someone, they tally nothing.
Lengths of time that date nothing are quantities ("talks lasted 45 minutes": 45 "minute").
A count of people harmed carries the outcome in its unit ("43 soldiers killed").
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline.nlp.text import doc_text, doc_tokens
from dateline.pipeline import stage
from dateline.quantities.measure import Measure, read_measure
from dateline.reading import Quantity, Reading
from dateline.times.find import find_times
from dateline.times.stage import TIME_SPANS

DATA = Path(__file__).parent / "data"
_SKIPPED_WORDS = frozenset({"one", "a", "an"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def speech_cues() -> frozenset[str]:
    """Return the lemmas of verbs of saying."""
    return _word_list("speech_cues.txt")


def age_words() -> frozenset[str]:
    """Return the words after a length of time that make it an age ("old")."""
    return _word_list("age_words.txt")


@cache
def _word_list(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@stage(needs={"doc"}, fills={"quantities"}, english_only=True)
def find_quantities(reading: Reading) -> Reading:
    """Return the reading with its quantities."""
    return replace(reading, quantities=tuple(read_quantities(reading.require_doc())))


def read_quantities(doc: Doc) -> list[Quantity]:
    """Return every quantity in a parsed text, in text order."""
    times = _time_ranges(doc)
    used: set[int] = set()
    out = []
    counted: tuple[int, str] | None = None  # (sentence start, noun) of the last count
    sentences = doc.has_annotation("SENT_START")  # a scan of the Doc: asked once, not per token
    for token in doc_tokens(doc):
        if token.i in used or not _may_start(token):
            continue
        if any(s <= token.idx < e and not measure for s, e, measure in times):
            continue
        sent_start = token.sent.start if sentences else 0
        elided = counted[1] if counted is not None and counted[0] == sent_start else None
        found = read_measure(doc, token.i, elided=elided)
        if found is None or _is_source_count(doc, found) or _is_age(doc, found):
            continue
        used |= found.consumed
        out.append(_to_quantity(doc, found))
        if found.noun is not None:
            counted = (sent_start, found.noun)
    return out


def _time_ranges(doc: Doc) -> list[tuple[int, int, bool]]:
    """Return (start, end, is a measure) of each time expression: from doc.spans when the
    times stage left them there, else found here (the regexes are a tenth of this stage)."""
    if TIME_SPANS in doc.spans:
        spans = doc.spans[TIME_SPANS]
        return [(s.start_char, s.end_char, _is_measure(s.label_, s.text)) for s in spans]
    return [(c.start, c.end, _is_measure(c.kind, c.match.group(0))) for c in find_times(doc)]


def _is_measure(kind: str, text: str) -> bool:
    # A length of time that dates nothing ("talks lasted 45 minutes", "a 7-day truce") is a
    # quantity; one counted back or ahead ("the past two years") is a time, and so are
    # "two weeks ago" and dates, which the times layer reports.
    return kind == "duration" and not text.lower().startswith("the ")


def _may_start(token: Token) -> bool:
    if not token.like_num or token.lower_ in _SKIPPED_WORDS:
        return False
    text, at = doc_text(token.doc), token.idx
    if at >= 2 and text[at - 1] == "-" and text[at - 2].isdigit():
        return False  # "619-293-1258": the tail of a phone or serial number
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.is_title and before.pos_ in ("PROPN", "NOUN"):
        return bool(before.is_sent_start)  # "Resolution 1701" names a resolution
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return not (after is not None and after.text == ":")  # "7:30", "3:1"


def _is_source_count(doc: Doc, found: Measure) -> bool:
    # Counted people who say something are a source ("three officials said", "according
    # to two diplomats", "two of the three officials said"): the sources layer counts them.
    token: Token = doc[found.last]
    for _ in range(4):
        if token.dep_ in ("conj", "appos") or (token.dep_ == "pobj" and token.head.lower_ == "of"):
            token = token.head if token.dep_ != "pobj" else token.head.head
            continue
        break
    if token.dep_ in _SUBJECTS and token.head.lemma_ in speech_cues():
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "to":
        return token.head.head.lower_ == "according"
    return False


def _is_age(doc: Doc, found: Measure) -> bool:
    # "14-year-old", "4 years old": the word after the measure, past a hyphen, is an age word.
    end = doc[found.last].idx + len(doc[found.last])
    words = doc_text(doc)[end : end + 12].replace("-", " ").split()
    return bool(words) and words[0].lower().strip(".,;:!?)") in age_words()


def _to_quantity(doc: Doc, found: Measure) -> Quantity:
    span = doc[found.first : found.last + 1]
    return Quantity(text=span.text, value=found.value, unit=found.unit,
                    start=span.start_char, end=span.end_char)  # fmt: skip
