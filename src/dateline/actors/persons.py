"""People named in the story: NER PERSON spans with the role and affiliation their title gives.

"U.S. envoy Amos Hochstein": the words before a name that are role nouns, modifiers and
dictionary hits make its role ("U.S. envoy"), and the first hit in the role gives the
affiliation (the United States). A rank ("Lt.-Gen.") stays out of the role. When nothing
precedes the name, an apposition after it does: "Wissam Tawil, a commander of Hezbollah's
elite forces" (found through the parse's `appos` arc, without its relative clause).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline.actors.dictionary import title_words
from dateline.actors.matching import LOCATIVE, POSSESSIVES, Hit

TITLE_KINDS = frozenset({"rank", "connector", "role", "modifier"})
TOPIC_PREPOSITIONS = frozenset({"on", "about", "to", "in", "into", "over", "against", "toward"})
RELATIVE_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj"})


@dataclass(frozen=True, slots=True)
class Person:
    """A PERSON span, with the role its title gives and the hit it is affiliated through."""

    span: Span  # the name as written, rank and possessive left out
    role: str | None
    affiliation: Hit | None  # the hit whose actor gives the person's country


def find_persons(doc: Doc, hits: list[Hit], names: list[Span]) -> list[Person]:
    """Return a Person for each name span, with role and affiliation where the text gives them."""
    hit_at = {i: hit for hit in hits for i in range(hit.span.start, hit.span.end)}
    persons = []
    for span in names:
        name = _strip_name(span)
        if name is None:
            continue
        role, affiliation = _role_before(doc, name.start, hit_at)
        if role is None:
            role, affiliation = _role_after(name, hit_at) or (None, affiliation)
        persons.append(Person(name, role, affiliation))
    return persons


def _strip_name(span: Span) -> Span | None:
    words = title_words()
    start, end = span.start, span.end
    # NER sometimes takes the title in: "Spokeswoman Jane Doe"; the role scan reads it back.
    while end - start > 1 and words.get(span.doc[start].lower_) in TITLE_KINDS:
        start += 1
    while end > start and span.doc[end - 1].text in POSSESSIVES:
        end -= 1
    return span.doc[start:end] if end > start else None


def _role_before(doc: Doc, start: int, hit_at: dict[int, Hit]) -> tuple[str | None, Hit | None]:
    """Scan left from a name over the title: role nouns, modifiers, hits and connectors."""
    words = title_words()
    first = last = -1
    has_role, affiliation = False, None
    i = start - 1
    while i >= 0 and not _is_boundary(doc, i):
        if i in hit_at and hit_at[i].kind != "capital":
            affiliation = hit_at[i]
            first, last = hit_at[i].span.start, max(last, i)
            i = hit_at[i].span.start - 1
            continue
        kind = words.get(doc[i].lower_)
        if kind in {"role", "modifier"}:
            has_role |= kind == "role"
            first, last = i, max(last, i)
        elif kind not in {"rank", "connector"}:
            break
        i -= 1
    if has_role:
        return doc[first : last + 1].text, affiliation
    if affiliation is not None and _is_adjacent(doc, affiliation.span.end, start):
        # "Israeli Herzi Halevi", "Hezbollah's Wissam Tawil"; but a reporter named after
        # the outlet ("Al Jazeera's Jane Roe") is no sign of the reporter's country.
        is_media = affiliation.entry is not None and affiliation.entry.type == "media"
        return None, None if is_media else affiliation
    return None, None


def _is_boundary(doc: Doc, i: int) -> bool:
    """Return True where a title cannot run on: a line break, punctuation, a sentence's end."""
    token = doc[i]
    if token.text == ".":  # only the end of an abbreviated rank: "Lt.-Gen" "." "Herzi"
        return i == 0 or title_words().get(doc[i - 1].lower_) != "rank"
    return token.is_space or (token.is_punct and token.text not in {"-", "'s", "’s"})


def _is_adjacent(doc: Doc, end: int, start: int) -> bool:
    between = doc[end:start]
    return all(t.text in POSSESSIVES for t in between)


def _role_after(name: Span, hit_at: dict[int, Hit]) -> tuple[str | None, Hit | None] | None:
    """Return the role an apposition gives: "X, a commander of Hezbollah's forces"."""
    words = title_words()
    for token in name:
        for child in token.children:
            if child.dep_ != "appos" or child.i < name.end or words.get(child.lower_) != "role":
                continue
            kept = _without_clauses(child)
            role = name.doc[kept[0] : kept[-1] + 1]
            affiliation = next(
                (hit_at[i] for i in kept if i in hit_at and _belongs(hit_at[i], child)), None
            )
            return role.text, affiliation
    return None


def _belongs(hit: Hit, head: Token) -> bool:
    """Return False where the words say the role is about the hit, or only located there.

    "envoy to Lebanon", "expert on Syria", "a Britain-based group": not Lebanon's, Syria's
    or Britain's.
    """
    doc, end = hit.span.doc, hit.span.end
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in LOCATIVE:
        return False
    token = hit.span.root
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPOSITIONS:
            return False
        token = token.head
    return True


def _without_clauses(head: Token) -> list[int]:
    """Return the token indices of head's subtree, without relative clauses."""
    dropped = {t.i for c in head.children if c.dep_ in RELATIVE_DEPS for t in c.subtree}
    kept = sorted(t.i for t in head.subtree if t.i not in dropped)
    # Keep the contiguous run around the head: a dropped clause ends the role.
    run = [head.i]
    for i in kept:
        if i > head.i and i == run[-1] + 1:
            run.append(i)
    for i in reversed(kept):
        if i == run[0] - 1:
            run.insert(0, i)
    doc = head.doc
    while len(run) > 1 and (doc[run[0]].dep_ == "det" or doc[run[0]].is_punct):
        run.pop(0)
    while len(run) > 1 and (doc[run[-1]].pos_ in {"ADP", "DET", "CCONJ"} or doc[run[-1]].is_punct):
        run.pop()
    return run
