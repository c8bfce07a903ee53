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

from dataclasses import dataclass, replace
from operator import attrgetter

from spacy.tokens import Doc, Token

from dateline.pipeline import stage
from dateline.quotes.cues import (
    BREAK,
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
)
from dateline.reading import Quote, Reading, Speaker

# A cue further than this from its quotation, in characters, reports something else (a
# judgement, not tuned: an attribution sits within a clause or two of its quotation).
CUE_REACH = 250
# Words other than the speaker's that may stand between a quotation and the cue after it
# ('"...," the minister later also said', or a title the parser split off the name); a
# judgement, checked on benchmarks/polnear.py and the seed.
MAX_WORDS_BEFORE_CUE = 8
# Reported clauses shorter than this, in words, are fragments the parser mis-attached.
MIN_CONTENT_WORDS = 3


@dataclass(frozen=True, slots=True)
class _Context:
    """What every helper needs: the doc, the quoted spans and the reading."""

    doc: Doc
    text: str
    quoted: tuple[tuple[int, int], ...]
    reading: Reading


@stage(needs={"doc", "actors"}, fills={"quotes"}, english_only=True)
def find_quotes(reading: Reading) -> Reading:
    """Return the reading with its direct and indirect quotes, numbered in text order."""
    doc = reading.require_doc()
    ctx = _Context(doc, reading.text, find_quoted(reading.text), reading)
    cues = find_cues(doc)
    direct, used = _direct_quotes(ctx, cues)
    indirect = _indirect_quotes(ctx, [c for c in cues if c.token.i not in used], direct)
    indirect += _according_quotes(ctx)
    ordered = sorted((*direct, *indirect), key=attrgetter("start"))
    return replace(reading, quotes=tuple(replace(q, id=f"q{i}") for i, q in enumerate(ordered, 1)))


def _direct_quotes(ctx: _Context, cues: tuple[Cue, ...]) -> tuple[list[Quote], set[int]]:
    quotes: list[Quote] = []
    used: set[int] = set()
    for start, end in ctx.quoted:
        cue = _cue_for(ctx, start, end, cues)
        if cue is not None:
            used.add(cue.token.i)
            speaker = _speaker(ctx, cue, quotes[-1].speaker if quotes else None)
        elif (introduced := _colon_cue(ctx, start)) is not None:
            cue = introduced  # "Trump hit back in a series of tweets: “...”"
            speaker = _speaker(ctx, cue, None)
        elif quotes and _continues(ctx.text, quotes[-1].end, start):
            speaker = quotes[-1].speaker  # a floating quote goes on in the last speaker's voice
        else:
            continue  # scare quotes and titles: marks without a speaker
        if speaker is None:
            continue  # a cue with nobody saying it ("the so-called ...") attributes nothing
        quotes.append(_quote(ctx.text, start, end, True, speaker, cue))
    return quotes, used


def _cue_for(ctx: _Context, start: int, end: int, cues: tuple[Cue, ...]) -> Cue | None:
    """Return the nearest cue in the quote's paragraph that reports it or reports nothing else.

    A paragraph that ends in a colon ("The minister said:") introduces the next one, so its
    cues count for a quotation opening that next paragraph.
    """
    first, last = paragraph_of(ctx.text, start)
    last = max(last, paragraph_of(ctx.text, end)[1])  # a quote may run over paragraphs
    if _opens_paragraph(ctx.text, start) and ctx.text[:first].rstrip().endswith(":"):
        first = paragraph_of(ctx.text, len(ctx.text[:first].rstrip()) - 1)[0]
    best: tuple[int, Cue] | None = None
    for cue in cues:
        at = cue.token.idx
        if not first <= at < last or _is_quoted(ctx, at):
            continue
        reported = cue.content
        elsewhere = reported is not None and not _overlaps(reported, (start, end))
        if elsewhere and not any(_overlaps(reported, q) for q in ctx.quoted if reported):
            continue  # it reports another, unquoted clause; a cue reporting a quotation beside
            # this one still counts: '"A," she said. "B."' is hers too
        holds = reported is not None and _overlaps(reported, (start, end))
        if at >= end and not holds and not _follows_closely(ctx, end, cue):
            continue  # '"...". Pakistan has blamed militants it says ...' reports no quote
        distance = start - at if at < start else at - end
        if distance <= CUE_REACH and (best is None or distance < best[0]):
            best = (distance, cue)
    return best[1] if best else None


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
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and t.i != cue.token.i]
    return not verbs and len(words) <= MAX_WORDS_BEFORE_CUE


def _colon_cue(ctx: _Context, start: int) -> Cue | None:
    """Return the main verb of a sentence that introduces the quotation with a colon.

    No speech verb is needed: a subject that "hit back in a statement:" or "wrote on
    Twitter:" speaks the words after the colon. Its subject must be a person or a named body.
    """
    before = ctx.text[:start].rstrip(' “"')
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
    first = paragraph_of(text, start)[0]
    return not text[first:start].strip(' \t\n“"')


def _indirect_quotes(ctx: _Context, cues: list[Cue], direct: list[Quote]) -> list[Quote]:
    quotes = []
    for cue in cues:
        if cue.content is None or cue.subject is None or _is_quoted(ctx, cue.token.idx):
            continue
        start, end = cue.content
        if any(s < end and start < e for s, e in ctx.quoted):
            continue  # the quotation marks inside already give the words
        if len(ctx.text[start:end].split()) < MIN_CONTENT_WORDS:
            continue
        before = [q.speaker for q in direct if q.end <= cue.token.idx]
        speaker = _speaker(ctx, cue, before[-1] if before else None)
        if speaker and _speaks_alone(speaker):
            quotes.append(_quote(ctx.text, start, end, False, speaker, cue))
    return quotes


def _according_quotes(ctx: _Context) -> list[Quote]:
    """ "The bridge is closed, according to a local official": the clause, in their words."""
    quotes = []
    for according, obj in according_to(ctx.doc):
        span = according_content(according)
        if span is None or _is_quoted(ctx, according.idx):
            continue
        start, end = span
        if any(s < end and start < e for s, e in ctx.quoted):
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
    return any(start <= at < end for start, end in ctx.quoted)


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
