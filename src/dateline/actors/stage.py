"""Find the actors of the story and resolve their mentions within the article.

Needs: doc (from nlp). Fills: actors. English only.

Sources of mentions, in order of trust:
1. the shipped dictionary (matching.py): states by name, capital ("Washington rebuffed") and
   nationality adjective ("Israeli strike"); a state's bodies ("Lebanese government",
   "Israel's Prime Minister's Office"); organisations, armed groups and their units, IGOs,
   NGOs and media;
2. NER PERSON spans, typed person, with role and country from their title or apposition
   (persons.py);
3. NER ORG spans the dictionary lacks (type other) and plural NORP spans ("Christians", type
   population), with a country only when a state's name or adjective is inside them;
4. unnamed groups named by role ("gunmen", "Palestinian civilians", generic.py).
NER GPE spans the dictionary lacks are places, left to find_places.

Resolution within the article: a surname alone ("Hochstein") joins the full name seen anywhere
in the article; "the group", "the terror group", "the movement" join the salient armed group
(most mentioned so far, the latest on a tie; the article's most mentioned when none came
before). Actor ids are "a1", "a2", ... in order of first mention.

Side effect on the Doc (memory only): doc.spans["actors"] holds every mention's tokens with
`label_` set to its actor id, so later stages map tokens to actors without char arithmetic.
Quote and source attribution ("he" as the last speaker) is left to find_quotes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dateline.actors.coref import join_organisation_names
from dateline.actors.dictionary import (
    ActorDictionary,
    country_of,
    leader_country,
    load_actor_dictionary,
    read_table,
)
from dateline.actors.generic import GroupMention, find_groups
from dateline.actors.matching import GROUP, POSSESSIVES, Hit, find_hits
from dateline.actors.persons import Person, find_persons
from dateline.actors.prose import (
    is_common_word,
    is_credit,
    is_named_as_place,
    is_outside_prose,
    is_place_position,
)
from dateline.nlp.text import doc_entities, doc_tokens
from dateline.pipeline import stage
from dateline.reading import Actor, Mention, Reading

NAME_LABELS = frozenset({"PERSON"})
OTHER_LABELS = frozenset({"ORG", "NORP"})
LEADING = frozenset({"the", "The"})
DETERMINERS = frozenset({"the", "a", "an"})
STATE_KINDS = frozenset({"name", "adjective", "capital"})
MAX_OTHER_TOKENS = 6  # a longer ORG span is a sentence fragment NER ran on with
# Types of a name NER found that may really be a place it misread ("Khan Younis" as a person).
PLACE_LIKE = frozenset({"person", "other"})


@dataclass(frozen=True, slots=True)
class _Found:
    """One mention and the actor it names (by key, the canonical name)."""

    span: Span
    key: str
    type: str
    country: str | None
    role: str | None = None
    part_of: str | None = None  # the key of the actor this one belongs to
    by_ner: bool = False  # found by NER, not by the dictionary or a role noun (prose.py)


@stage(needs={"doc"}, fills={"actors"}, english_only=True)
def find_actors(reading: Reading) -> Reading:
    """Return the reading with its actors, every mention with exact offsets."""
    doc = reading.require_doc()
    found = _find_all(doc, load_actor_dictionary())
    actors = _to_actors(found)
    doc.spans["actors"] = [
        Span(doc, m.span.start, m.span.end, label=ids) for m, ids in _labelled(found, actors)
    ]
    return replace(reading, actors=tuple(actors))


def _find_all(doc: Doc, dictionary: ActorDictionary) -> list[_Found]:
    hits = _yield_to_organisations(find_hits(doc), doc)
    names = [e for e in doc_entities(doc) if e.label_ in NAME_LABELS and _is_name(e, dictionary)]
    names = _not_overlapping(names, [h.span for h in hits])
    found = _resolve_groups([f for h in hits if (f := _from_hit(h, dictionary))], hits)
    persons = find_persons(doc, hits, names)
    found += _from_persons(persons, found)
    found += _surnames(doc, found)
    taken = [f.span for f in found]
    others = [e for e in doc_entities(doc) if e.label_ in OTHER_LABELS and _is_name(e, dictionary)]
    found += [f for span in _not_overlapping(others, taken) if (f := _from_other(span))]
    used = {i for f in found for i in range(f.span.start, f.span.end)}
    groups = find_groups(doc, used)
    inside = {i for g in groups for i in range(g.span.start, g.span.end)}
    found = [f for f in found if f.span.start not in inside]
    found += _join_the_named_group(groups, found)
    return _in_prose(_join_organisations(sorted(found, key=_start)))


def _join_the_named_group(groups: list[GroupMention], named: list[_Found]) -> list[_Found]:
    """ "The FARC ... the rebels ... the guerrillas": a definite armed role with no country of
    its own is the one armed group the story names (journalists vary the word, not the
    group), and "policemen" its one police force. With two named or none it stays a group of
    its own: "the rebels" in a story of Hezbollah and the Free Syrian Army is neither."""
    the_one = {kind: _only_named(named, kind) for kind in ("armed_group", "police")}
    joined = []
    for g in groups:
        definite = g.span[0].lower_ == "the" and g.role_start == g.span.start + 1
        # Policemen are the story's one police force whether "the" is there or not.
        only = the_one.get(g.type) if definite or g.type == "police" else None
        if only is not None and g.country is None:
            joined.append(replace(only, span=g.span, by_ner=False))
        else:
            joined.append(_Found(g.span, g.key, g.type, g.country))
    return joined


def _only_named(named: list[_Found], kind: str) -> _Found | None:
    """The one armed group (or police force) the story names, if it names exactly one."""
    # A state's police is part of the state; an armed group's unit is no group of its own.
    keys = {f.key: f for f in named if f.type == kind and (kind == "police" or not f.part_of)}
    return next(iter(keys.values())) if len(keys) == 1 else None


def _in_prose(found: list[_Found]) -> list[_Found]:
    """Drop the actors named only in page chrome, credits, or a place's position (prose.py)."""
    dropped = set()
    for key in dict.fromkeys(f.key for f in found):
        mine = [f for f in found if f.key == key]
        if _out_of_story(mine):
            dropped.add(key)
    return [f for f in found if f.key not in dropped]


def _out_of_story(mine: list[_Found]) -> bool:
    by_ner = all(f.by_ner for f in mine)
    if by_ner and all(is_outside_prose(f.span) or is_common_word(f.span) for f in mine):
        return True  # "Quicklinks", "Rice Lauds", "Excerpts": capitalised words, no names
    if (by_ner or mine[0].type == "media") and all(is_credit(f.span) for f in mine):
        return True  # "(Reuters)", "AP Photo/...", "Copyright ... Limited": the page's credit
    if not by_ner or mine[0].type not in PLACE_LIKE or any(f.role for f in mine):
        return False
    # "in Khan Younis" each time, or once "the town of Qusair": a place, not someone
    named_place = any(is_named_as_place(f.span) for f in mine)
    return named_place or all(is_place_position(f.span) for f in mine)


def _is_name(span: Span, dictionary: ActorDictionary) -> bool:
    """Return False for an NER span running over a line break or naming a state or capital.

    NER calls "Kyiv" a person now and then; where the capital is only a place (see
    matching._is_place) it must not come back as someone.
    """
    entry = dictionary.find(span.text)
    return "\n" not in span.text and (entry is None or entry.type != "state")


def _yield_to_organisations(hits: list[Hit], doc: Doc) -> list[Hit]:
    """Drop a state hit that is only part of an organisation's name: "Singapore Airlines".

    NER's ORG span wins where it holds one state name and more capitalised words; the
    organisation keeps the state as its country (see _from_other).
    """
    dropped = set()
    for span in doc_entities(doc):
        if span.label_ != "ORG" or "\n" in span.text:
            continue
        inside = [h for h in hits if span.start <= h.span.start and h.span.end <= span.end]
        if len(inside) != 1 or inside[0].entry is None or inside[0].kind not in STATE_KINDS:
            continue
        rest = [t for t in span if not inside[0].span.start <= t.i < inside[0].span.end]
        if any(t.is_title and t.text not in LEADING for t in rest):
            dropped.add(inside[0].span.start)
    return [h for h in hits if h.span.start not in dropped]


def _start(found: _Found) -> int:
    return found.span.start


def _not_overlapping(spans: list[Span], taken: list[Span]) -> list[Span]:
    """Return the spans that share no token with the taken ones (which win)."""
    used = {i for span in taken for i in range(span.start, span.end)}
    return [s for s in spans if not any(i in used for i in range(s.start, s.end))]


def _from_hit(hit: Hit, dictionary: ActorDictionary) -> _Found | None:
    entry = hit.entry
    if hit.kind == GROUP or entry is None:
        return _Found(hit.span, GROUP, "armed_group", None)
    if hit.institution is None:
        return _Found(hit.span, entry.name, entry.type, entry.country, part_of=entry.part_of)
    own = dictionary.military_of(entry.country or "")
    if hit.institution.type == "military" and own is not None:
        return _Found(hit.span, own.name, own.type, own.country)  # "Lebanese army"
    key = hit.institution.template.format(name=entry.name)
    return _Found(hit.span, key, hit.institution.type, entry.country, part_of=entry.name)


def _resolve_groups(found: list[_Found], hits: list[Hit]) -> list[_Found]:
    """Give "the group" the salient armed group's key; drop it where the story has none."""
    groups = Counter(f.key for f in found if f.type == "armed_group" and f.key != GROUP)
    seen: Counter[str] = Counter()
    latest: dict[str, int] = {}
    resolved = []
    for f in found:
        if f.key != GROUP:
            if f.type == "armed_group":
                seen[f.key] += 1
                latest[f.key] = f.span.start
            resolved.append(f)
            continue
        key = _salient(seen or groups, latest)
        if key is not None:
            like = next(g for g in found if g.key == key)
            resolved.append(replace(like, span=f.span))
    return resolved


def _salient(counts: Counter[str], latest: dict[str, int]) -> str | None:
    """Return the most mentioned key, the latest mentioned on a tie; None when none."""
    best: tuple[int, int] | None = None
    chosen = None
    for key, count in counts.items():
        rank = (count, latest.get(key, -1))
        if best is None or rank > best:
            best, chosen = rank, key
    return chosen


def _from_persons(persons: list[Person], found: list[_Found]) -> list[_Found]:
    by_token = {i: f for f in found for i in range(f.span.start, f.span.end)}
    result = []
    for person in persons:
        via = by_token.get(person.affiliation.span.start) if person.affiliation else None
        country = via.country if via else leader_country(person.span.text)
        result.append(
            _Found(person.span, person.span.text, "person", country, person.role, by_ner=True)
        )
    return _join_surnames(result)


def _join_surnames(persons: list[_Found]) -> list[_Found]:
    """Give a short name the key of the one full name ending in it: "Abdel Rahman"."""
    full = {p.key: tuple(t.lower_ for t in p.span) for p in persons if len(p.span) > 1}
    joined = []
    for p in persons:
        words = tuple(t.lower_ for t in p.span)
        keys = [
            k for k, name in full.items() if len(name) > len(words) and name[-len(words) :] == words
        ]
        joined.append(replace(p, key=keys[0]) if len(keys) == 1 else p)
    return joined


def _surnames(doc: Doc, found: list[_Found]) -> list[_Found]:
    """Return the surnames NER missed or mislabelled, as mentions of their full names."""
    full = {f.span[-1].text: f for f in found if f.type == "person" and len(f.span) > 1}
    used = {i for f in found for i in range(f.span.start, f.span.end)}
    extra = []
    for token in doc_tokens(doc):
        person = full.get(token.text)
        if person is None or token.i in used or not token.is_title:
            continue
        if token.i > 0 and doc[token.i - 1].text == "-":  # "al-Sham" is no surname
            continue
        extra.append(replace(person, span=doc[token.i : token.i + 1], role=None))
    return extra


def _from_other(span: Span) -> _Found | None:
    label = span.label_  # slicing a Span drops its label
    if span[0].lower_ in DETERMINERS:
        span = span[1:]
    while span and span[-1].text in POSSESSIVES:
        span = span[:-1]
    if not span or len(span) > MAX_OTHER_TOKENS:
        return None
    if span[-1].lower_ in _facility_words():
        return None  # "Imam Zaman Mosque": a site, not someone who acts
    country = next((c for t in span if (c := _country_of_word(t.text))), None)
    if label == "ORG":
        return _Found(span, span.text, _organisation_type(span, country), country, by_ner=True)
    if span.root.tag_ in {"NNPS", "NNS"} or span.text.endswith("s"):
        return _Found(span, span.text, "population", country, by_ner=True)
    return None  # an adjective alone ("European") is not an actor


@cache
def _facility_words() -> frozenset[str]:
    return frozenset(row[0].strip().lower() for row in read_table("facility_words.tsv"))


def _organisation_type(span: Span, country: str | None) -> str:
    """Return the type of a state's body NER found by name ("Afghan National Army"), or other."""
    if country is None:
        return "other"
    institutions = load_actor_dictionary().institutions
    kinds = {i.phrase: i.type for i in institutions if " " not in i.phrase}
    return kinds.get(span[-1].lower_, "other")


def _country_of_word(word: str) -> str | None:
    """Return the country a word names, reading a plural as its singular: "Afghans"."""
    return country_of(word) or (country_of(word[:-1]) if word.endswith("s") else None)


def _join_organisations(found: list[_Found]) -> list[_Found]:
    """Give an organisation's short names and acronyms the key of its full name."""
    others = [f for f in found if f.type == "other"]
    pairs = [p for f in others if (p := _acronym_after(f))]
    found = found + [acronym for _, acronym in pairs]
    names = list(dict.fromkeys(f.key for f in found if f.type == "other"))
    joined = join_organisation_names(names, [(f.key, a.key) for f, a in pairs])
    found = [
        replace(f, key=joined[f.key]) if f.type == "other" and f.key in joined else f for f in found
    ]
    return sorted(found, key=_start)


def _acronym_after(found: _Found) -> tuple[_Found, _Found] | None:
    """Return the name and its acronym where the text sets one after it: "Name (ACRO)"."""
    doc, end = found.span.doc, found.span.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    acronym = doc[end + 1]
    if not acronym.is_upper or len(acronym) < 2:
        return None
    return found, replace(found, span=doc[end + 1 : end + 2], key=acronym.text)


def _to_actors(found: list[_Found]) -> list[Actor]:
    """Return one Actor per key, in order of first mention, with ids a1, a2, ..."""
    order = list(dict.fromkeys(f.key for f in found))
    ids = {key: f"a{n}" for n, key in enumerate(order, start=1)}
    actors = []
    for key in order:
        mine = [f for f in found if f.key == key]
        head = mine[0]
        actors.append(
            Actor(
                id=ids[key],
                name=key,
                type=head.type,
                country=next((f.country for f in mine if f.country), None),
                mentions=tuple(_mention(f.span) for f in mine),
                role=next((f.role for f in mine if f.role), None),
                part_of=ids.get(head.part_of) if head.part_of else None,
            )
        )
    return actors


def _mention(span: Span) -> Mention:
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


def _labelled(found: list[_Found], actors: list[Actor]) -> list[tuple[_Found, str]]:
    ids = {a.name: a.id for a in actors}
    spans = filter_spans([f.span for f in found])
    kept = {(s.start, s.end) for s in spans}
    return [(f, ids[f.key]) for f in found if (f.span.start, f.span.end) in kept]
