"""Find the places a story names and geocode them from the offline gazetteer.

Needs: doc (from nlp); reads article.dateline and actors when earlier stages filled them.
Fills: places. Leaves to other stages: demonyms and governments named by their capital
("Israeli", "Washington said") are actors (actors/), not places; events/ links places to events.

Candidates are the parser's GPE/LOC/FAC entities; gazetteer phrases it misses (curated
multiword names such as villages, rivers, crossings; country names); and names it mislabels
(PERSON, ORG, none) where they stand as places do ("shelled Kharkiv", "in Moorhead"). Each is
looked up in the gazetteer, normalised ("southern X" is the region "south X"; "X province" is
region X), and disambiguated by the countries and regions the story names and by population
(disambiguate.py). A city standing for its government ("Moscow warned") is left out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from dateline.actors import country_of
from dateline.nlp.text import doc_entities, doc_text, doc_tokens
from dateline.pipeline import stage
from dateline.places.disambiguate import Context, choose, story_context, widen
from dateline.places.gazetteer import Entry, Gazetteer, Hit, fold, load_gazetteer
from dateline.reading import Mention, Place, Reading

# A city this large is a place even when the parser calls its name an organisation (set by
# hand on LGL: below it, team and company names such as "Fargo" outnumber the towns).
CLEAR_CITY = 100_000
# An unlabelled name after "in"/"near" must be a town of this size (GeoNames' smallest kept
# places include many that share a surname or a word).
VILLAGE = 1_000
# A town smaller than this, in a country the story names nowhere, is a same-name stranger:
# a person ("Ivanka"), a word ("Naval") or a district of the story's city ("Barza") more
# often than a town abroad the story never introduces. Curated and context towns are kept.
STRANGER_TOWN = 15_000


@dataclass(frozen=True, slots=True)
class Words:
    """The word lists of data/words.yaml."""

    metonymy_verbs: frozenset[str]
    metonymy_nouns: frozenset[str]
    directions: dict[str, str]
    region_suffixes: dict[str, int]  # kind word -> the GeoNames level it names (0: either)
    non_place_actor_types: frozenset[str]
    place_labels: frozenset[str]
    locative_prepositions: frozenset[str]
    org_locative_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    place_verbs: frozenset[str]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of the Doc that may name a place, with the entries it may mean."""

    span: Span
    hits: tuple[Hit, ...]


@cache
def load_words() -> Words:
    """Return the places word lists, read once."""
    text = resources.files("dateline.places").joinpath("data", "words.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return Words(
        metonymy_verbs=frozenset(data["metonymy_verbs"]),
        metonymy_nouns=frozenset(data["metonymy_nouns"]),
        directions=dict(data["directions"]),
        region_suffixes=dict(data["region_suffixes"]),
        non_place_actor_types=frozenset(data["non_place_actor_types"]),
        place_labels=frozenset(data["place_labels"]),
        locative_prepositions=frozenset(data["locative_prepositions"]),
        org_locative_prepositions=frozenset(data["org_locative_prepositions"]),
        place_prepositions=frozenset(data["place_prepositions"]),
        place_verbs=frozenset(data["place_verbs"]),
    )


@stage(needs={"doc"}, fills={"places"}, english_only=True)
def find_places(reading: Reading) -> Reading:
    """Return the reading with every place it names, geocoded and with its mentions."""
    gazetteer, words = load_gazetteer(), load_words()
    doc = reading.require_doc()
    candidates = _drop_actors(_candidates(doc, gazetteer, words), reading, words)
    named = story_context(_settling(candidates, reading, words), extra=_known_countries(reading))
    candidates = [Candidate(c.span, _placeable(c, named, words)) for c in candidates]
    # Two passes: the first choices ("Atlanta" is in Georgia, USA) are context for the second
    # ("Georgia" is then the state), as a reader settles a story's geography. `named` stays
    # as it was: a town's own country does not vouch for it.
    first = [choose(c.hits, named) for c in candidates]
    context = widen(named, [e for e in first if e is not None])
    mentions: dict[Entry, list[Span]] = {}
    for candidate in candidates:
        entry = choose(candidate.hits, context)
        if entry is None or (entry.kind == "city" and is_metonym(candidate.span, words)):
            continue
        if is_stranger_town(entry, named) or _is_unsettled_district(entry, candidate, context):
            continue
        mentions.setdefault(entry, []).append(candidate.span)
    places = [
        _to_place(f"p{i}", entry, spans) for i, (entry, spans) in enumerate(mentions.items(), 1)
    ]
    return replace(reading, places=tuple(places))


def _is_unsettled_district(entry: Entry, candidate: Candidate, context: Context) -> bool:
    """Return True for a district whose namesakes lie in other regions of its country when the
    story names none of their regions: "Boone County" with no state is one of eight, and a
    guess by size is wrong more often than right (LGL, #9); a reader is better served by no
    point than by a wrong one."""
    if not is_district(entry) or entry.admin1 in context.regions:
        return False
    return any(
        is_district(h.entry) and h.entry.country == entry.country and h.entry.admin1 != entry.admin1
        for h in candidate.hits
    )


def _has_kind_word(span: Span, words: Words) -> bool:
    return len(span) > 1 and span[-1].lower_ in words.region_suffixes


def _settling(candidates: list[Candidate], reading: Reading, words: Words) -> list[tuple[Hit, ...]]:
    """Return, for each name, the hits that may tell which countries the story is about. A bare
    name's district readings do not (35,000 districts share their names with people, words and
    towns); and a name that may be a district of a country the other names settle tells
    nothing of other countries ("Zhari" in an Afghan story is no evidence for Zary, Poland;
    "Texas" in an American story is still the state, though Missouri has a Texas County)."""
    plain = [c.hits for c in candidates if not any(is_district(h.entry) for h in c.hits)]
    guess = story_context(plain, extra=_known_countries(reading))
    out = []
    for candidate in candidates:
        if _has_kind_word(candidate.span, words):  # "Karak district" is Jordan's in Jordan
            named = guess.countries
            out.append(tuple(h for h in candidate.hits
                             if not is_district(h.entry) or h.entry.country in named))  # fmt: skip
            continue
        ours = {h.entry.country for h in candidate.hits if is_district(h.entry)
                and _in_focus(h, guess)}  # fmt: skip
        out.append(tuple(
            h for h in candidate.hits
            if not is_district(h.entry) and (not ours or h.entry.country in ours)
        ))  # fmt: skip
    return out


def _placeable(candidate: Candidate, context: Context, words: Words) -> tuple[Hit, ...]:
    """Return the hits a name may mean here: a district only in a country the story names, as
    for small towns (in a Jordan story "Karak district" is not Karak District, Pakistan), and a
    bare name only in one the story is about ("Zhari" in a Kandahar story; #9)."""
    if _has_kind_word(candidate.span, words):
        named = context.countries
        return tuple(
            h for h in candidate.hits if not is_district(h.entry) or h.entry.country in named
        )
    return tuple(h for h in candidate.hits if not is_district(h.entry) or _in_focus(h, context))


def _in_focus(hit: Hit, context: Context) -> bool:
    country = hit.entry.country
    return country in context.countries and country not in context.passing


def is_stranger_town(entry: Entry, context: Context) -> bool:
    """Return True for a small uncurated town in a country the story does not name."""
    return (
        entry.kind == "city"
        and not entry.curated
        and entry.population < STRANGER_TOWN
        and entry.country not in context.countries
    )


def _candidates(doc: Doc, gazetteer: Gazetteer, words: Words) -> list[Candidate]:
    spans = [_trim(e) for e in doc_entities(doc) if e.label_ in words.place_labels]
    spans += _phrase_spans(doc, gazetteer)
    spans += [_with_direction(s, words) for s in spans if s is not None]
    spans += [_with_kind_word(s, words) for s in spans if s is not None]
    spans += _before_kind_words(doc, words)
    found = []
    for span in _longest_first(s for s in spans if s is not None and not _is_bare(s, words)):
        hits = _facility_hits(span, _lookup(span, gazetteer, words))
        if hits:
            found.append(Candidate(span, hits))
    found += _mislabelled(doc, gazetteer, words)
    found += _unlabelled(doc, gazetteer, words)
    return _without_overlaps(found)


def _is_bare(span: Span, words: Words) -> bool:
    """Return True for a compass word alone ("the North", "the West", "south"): it names a
    side of a story's map (a Korea, the Western world), never a town of that name."""
    return len(span) == 1 and span[0].lower_ in words.directions


def _facility_hits(span: Span, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """Drop towns for a name the parser calls a facility and writes with "the" ("the White
    House", "the Old City"): a building or quarter is not a same-name town elsewhere, unless
    it is a clear city. Without "the" the parser's FAC is often a town ("in Mosul")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if span.root.ent_type_ != "FAC" or before is None or before.lower_ != "the":
        return hits
    return tuple(
        h for h in hits
        if h.entry.kind != "city" or (h.exact and h.entry.population >= CLEAR_CITY)
    )  # fmt: skip


def _is_acronym(span: Span, gazetteer: Gazetteer) -> bool:
    """Return True for a short name in capitals ("IMO", "PA") that is no clear city: an
    organisation's initials when the parser did not call it a place. A wire dateline's
    capitals ("KABUL") are a city's; country codes are matched as phrases."""
    if len(span.text) > 5 or not span.text.replace(".", "").isupper():
        return False
    hits = gazetteer.lookup(span.text)
    return not any(_is_clear_city(h) for h in hits)


def _is_clear_city(hit: Hit) -> bool:
    return hit.exact and hit.entry.kind == "city" and hit.entry.population >= CLEAR_CITY


def _mislabelled(doc: Doc, gazetteer: Gazetteer, words: Words) -> list[Candidate]:
    """Return ORG, PERSON and NORP entities that are clearly places: the small model often
    labels "Minnesota" ORG, "Kharkiv" PERSON or "Omdurman" NORP. The name must be a place of
    100,000 people, and either stand where places stand ("shelled Kharkiv", "strikes on
    Rafah") or be a two-word country or region ("Sri Lanka"; "Chad" and "Georgia" are also
    first names) or, for an ORG, a city by its own name."""
    found = []
    for ent, span in _entity_parts(doc):
        if _is_acronym(span, gazetteer):
            continue
        hits = tuple(h for h in gazetteer.lookup(span.text) if h.entry.population >= CLEAR_CITY)
        if not hits:
            continue
        named = {h.entry.kind for h in hits if h.exact}
        by_name = len(span) >= 2 and bool(named & {"country", "region"})
        if ent.label_ == "NORP" and (by_name or country_of(span.text) is not None):
            continue  # a demonym ("Israeli") is an actor; a NORP city must stand as a place
        if ent.label_ == "ORG":
            by_name = by_name or bool(named)
        if by_name or _in_place_slot(span.root, words):
            found.append(Candidate(span, gazetteer.lookup(span.text)))
    return found


def _entity_parts(doc: Doc) -> list[tuple[Span, Span]]:
    """Return each ORG, PERSON or NORP entity with its parts split at "and" and commas: the
    parser sometimes makes one person of "Rafah and Khan Younis"."""
    parts = []
    for ent in doc_entities(doc):
        if ent.label_ not in ("ORG", "PERSON", "NORP"):
            continue
        start = ent.start
        for token in [*ent, None]:
            if token is None or token.dep_ == "cc" or token.text == ",":
                end = token.i if token is not None else ent.end
                part = _trim(doc[start:end]) if end > start else None
                if part is not None:
                    parts.append((ent, part))
                start = end + 1
    return parts


def _in_place_slot(token: Token, words: Words) -> bool:
    """Return True when a word stands where places stand: the object of a preposition such as
    "in" or "on", or of a verb such as "shelled" or "seized", itself or as a conjunct."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ in words.place_prepositions
    return token.dep_ == "dobj" and token.head.lemma_.lower() in words.place_verbs


def _trim(span: Span) -> Span | None:
    """Return the span without a leading article, a trailing possessive, spaces or dashes."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].lower_ in ("the", "a", "an") or _is_edge(doc[start])):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or _is_edge(doc[end - 1])):
        end -= 1
    return span.doc[start:end] if start < end else None


def _with_direction(span: Span, words: Words) -> Span | None:
    """Return the span with the direction word before it ("northern" Kenya), if there is one."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in words.directions:
        return span.doc[span.start - 1 : span.end]
    return None


def _with_kind_word(span: Span, words: Words) -> Span | None:
    """Return the span with the administrative word after it ("Zhari" district), if any."""
    if span.end < len(span.doc) and _is_kind_word(span.doc[span.end], words):
        return span.doc[span.start : span.end + 1]
    return None


def _is_kind_word(token: Token, words: Words) -> bool:
    """Return True for an administrative word that ends a place's name: not one inside a
    longer proper name ("Central District Court", "Colorado State University", "North State
    Street", "Walker County Sheriff's Office"), whose place is the building's."""
    if token.lower_ not in words.region_suffixes:
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is None or not (after.text[:1].isupper() and after.pos_ == "PROPN")


def _before_kind_words(doc: Doc, words: Words) -> list[Span]:
    """Return the proper nouns before an administrative word that the parser did not call a
    place ("Maarrat al-Numan district", "Nad Ali district"): the word says it is a region, and
    `_lookup` keeps only regions for it. The whole name only: its last word alone would be
    another place ("Rift Valley Province" is not "The Valley", Anguilla)."""
    spans = []
    for token in doc_tokens(doc):
        if token.i == 0 or not _is_kind_word(token, words):
            continue
        start = token.i
        while start > 0 and _in_name(doc[start - 1]):
            start -= 1
        if start < token.i and doc[start].text[:1].isupper():
            spans.append(doc[start : token.i + 1])
    return spans


def _in_name(token: Token) -> bool:
    """Return True for a word of a place's name: a proper noun, or the article or hyphen that
    joins Arabic names ("Maarrat al-Numan", "Jisr al-Shughur")."""
    if token.is_sent_end:
        return False
    return token.pos_ == "PROPN" or (token.lower_ in ("al", "el", "-") and not token.is_sent_start)


def _is_edge(token: Token) -> bool:
    return token.is_space or (token.is_punct and token.text != ".")


def _phrase_spans(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Return spans whose words are a country or curated name (the parser misses many)."""
    # Every length from the longest phrase down is tried at each first word; a Span built and
    # trimmed (_trim) for each was most of this stage, so lengths are trimmed on per-token
    # flags and looked up as text, and a Span is made only for a phrase found (#12).
    text, tokens = doc_text(doc), doc_tokens(doc)
    lead = [t.lower_ in ("the", "a", "an") or _is_edge(t) for t in tokens]
    tail = [t.tag_ == "POS" or _is_edge(t) for t in tokens]
    spans = []
    opens: dict[str, bool] = {}  # a word's fold asked once per text: most words recur
    for i, token in enumerate(tokens):
        word = token.text
        if (opening := opens.get(word)) is None:
            opening = opens[word] = fold(word) in gazetteer.first_words
        if not opening:
            continue
        for size in range(min(gazetteer.longest_phrase, len(tokens) - i), 0, -1):
            start, end = i, i + size
            while start < end and lead[start]:
                start += 1
            while end > start and tail[end - 1]:
                end -= 1
            last = tokens[end - 1]
            if start == end or fold(text[tokens[start].idx : last.idx + len(last)]) not in (
                gazetteer.phrases
            ):
                continue
            if _looks_like_name(span := doc[start:end]):
                spans.append(span)
                break
    return spans


def _looks_like_name(span: Span) -> bool:
    """Return True when a phrase match is written as a name: capitalised, codes in capitals."""
    if len(span.text) <= 4:
        return span.text.replace(".", "").isupper()  # "US", "U.K.", "DRC"; not "us"
    if not any(t.text[:1].isupper() for t in span):
        return False
    return not _glued(span)


def _glued(span: Span) -> bool:
    """Return True when a phrase match is part of a longer proper name: "Jersey" in "New
    Jersey", "Atlantic" in "Florida Atlantic University", "Israel" in "Israel Katz"."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(
        t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start
        for t in (before, after)
    )


def _unlabelled(doc: Doc, gazetteer: Gazetteer, words: Words) -> list[Candidate]:
    """Return proper nouns the parser left unlabelled (or called an ORG) after a locative
    preposition ("in Moorhead", "near Roselle") when they are a town's own name: the
    preposition makes the reading as a place likely, the town's name makes it checkable."""
    found = []
    for token in doc_tokens(doc):
        if token.pos_ != "PROPN" or token.dep_ != "pobj" or not _may_be_place(token, words):
            continue
        span = doc[token.left_edge.i : token.i + 1]
        if any(t.ent_type_ != token.ent_type_ or t.pos_ != "PROPN" for t in span):
            continue
        if _is_acronym(span, gazetteer):
            continue
        hits = gazetteer.lookup(span.text)
        if any(h.exact and h.entry.population >= VILLAGE for h in hits):
            found.append(Candidate(span, hits))
    return found


def _may_be_place(token: Token, words: Words) -> bool:
    """Return True for a token with no entity label after "in"/"near"/..., or one labelled
    ORG after "in"/"near" only ("at Harvard" is the university)."""
    preposition = token.head.lower_
    if not token.ent_type_:
        return preposition in words.locative_prepositions
    return token.ent_type_ == "ORG" and preposition in words.org_locative_prepositions


def _lookup(span: Span, gazetteer: Gazetteer, words: Words) -> tuple[Hit, ...]:
    """Return the hits for a span, normalising directional and administrative phrases."""
    hits = gazetteer.lookup(span.text)
    first, last = span[0].lower_, span[-1].lower_
    if first in words.directions and len(span) > 1 and not hits:
        return _directional(words.directions[first], gazetteer.lookup(span[1:].text))
    if last in words.region_suffixes and len(span) > 1:
        bare = gazetteer.lookup(span[:-1].text)
        regions = [h for h in hits or bare if h.entry.kind == "region"]
        return _of_level(regions, words.region_suffixes[last])
    return hits


def _of_level(hits: list[Hit], level: int) -> tuple[Hit, ...]:
    """Return the hits of the level a kind word names. "Idlib province", "Houston region" are
    never districts (the bare name is then read on its own: the city). "Idlib district" is the
    district rather than the province of its country, but a province abroad stays in the
    running ("Karak district" in a Jordan story is Karak, Jordan, not Karak District, Pakistan)."""
    if level == 1:
        return tuple(h for h in hits if not is_district(h.entry))
    if level == 2:
        countries = {h.entry.country for h in hits if is_district(h.entry)}
        return tuple(h for h in hits if is_district(h.entry) or h.entry.country not in countries)
    return tuple(hits)


def is_district(entry: Entry) -> bool:
    """Return True for a second-level district (GeoNames admin2)."""
    return entry.admin2 is not None


def _directional(direction: str, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """Return "north X" regions for the countries and regions X may mean."""
    out = []
    for hit in hits:
        # Not districts: "central Athens" is not Athens County, Ohio.
        if hit.entry.kind in ("country", "region") and not is_district(hit.entry):
            name = f"{direction} {hit.entry.name}"
            out.append(Hit(replace(hit.entry, name=name, kind="region", curated=False), True))
    return tuple(out)


def _longest_first(spans: Iterable[Span]) -> list[Span]:
    unique = {(s.start, s.end): s for s in spans}
    return sorted(unique.values(), key=_span_order)


def _span_order(span: Span) -> tuple[int, int]:
    return (span.start, -len(span))


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Return the candidates left after dropping any that overlaps a longer one."""
    by_length = sorted(candidates, key=_candidate_length, reverse=True)
    taken: set[int] = set()
    kept = []
    for candidate in by_length:
        tokens = set(range(candidate.span.start, candidate.span.end))
        if not tokens & taken:
            kept.append(candidate)
            taken |= tokens
    return sorted(kept, key=_candidate_start)


def _candidate_length(candidate: Candidate) -> int:
    return len(candidate.span)


def _candidate_start(candidate: Candidate) -> int:
    return candidate.span.start


def _drop_actors(candidates: list[Candidate], reading: Reading, words: Words) -> list[Candidate]:
    """Drop candidates the actors layer found to be a group, party, outlet or person."""
    taken = {
        (m.start, m.end)
        for actor in reading.actors
        if actor.type in words.non_place_actor_types
        for m in actor.mentions
    }
    return [c for c in candidates if (c.span.start_char, c.span.end_char) not in taken]


def _known_countries(reading: Reading) -> list[str | None]:
    """Return the countries of the dateline place and of the actors, when known."""
    countries: list[str | None] = [actor.country for actor in reading.actors]
    dateline = reading.article.dateline if reading.article else None
    if dateline and dateline.place:
        entry = choose(load_gazetteer().lookup(dateline.place.title()), Context())
        countries.append(entry.country if entry else None)
    return countries


def is_metonym(span: Span, words: Words) -> bool:
    """Return True when a place name stands for its government: "Washington said",
    "rebuffed Washington's ideas". Gritta et al. (2019) call this metonymy."""
    root: Token = span.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in words.metonymy_verbs:
        return True
    if root.dep_ == "pobj" and head.lower_ == "by":  # the agent of a passive: "branded by X"
        return head.dep_ == "agent" or any(a.tag_ == "VBN" for a in head.ancestors)
    return root.dep_ == "poss" and head.lemma_.lower() in words.metonymy_nouns


def _to_place(place_id: str, entry: Entry, spans: list[Span]) -> Place:
    name = entry.name
    if (entry.kind == "city" and not entry.curated) or is_district(entry):
        name = spans[0].text  # the story's spelling ("Khan Younis"), not GeoNames' transliteration
    elif all(s.text.isascii() for s in spans) and not name.isascii():
        name = _ascii(name)  # a story that writes "Farah" names "Farah", not GeoNames' "Farāh"
    return Place(
        id=place_id,
        name=name,
        country=entry.country,
        lat=round(entry.lat, 4) if entry.lat is not None else None,
        lon=round(entry.lon, 4) if entry.lon is not None else None,
        kind=entry.kind,
        geonameid=entry.geonameid,
        mentions=tuple(Mention(text=s.text, start=s.start_char, end=s.end_char) for s in spans),
    )


def _ascii(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c))
