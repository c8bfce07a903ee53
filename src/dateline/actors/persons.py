"""People named in the story: NER PERSON spans with the role and affiliation their title gives.

"U.S. envoy Amos Hochstein": the words before a name that are role nouns, modifiers and
dictionary hits make its role ("U.S. envoy"), and the first hit in the role gives the
affiliation (the United States). A rank ("Lt.-Gen.") stays out of the role. When nothing
precedes the name, an apposition after it does: "Wissam Tawil, a commander of Hezbollah's
elite forces" (found through the parse's `appos` arc, without its relative clause).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from dateline.actors.dictionary import read_table
from dateline.actors.matching import POSSESSIVES, Hit

# Phoenix agent codes for people in general ("man", "people"): not a role anyone holds.
GENERIC_AGENT_CODES = frozenset({"PPL"})
GENERIC_AGENT_WORDS = frozenset({"woman", "women", "person", "persons"})
TITLE_KINDS = frozenset({"rank", "connector", "role", "modifier"})
RELATIVE_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj"})


@dataclass(frozen=True, slots=True)
class Person:
    """A PERSON span, with the role its title gives and the hit it is affiliated through."""

    span: Span  # the name as written, rank and possessive left out
    role: str | None
    affiliation: Hit | None  # the hit whose actor gives the person's country


@cache
def title_words() -> dict[str, str]:
    """Return lower-case word -> role | modifier | rank | connector (titles.tsv + agents.tsv)."""
    words = {}
    for row in read_table("agents.tsv"):
        phrase, code = row[0].strip(), row[1].strip()
        if " " not in phrase and code not in GENERIC_AGENT_CODES:
            words[phrase] = "role"
    for word in GENERIC_AGENT_WORDS:
        words.pop(word, None)
    words.update({row[0].strip(): row[1].strip() for row in read_table("titles.tsv")})
    return words


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
        return None, affiliation  # "Israeli Herzi Halevi", "Hezbollah's Wissam Tawil"
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
            affiliation = next((hit_at[i] for i in kept if i in hit_at), None)
            return role.text, affiliation
    return None


def _without_clauses(head: Token) -> list[int]:
    """Return the token indices of head's subtree, without relative clauses and determiners."""
    dropped = {t.i for c in head.children if c.dep_ in RELATIVE_DEPS for t in c.subtree}
    kept = [t.i for t in head.subtree if t.i not in dropped and t.dep_ != "det"]
    # Keep the contiguous run around the head: a dropped clause ends the role.
    run = [head.i]
    for i in sorted(kept):
        if i > head.i and i == run[-1] + 1:
            run.append(i)
    left = [i for i in sorted(kept, reverse=True) if i < head.i]
    for i in left:
        if i == run[0] - 1:
            run.insert(0, i)
    return run
