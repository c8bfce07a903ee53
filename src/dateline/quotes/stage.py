"""Find quotes: words in quotation marks, and reported speech, each with its speaker.

Needs: doc (nlp) and actors (actors). Fills: quotes. Leaves to sources/ the attributions that
carry no words of their own ("according to three officials", "Reuters consulted ...").

Direct quotes come from the quotation marks (cues.find_quoted); the parse then finds the
speech verb around them in the same paragraph and its subject. Indirect quotes are the
clauses a speech verb reports ("X said (that) ...", "..., X said.", "according to X"), kept
when one voice speaks them: a named person, a publication, or one described person ("a
senior official", "he"). What states, groups and unnamed plurals "say" ("Israel has said it
...", "officials said ...") is recorded by sources/ as attribution, not as anyone's words:
the seed's gold reading draws the line there (PolNeAR draws it elsewhere; see
benchmarks/polnear.py for what that costs on its definition).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import accumulate
from operator import attrgetter

from spacy.tokens import Doc, Token

from dateline.actors import actor_at
from dateline.pipeline import stage
from dateline.quotes.cues import (
    BREAK,
    CONTENT_DEPS,
    OPENING,
    SINGLE_OPENING,
    Cue,
    according_content,
    according_to,
    find_cues,
    find_quoted,
    paragraph_of,
)
from dateline.quotes.speakers import (
    describe,
    is_person,
    is_pronoun,
    resolve_it,
    resolve_pronoun,
    resolve_title,
)
from dateline.reading import Quote, Reading, Speaker

# Actor types whose statements are quoted as words (states' are attributions; see above).
BODY_TYPES = frozenset({"government", "military", "police", "igo", "ngo", "company", "media"})
# Repeated quotes shorter than this, in words, are kept: a writer may quote a phrase twice.
MIN_REPEAT_WORDS = 6
# A cue further than this from its quotation, in characters, reports something else (a
# judgement, not tuned: an attribution sits within a clause or two of its quotation).
CUE_REACH = 250
# Words other than the speaker's that may stand between a quotation and the cue after it
# ('"...," the minister later also said', or a title the parser split off the name); a
# judgement, checked on benchmarks/polnear.py and the seed.
MAX_WORDS_BEFORE_CUE = 8
_PLURAL = frozenset({"they", "we"})
# Reported clauses shorter than this, in words, are fragments the parser mis-attached.
MIN_CONTENT_WORDS = 3


@dataclass(frozen=True, slots=True)
class _Context:
    """What every helper needs: the doc, the quoted spans and the reading.

    `starts` and `reach` index the quoted spans (sorted by start) for bisection: `reach[i]`
    is the furthest end of spans 0..i. Scanning every span for every cue and quotation
    made this stage quadratic (#10: a 269 KB page with 4,800 quote marks took 160 s).
    """

    doc: Doc
    text: str
    quoted: tuple[tuple[int, int], ...]
    reading: Reading
    starts: tuple[int, ...] = ()
    reach: tuple[int, ...] = ()


def _context(doc: Doc, text: str, reading: Reading) -> _Context:
    quoted = find_quoted(text)  # sorted by start
    return _Context(doc, text, quoted, reading, tuple(s for s, _ in quoted),
                    tuple(accumulate((e for _, e in quoted), max)))  # fmt: skip


def _quoted_around(ctx: _Context, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield the quoted spans that overlap [start, end), last first."""
    index = bisect_left(ctx.starts, end) - 1
    while index >= 0 and ctx.reach[index] > start:
        if ctx.quoted[index][1] > start:
            yield ctx.quoted[index]
        index -= 1


@stage(needs={"doc", "actors"}, fills={"quotes"}, english_only=True)
def find_quotes(reading: Reading) -> Reading:
    """Return the reading with its direct and indirect quotes, numbered in text order."""
    doc = reading.require_doc()
    ctx = _context(doc, reading.text, reading)
    cues = find_cues(doc)
    direct, _ = _direct_quotes(ctx, cues)
    # A cue a quotation used may still report a clause of its own that only borrows a
    # quoted phrase; _indirect_quotes skips the clauses the quotation marks mostly hold.
    indirect = _indirect_quotes(ctx, list(cues), direct)
    indirect += _according_quotes(ctx)
    direct = _outside(direct, indirect)
    ordered = _without_repeats(sorted((*direct, *indirect), key=attrgetter("start")))
    return replace(reading, quotes=tuple(replace(q, id=f"q{i}") for i, q in enumerate(ordered, 1)))


def _according_beside(ctx: _Context, start: int, end: int) -> tuple[Token, Token] | None:
    """Return (according, its object) right before or after a quotation, if there is one.

    '"...," according to the memo' and 'According to X, "..."': only punctuation and
    quotation marks may stand between the phrase and the quotation.
    """
    for according, obj in according_to(ctx.doc):
        after = ctx.text[end : according.idx]
        phrase_end = max(t.idx + len(t) for t in according.subtree)
        before = ctx.text[phrase_end:start]
        if (according.idx >= end and _only_marks(after)) or (
            phrase_end <= start and _only_marks(before)
        ):
            return according, obj
    return None


def _only_marks(between: str) -> bool:
    return len(between) < 6 and not any(ch.isalnum() or ch == "\n" for ch in between)


def _name_between(ctx: _Context, end: int, cue_at: int) -> Token | None:
    """Return the head of the first person named between a quotation and its later cue."""
    between = ctx.doc.char_span(end, cue_at, alignment_mode="expand") if cue_at > end else None
    if between is None:
        return None
    for token in between:
        if token.ent_type_ == "PERSON" or is_person(token):
            while token.dep_ in ("compound", "amod") and token.i < token.head.i < between.end:
                token = token.head  # "police Chief Jane Doe" -> Doe
            return token
    return None


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return paragraph_of(text, a) == paragraph_of(text, b)


def _quoted_subject(ctx: _Context, cue: Cue) -> bool:
    """A subject in quotation marks is the parser's error: the quote may still go on in the
    last speaker's voice, as if no cue stood there."""
    return cue.subject is not None and _is_quoted(ctx, cue.subject.idx)


def _without_repeats(quotes: list[Quote]) -> list[Quote]:
    """Keep the first of quotes with the same words and speaker: a page that repeats a
    sentence (a photo caption, a pull quote) repeats no statement. A short phrase ("a con")
    may well be quoted twice on purpose, so it stays."""
    seen: set[tuple[str, str | None, bool]] = set()
    kept = []
    for quote in quotes:
        speaker = quote.speaker.actor or quote.speaker.text if quote.speaker else None
        key = (" ".join(quote.text.lower().split()), speaker, quote.direct)
        if key not in seen or len(key[0].split()) < MIN_REPEAT_WORDS:
            seen.add(key)
            kept.append(quote)
    return kept


def _direct_quotes(ctx: _Context, cues: tuple[Cue, ...]) -> tuple[list[Quote], set[int]]:
    quotes: list[Quote] = []
    used: set[int] = set()
    positions = [cue.token.idx for cue in cues]  # find_cues gives them in text order
    for start, end in ctx.quoted:
        previous = quotes[-1] if quotes else None
        cue = _cue_for(ctx, (start, end), cues, positions)
        if cue is not None:
            used.add(cue.token.i)
        if cue is not None and not _quoted_subject(ctx, cue):
            speaker = _speaker(ctx, cue, previous.speaker if previous else None)
        elif cue is not None and (name := _name_between(ctx, end, cue.token.idx)) is not None:
            speaker = describe(name, ctx.reading, cue.token)  # '"...," police chief X said'
        elif (introduced := _colon_cue(ctx, start)) is not None:
            cue = introduced  # "Trump hit back in a series of tweets: “...”"
            speaker = _speaker(ctx, cue, None)
        elif (according := _according_beside(ctx, start, end)) is not None:
            speaker = describe(according[1], ctx.reading, None)  # '"...," according to X'
            cue = Cue(token=according[0], subject=according[1], content=None)
        elif previous and _continues(ctx.text, previous.end, start):
            speaker = previous.speaker  # a floating quote goes on in the last speaker's voice
        elif cue is not None and previous and _same_paragraph(ctx.text, previous.start, start):
            speaker = previous.speaker  # '"A," ... adding, "B"' whose cue the parser lost
        else:
            continue  # scare quotes and titles: marks without a speaker
        if speaker is None:
            continue  # a cue with nobody saying it ("the so-called ...") attributes nothing
        quotes += [
            _quote(ctx.text, s, e, True, speaker, cue) for s, e in _by_paragraph(ctx, start, end)
        ]
    return quotes, used


def _by_paragraph(ctx: _Context, start: int, end: int) -> list[tuple[int, int]]:
    """Split a quotation that runs on over paragraphs (newswire re-opens it in each) into
    one quote a paragraph: a quote's text never crosses a paragraph break (READING.md)."""
    pieces, at = [], start
    for found in BREAK.finditer(ctx.text, start, end):
        pieces.append((at, found.start()))
        at = found.end()
    pieces.append((at, end))
    return [span for s, e in pieces if (span := _stripped(ctx.text, s, e))[1] > span[0]]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in OPENING + SINGLE_OPENING):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",”\"’'"):
        end -= 1
    return start, end


def _cue_for(
    ctx: _Context, span: tuple[int, int], cues: tuple[Cue, ...], positions: list[int]
) -> Cue | None:
    """Return the nearest cue in the quote's paragraph that reports it or reports nothing else.

    Cues whose reported clause holds the quotation come first.

    A paragraph that ends in a colon ("The minister said:") introduces the next one, so its
    cues count for a quotation opening that next paragraph.
    """
    start, end = span
    first, last = paragraph_of(ctx.text, start)
    last = max(last, paragraph_of(ctx.text, end)[1])  # a quote may run over paragraphs
    before = _last_visible(ctx.text, first)
    if _opens_paragraph(ctx.text, start) and before >= 0 and ctx.text[before] == ":":
        first = paragraph_of(ctx.text, before)[0]
    best: tuple[bool, int, Cue] | None = None
    # Only cues within CUE_REACH of the quotation can win: bisect to them, not scan them all.
    low = bisect_left(positions, max(first, start - CUE_REACH))
    high = bisect_left(positions, min(last, end + CUE_REACH + 1))
    for cue in cues[low:high]:
        at = cue.token.idx
        if not first <= at < last or _is_quoted(ctx, at):
            continue
        reported = cue.content
        elsewhere = reported is not None and not _overlaps(reported, (start, end))
        if elsewhere and reported and next(_quoted_around(ctx, *reported), None) is None:
            continue  # it reports another, unquoted clause; a cue reporting a quotation beside
            # this one still counts: '"A," she said. "B."' is hers too
        holds = reported is not None and _overlaps(reported, (start, end))
        if at >= end and not holds and not _follows_closely(ctx, end, cue):
            continue  # '"...". Pakistan has blamed militants it says ...' reports no quote
        distance = start - at if at < start else at - end
        # A cue whose reported clause holds the quotation beats a nearer one that reports
        # nothing: in 'She said that women who accused him "should be heard"', she speaks.
        # Only a clause the cue governs on its own line counts: a parataxis cue's "clause",
        # or one the parser fetched over a line break, is a guess.
        governs = (
            holds
            and any(c.dep_ in CONTENT_DEPS for c in cue.token.children)
            and "\n" not in ctx.text[min(at, end) : max(at, start)]
        )
        rank = (not governs, distance)
        if distance <= CUE_REACH and (best is None or rank < best[:2]):
            best = (*rank, cue)
    return best[2] if best else None


def _last_visible(text: str, before: int) -> int:
    """Return the offset of the last non-space character before `before`, or -1."""
    at = before - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at


def _follows_closely(ctx: _Context, end: int, cue: Cue) -> bool:
    """Return True when no other clause stands between a quotation and a later cue.

    '"...," the minister said on Monday' and '"...," IDF Chief of Staff Lt.-Gen. X said'
    attribute the words, however the parser splits the title; a cue in a new clause after
    them ('"...". Pakistan has blamed militants it says ...') does not: a verb intervenes.
    """
    speaker = {t.i for t in cue.subject.subtree} if cue.subject is not None else set()
    between = ctx.doc.char_span(end, cue.token.idx, alignment_mode="expand")
    if between is None:
        return True
    words = [t for t in between if not (t.is_punct or t.is_space or t.i in speaker)]
    # A word in a named entity is a name, whatever tag the parser gave it ("Tulsa" as a verb).
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and not t.ent_type_]
    return not verbs and len(words) <= MAX_WORDS_BEFORE_CUE


def _colon_cue(ctx: _Context, start: int) -> Cue | None:
    """Return the main verb of a sentence that introduces the quotation with a colon.

    No speech verb is needed: a subject that "hit back in a statement:" or "wrote on
    Twitter:" speaks the words after the colon. Its subject must be a person or a named body.
    """
    before = ctx.text[:start].rstrip(" “\"‘'")
    if not before.endswith(":"):
        return None
    colon = ctx.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    root = colon[0].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not (is_person(subject) or subject.ent_type_ == "ORG"):
        return None
    return Cue(token=root, subject=subject, content=None)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _continues(text: str, previous_end: int, start: int) -> bool:
    """Return True when a quote opens the paragraph right after the previous quote's one."""
    between = text[previous_end:start]
    return (
        BREAK.search(between) is not None and _opens_paragraph(text, start) and len(between) < 400
    )


def _opens_paragraph(text: str, start: int) -> bool:
    first, at = paragraph_of(text, start)[0], start
    while at > first and text[at - 1] in " \t\n“\"‘'":  # a walk back, not a slice: linear
        at -= 1
    return at <= first


def _indirect_quotes(ctx: _Context, cues: list[Cue], direct: list[Quote]) -> list[Quote]:
    quotes = []
    for cue in cues:
        if cue.content is None or cue.subject is None or _is_quoted(ctx, cue.token.idx):
            continue
        start, end = cue.content
        if _mostly_quoted(ctx, start, end):
            continue  # the quotation marks inside already give the words
        if len(ctx.text[start:end].split()) < MIN_CONTENT_WORDS:
            continue
        before = [q.speaker for q in direct if q.end <= cue.token.idx]
        speaker = _speaker(ctx, cue, before[-1] if before else None)
        if speaker and (
            _speaks_alone(speaker) or _body_speaks(ctx, cue) or _body_said(speaker, cue)
        ):
            quotes.append(_quote(ctx.text, start, end, False, speaker, cue))
    return quotes


def _mostly_quoted(ctx: _Context, start: int, end: int) -> bool:
    """Return True when quotation marks hold at least half of a reported clause's words.

    Then the direct quote gives the words. A clause that only borrows a phrase ('said Iraq
    had moved along "quite remarkably," citing a new law') is still reported speech.
    """
    around = _quoted_around(ctx, start, end)
    inside = sum(len(ctx.text[max(s, start) : min(e, end)].split()) for s, e in around)
    return inside * 2 >= len(ctx.text[start:end].split())


def _outside(direct: list[Quote], indirect: list[Quote]) -> list[Quote]:
    """Drop the quoted phrases that an indirect quote already holds: the words are reported
    once, in the clause that says them (GOLD.md's convention makes the phrase optional)."""
    return [d for d in direct if not any(_holds(i, d) for i in indirect)]


def _holds(outer: Quote, inner: Quote) -> bool:
    # The clause may stop before the stop and mark that close the quotation: '... as "the
    # last warning."' ends the clause at "warning".
    tail = outer.end <= inner.end <= outer.end + 2
    return outer.start <= inner.start < outer.end and (inner.end <= outer.end or tail)


def _body_speaks(ctx: _Context, cue: Cue) -> bool:
    """Return True for one named body that speaks, not a state: "the ministry said it was ..."

    A state's "Israel has said it ..." states a policy, left to sources/ (see the module
    docstring); a ministry, an army or an agency that says something reports a fact.
    """
    subject = cue.subject
    if subject is None or subject.tag_ in ("NNS", "NNPS") or is_pronoun(subject):
        return False
    if subject.ent_type_ in ("GPE", "NORP", "LOC"):
        return False
    actor = actor_at(ctx.reading, subject.idx, subject.idx + len(subject))
    return actor is not None and actor.type in BODY_TYPES


def _body_said(speaker: Speaker, cue: Cue) -> bool:
    """Return True for a state or group that made a statement in the story's time.

    "Israel said it would regard the missiles as a threat", "Hamas said the officers were
    shot": a past act of saying reports words, as a person's does. "Israel has said it wants
    to avoid war" or "Israel warns it will respond" (perfect, present) states a standing
    position, which sources/ records as attribution only.
    """
    if speaker.kind != "organization" or cue.subject is None or cue.subject.lower_ in _PLURAL:
        return False  # "they added": a plural pronoun stands for people, counted as sources
    return cue.token.tag_ == "VBD" and not _has_perfect(cue.token)


def _has_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _according_quotes(ctx: _Context) -> list[Quote]:
    """ "The bridge is closed, according to a local official": the clause, in their words."""
    quotes = []
    for according, obj in according_to(ctx.doc):
        span = according_content(according)
        if span is None or _is_quoted(ctx, according.idx):
            continue
        start, end = span
        if _mostly_quoted(ctx, start, end):
            continue
        if len(ctx.text[start:end].split()) < MIN_CONTENT_WORDS:
            continue
        speaker = describe(obj, ctx.reading, None)
        if _speaks_alone(speaker):
            cue = ctx.doc[according.i : according.i + 2]
            quotes.append(replace(_quote(ctx.text, start, end, False, speaker, None), cue=cue.text))
    return quotes


def _speaks_alone(speaker: Speaker) -> bool:
    """Return True for one voice: a name, a publication, or one described person."""
    if speaker.kind in ("named", "publication"):
        return True
    return speaker.kind == "anonymous" and speaker.count == 1


def _speaker(ctx: _Context, cue: Cue, previous: Speaker | None) -> Speaker | None:
    """Return the cue's speaker; an unresolved "he" falls back to the previous quote's."""
    subject = cue.subject
    if subject is None or _is_quoted(ctx, subject.idx):
        return None  # words in quotation marks are what is said, never who says it
    if (body := resolve_it(subject, ctx.quoted)) is not None:
        return describe(body, ctx.reading, cue.token)
    if subject.lower_ == "it":
        return None  # an "it" with no body before it is a thing, a page or a transcript
    if (named := resolve_title(subject, ctx.quoted)) is not None:
        return describe(named, ctx.reading, cue.token)  # "the president said" -> the name
    if not is_pronoun(subject):
        return describe(subject, ctx.reading, cue.token)
    antecedent = resolve_pronoun(subject, ctx.quoted)
    if antecedent is not None:
        return describe(antecedent, ctx.reading, cue.token)
    return previous or _unresolved(subject)


def _unresolved(pronoun: Token) -> Speaker:
    """A "he" or "she" with no person before it: one unnamed speaker, as written."""
    end = pronoun.idx + len(pronoun)
    return Speaker(text=pronoun.text, actor=None, kind="anonymous", affiliation=None, count=1,
                   start=pronoun.idx, end=end)  # fmt: skip


def _is_quoted(ctx: _Context, at: int) -> bool:
    index = bisect_right(ctx.starts, at) - 1  # the spans that start at or before `at`
    return index >= 0 and ctx.reach[index] > at


def _quote(
    text: str, start: int, end: int, direct: bool, speaker: Speaker | None, cue: Cue | None
) -> Quote:
    return Quote(
        id="",
        text=text[start:end],
        direct=direct,
        speaker=speaker,
        cue=cue.token.text if cue else None,
        start=start,
        end=end,
    )
