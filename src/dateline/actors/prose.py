"""Keep the actors the story's prose names: not page chrome, credits, or places NER misread.

Issue #9, from a corpus read as a new user would: "Reuters" (the wire credit of every
page), "Quicklinks", "Restaurants" (a site's menu), "Rice Lauds" (a Title Case headline NER
misreads) and "Khan Younis" (a town NER calls a person) were among the top actors. Three
rules, each about where a name stands, not about the name:

1. A name NER found (no dictionary entry) whose every mention stands outside a sentence (a
   menu line, a heading, the headline) is no actor: NER reads capitalised words there as
   names. A name the dictionary knows keeps its headline mentions.
2. An outlet whose every mention is a credit ("(Reuters)", "AP Photo/...", "Copyright 2008
   Reuters", an all-capitals byline) reports the story and is no actor of it; an outlet the
   story's sentences name ("told the New York Times", "Al-Manar reported") stays.
3. A name NER found whose every mention is a place's position ("in Khan Younis"), or that
   the text once calls a place ("the town of Qusair", "the Shuaiba refinery"), is a place,
   left to find_places.
4. A name NER found that is one common noun at a sentence's start ("Excerpts released
   from the interview", "Kidnappings are common") is no name.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from dateline.actors.dictionary import read_table
from dateline.nlp.text import doc_text

# A line shorter than this, in words, that ends without a stop is a menu item or a heading.
MAX_HEADING_WORDS = 10
# A credit line is short: "Copyright 2008 Reuters. All rights reserved." A longer line with a
# credit word in it is prose (a one-line story that ends in its copyright notice).
MAX_CREDIT_WORDS = 40
MAX_BYLINE_WORDS = 6
TERMINAL = frozenset('.!?:;"”’)')
LOCATIVE = frozenset({"in", "at", "near", "outside", "into", "across", "around", "toward",
                      "towards", "inside"})  # fmt: skip


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(row[0].strip().lower() for row in read_table(name))


def line_of(span: Span) -> str:
    """Return the text line (between line breaks) that holds the span."""
    text = doc_text(span.doc)
    first = text.rfind("\n", 0, span.start_char) + 1
    last = text.find("\n", span.end_char)
    return text[first : last if last >= 0 else len(text)].strip()


def is_outside_prose(span: Span) -> bool:
    """Return True for a mention in a line that is no sentence: a menu item, a heading."""
    line = line_of(span)
    return bool(line) and line[-1] not in TERMINAL and len(line.split()) <= MAX_HEADING_WORDS


def is_credit(span: Span) -> bool:
    """Return True for an outlet named as the page's credit, not in the story's prose."""
    doc = span.doc
    line = line_of(span)
    words = {w.strip("().,:;/").lower() for w in line.replace("/", " ").split()}
    count = len(line.split())
    if count <= MAX_CREDIT_WORDS and words & _words("credit_words.tsv"):
        return True
    if line.isupper() and count <= MAX_BYLINE_WORDS:
        return True  # "ASSOCIATED PRESS": a byline
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    bracketed = before is not None and after is not None and before.text == "("
    if bracketed and after is not None and after.text in (")", "Photo", "/"):
        return True  # "(Reuters)", "(AP Photo/...)"
    return is_outside_prose(span)


def is_place_position(span: Span) -> bool:
    """Return True for a name that stands where a place does: "in X", "in Y or X", or one of
    the positions is_named_as_place accepts."""
    root = span.root
    if is_named_as_place(span) or (
        root.dep_ == "compound" and root.head.lower_ in _words("facility_words.tsv")
    ):
        return True
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in San Diego or Chula Vista"
    if root.dep_ != "pobj":
        return _after_locative(span)
    return root.head.lower_ in LOCATIVE


def is_named_as_place(span: Span) -> bool:
    """Return True where the text itself calls the name a place: "the town of X", "X
    province" (a compound on a place noun). A site noun does not: "the Boeing plant" is
    the company's, so "the Shuaiba refinery" counts only as a place's position."""
    root = span.root
    places = _words("place_nouns.tsv")
    if root.dep_ == "compound" and root.head.lower_ in places:
        return True
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in places


def is_common_word(span: Span) -> bool:
    """Return True for one word the tagger reads as a common noun ("Excerpts released ...",
    "Kidnappings are common"): capitalised at a sentence's start, NER took it for a name."""
    return len(span) == 1 and span[0].tag_ in ("NN", "NNS") and span[0].is_sent_start is True


def _after_locative(span: Span) -> bool:
    # The parser may hang "in Mogadishu's Bakara market" elsewhere; the word before says it.
    before: Token | None = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in LOCATIVE and before.pos_ == "ADP"
