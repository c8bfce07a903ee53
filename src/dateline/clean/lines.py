"""The plain-text page reader: label each line of a page dump and gather the article's parts.

A browser's select-all or a scraper's get_text keeps the story and everything around it (menus,
share buttons, captions, appeals, lists of other stories) as bare lines. No library reads
these (trafilatura and readability need the markup), so we wrote this classifier.

How it decides, in three steps:
1. line_features.py describes each line by general shapes: length, ending, isolation between
   blank lines, repetition, appeal verbs, link-list heads, credit, byline, bio and date shapes.
2. The body is the run of lines with the most prose in it: each prose line scores its word
   count, any other line a fixed cost, and the best-scoring run wins (maximum-subarray, as in
   Finn et al.'s Body Text Extraction, 2001). Short lines inside a story (a subhead, a quoted
   line) cost less than the prose around them earns; a menu or a link list costs more.
3. Lines inside that run are body unless their own shape says otherwise (appeal, credit,
   caption, byline, link list); lines before it hold the headline, standfirst, date, byline
   and captions; lines after it the author bio, byline trailer, appeals and link lists.
Every line not kept goes to `removed` with its label as the reason.
"""

from __future__ import annotations

import re

from dateline.clean.bylines import is_names_only, names_only, parse_byline
from dateline.clean.captions import split_credit
from dateline.clean.date_lines import yearless_day
from dateline.clean.datelines import is_dateline_line
from dateline.clean.line_features import Line, read_lines
from dateline.clean.page_facts import find_date_line, find_publisher, find_stated_date
from dateline.clean.parts import PageParts
from dateline.clean.site_names import ui_word_count
from dateline.reading import Caption, Removed

# Cost of a line that is not prose, in prose words: calibrated on news-sample so that a
# subhead or a one-line quote between paragraphs stays in the body while a run of five
# menu or link lines ends it.
_GAP_COST = 6
# A one-sentence teaser under a linked title (a list of other stories) runs about this many
# words; only prose past it earns, so a teaser list costs about what it earns and ends the run.
_TEASER_WORDS = 8
# A link-list head, an appeal or a menu word inside the run says the story is over.
_BOUNDARY_COST = 3 * _GAP_COST
_LEDE_REACH = 5  # short lines (a summary box) allowed between a lede and the rest
_HEAD_WINDOW = 40  # lines before the body searched for the headline (menus can be long)
_HEADLINE_WORDS = (3, 30)
_TITLE_WORDS = (5, 20)  # the usual length of a news headline
_SCREEN_LINES = 15
_UI_WORDS_MAX = 2  # one control word may be a title's ("Google", "story"); two are a bar
_STANDFIRST_MIN_WORDS = 6
_BAR_SEPARATORS = 2  # "A | B | C": a title may hold one bar ("Title | Site"), not two
_BYLINE_REACH = 3  # lines under a headline where its byline sits (after a deck or a date)
# A title may end on an abbreviation ("... to the U.N.") though never on a sentence's stop.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")


def read_text_page(text: str) -> PageParts:
    """Return the parts of a plain-text page dump: headline, standfirst, captions, body ..."""
    lines = read_lines(text)
    if not lines:
        return PageParts(headline="")
    start, end = find_body(lines)
    labels = {line.index: _label_inside(line) for line in lines[start:end]}
    labels |= _label_after(lines[end:])
    labels |= _label_before(lines[:start], labels)
    return _gather(lines, labels)


def find_body(lines: list[Line]) -> tuple[int, int]:
    """Return [start, end) of the run of lines with the most prose (maximum subarray)."""
    best, best_span = 0, (0, 0)
    running, run_start = 0, 0
    for position, line in enumerate(lines):
        running += _weight(line)
        if running <= 0:
            running, run_start = 0, position + 1
        elif running > best:
            best, best_span = running, (run_start, position + 1)
    start, end = best_span
    # The gap cost lets a run end on short lines (a last quote); trim to prose at both ends.
    while start < end and not lines[start].prose:
        start += 1
    while end > start and not lines[end - 1].prose:
        end -= 1
    return _take_back_lede(lines, start), end


def _take_back_lede(lines: list[Line], start: int) -> int:
    """Move the start back over a lede cut off by a box ("Key points" and its bullets).

    A prose line a few lines before the run, with nothing between that ends a story (a link
    list, an appeal, a menu word, a caption or credit), is the story's first paragraph.
    """
    for back in range(start - 1, max(-1, start - _LEDE_REACH - 2), -1):
        line = lines[back]
        if line.prose and line.words >= _TEASER_WORDS * 2:
            return back
        if line.link_head or line.appeal or line.chrome or line.credit or line.byline:
            break
    return start


def _weight(line: Line) -> int:
    """What a line adds to a run: prose earns its words past a teaser's length, others cost."""
    if line.prose:
        return line.words - _TEASER_WORDS
    if line.link_head or line.appeal or line.chrome:
        return -_BOUNDARY_COST
    return -_GAP_COST


def _label_inside(line: Line) -> str:
    # A date standing alone inside the run is the story's date line below a video or a
    # summary box that opened the run early ("Oct. 9, 2031"), not a paragraph.
    if line.date_like and not line.prose:
        return "date"
    if line.appeal and not line.prose:
        return "appeal"
    if line.link_head:
        return "link_list"
    if line.chrome:
        return "chrome"
    if line.bio:
        return "bio"
    if line.credit and _is_bare_credit(line):
        return "credit"
    if line.caption_label or (line.credit and not line.prose):
        return "caption"
    if not line.prose and line.byline:
        return "byline"
    return "body"


def _label_after(lines: list[Line]) -> dict[int, str]:
    """After the story: bio, byline trailer, appeals, link lists; anything else is chrome."""
    labels = {}
    for line in lines:
        if line.bio:
            labels[line.index] = "bio"
        elif line.byline:
            labels[line.index] = "byline"
        elif line.appeal:
            labels[line.index] = "appeal"
        elif line.link_head:
            labels[line.index] = "link_list"
        else:
            labels[line.index] = "chrome"
    return labels


def _label_before(lines: list[Line], labels: dict[int, str]) -> dict[int, str]:
    """Before the story: headline, standfirst, date, byline, captions; the rest is chrome."""
    found = {line.index: _shape_before(line) for line in lines}
    window = lines[-_HEAD_WINDOW:]
    candidates = [line for line in window if found[line.index] is None and _is_heading(line)]
    if candidates:
        # max() keeps the first of equal scores: a headline comes before its deck.
        headline = max(candidates, key=lambda line: _headline_score(line, lines, found))
        found[headline.index] = "headline"
        _label_bare_byline(window, headline.index, found)
        for line in window:
            if line.index > headline.index and found[line.index] is None:
                if line.words >= _STANDFIRST_MIN_WORDS and not line.link_head:
                    found[line.index] = "standfirst"
                break
    return {index: label or "chrome" for index, label in found.items()}


def _label_bare_byline(window: list[Line], headline: int, found: dict[int, str | None]) -> None:
    """A line of only names right under the headline is its byline without the "By"."""
    for line in window:
        near = 0 < line.index - headline <= _BYLINE_REACH
        if near and found[line.index] is None and is_names_only(line.text):
            found[line.index] = "byline"


def _headline_score(line: Line, lines: list[Line], found: dict[int, str | None]) -> int:
    """How much a line looks like the story's title; each point is one general page habit.

    Headings stand alone between blank lines (h1 in a select-all dump); the date and byline
    sit right by the title; titles run 5 to 20 words; sites echo the title in breadcrumbs and
    share bars, so a repeat counts for it; the title sits within a screen of the story.
    """
    near = [found.get(other.index) for other in lines if 0 < abs(other.index - line.index) <= 3]
    score = 2 * line.isolated + 2 * ("date" in near or "byline" in near)
    score += _TITLE_WORDS[0] <= line.words <= _TITLE_WORDS[1]
    score += line.repeats > 1
    score -= lines[-1].index - line.index > _SCREEN_LINES
    return score


def _shape_before(line: Line) -> str | None:
    if line.date_like and not line.prose:
        return "date"
    if line.byline:
        return "byline"
    if line.credit and _is_bare_credit(line):
        return "credit"
    if line.caption_label or line.credit:
        return "caption"
    if line.appeal:
        return "appeal"
    if line.link_head:
        return "link_list"
    if line.chrome or (line.repeats > 1 and line.words < _HEADLINE_WORDS[0]):
        return "chrome"
    return None


def _is_heading(line: Line) -> bool:
    low, high = _HEADLINE_WORDS
    if line.text[0].islower() or _ends_sentence(line.text):
        return False
    if is_dateline_line(line.text) or _is_link_bar(line.text):
        return False
    if not low <= line.words <= high or line.link_head:
        return False
    # A bar of controls ("Print this article Email this article") or a byline without its
    # "By" ("Jane Doe and John Roe") stands alone like a title but is none.
    return ui_word_count(line.text) < _UI_WORDS_MAX and not is_names_only(line.text)


def _is_link_bar(text: str) -> bool:
    """ "« Older post | Main | Newer post »": links set side by side, not a title."""
    return text.count(" | ") >= _BAR_SEPARATORS or text.startswith(("«", "‹"))


def _ends_sentence(text: str) -> bool:
    return text.endswith(".") and not _ABBREVIATION_END.search(text)


def _is_bare_credit(line: Line) -> bool:
    """The whole line is a credit ("REUTERS/Jane Doe", "Photo: AP"), not a caption with one."""
    caption, credit = split_credit(line.text)
    if credit is not None and len(caption.split()) <= 2:
        return True
    return line.text.strip("()") == line.credit


def _gather(lines: list[Line], labels: dict[int, str]) -> PageParts:
    by_label: dict[str, list[Line]] = {}
    for line in lines:
        by_label.setdefault(labels[line.index], []).append(line)
    headline = by_label.get("headline", [])
    standfirst = by_label.get("standfirst", [])
    kept = {"headline", "standfirst", "body", "caption"}
    story_dates, at = _story_date_lines(by_label), headline[0].index if headline else None
    date_line = find_date_line(story_dates, at)
    return PageParts(
        headline=headline[0].text if headline else "",
        standfirst=standfirst[0].text if standfirst else None,
        byline=_byline(by_label),
        publisher=find_publisher(lines, labels),
        captions=tuple(_caption(line) for line in by_label.get("caption", [])),
        paragraphs=tuple(line.text for line in by_label.get("body", [])),
        removed=tuple(
            Removed(text=line.text, reason=labels[line.index])
            for line in lines
            if labels[line.index] not in kept
        ),
        stated_date=find_stated_date(story_dates, at)
        or yearless_day("\n".join(line.text for line in lines)),
        date_line=date_line.text if date_line else None,
    )


def _story_date_lines(by_label: dict[str, list[Line]]) -> list[Line]:
    """Date lines above the story, and those inside it only beside its headline or byline.

    A date line among the paragraphs may be a video teaser's or a sidebar's; beside the
    headline or byline it is the story's own, inside the run because a deck or a video box
    opened the run early.
    """
    body = by_label.get("body", [])
    first_body = body[0].index if body else 0
    heads = [line.index for line in by_label.get("headline", [])]
    bylines = [line.index for line in by_label.get("byline", [])]
    return [
        line
        for line in by_label.get("date", [])
        if line.index < first_body
        or any(0 < line.index - h <= _BYLINE_REACH for h in heads)
        or any(abs(line.index - b) <= 2 for b in bylines)
    ]


def _caption(line: Line) -> Caption:
    text, credit = split_credit(line.text)
    if credit is None and line.credit:
        text, credit = line.text[: line.text.rfind(line.credit)].rstrip(" ([-–—|"), line.credit
    return Caption(text=text, credit=credit)


def _byline(by_label: dict[str, list[Line]]) -> tuple[str, ...]:
    """Names from a byline line; else who an author bio at the end is about."""
    for line in by_label.get("byline", []):
        names, _organisation = parse_byline(line.text)
        if names := names or names_only(line.text):
            return names
    for line in by_label.get("bio", []):
        if line.bio:
            return (line.bio,)
    return ()
