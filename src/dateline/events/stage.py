"""Code the events of a reading: who did what to whom, when, where, and on whose word.

Needs: doc (nlp), and uses actors, quotes, sources, times, places when those stages filled
them. Fills: events. Each event has a PLOVER type, a CAMEO code (as fine as the text
supports), CAMEO's Goldstein score and the PLOVER manual's score, source and target actor
ids (None when the parse names no actor the actors stage found), modality, date, place,
attribution and confidence. Without the other layers it still codes events from the parse
alone, with unresolved actors; resolving names to actors is the actors stage's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial

from spacy.tokens import Span, Token

from dateline.events.coder import Cluster, find_triggers, group_triggers
from dateline.events.dating import find_attribution, find_confidence, find_date, find_place
from dateline.events.lexicon import code_info, load_plover_scores
from dateline.events.modality import find_modality, is_future
from dateline.events.roles import resolve, source_tokens, target_tokens, with_conjuncts
from dateline.pipeline import stage
from dateline.reading import Event, Mention, Reading

MAX_PAIRS = 4  # coordinated actors give one event per pair, up to this many
# A future or conditional act of force is coded as a threat of it (CAMEO 138, threaten to use
# military force): "will fire rockets until ..." is a threat, not yet an attack.
THREAT_CODE = "138"
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})


@dataclass(frozen=True, slots=True)
class Roles:
    """The tokens that name an event's source and target."""

    sources: tuple[Token, ...]
    targets: tuple[Token, ...]


@stage(
    needs={"doc", "actors", "quotes", "sources", "times", "places"},
    fills={"events"},
    english_only=True,
)
def code_events(reading: Reading) -> Reading:
    """Return the reading with the events coded from its sentences."""
    doc = reading.require_doc()
    clusters = group_triggers(find_triggers(doc))
    events = [e for cluster in clusters for e in _to_events(reading, cluster)]
    numbered = [replace(e, id=f"e{i}") for i, e in enumerate(events, 1)]
    return replace(reading, events=tuple(numbered))


def find_roles(cluster: Cluster) -> Roles:
    """Return the source and target tokens of an event, from its head trigger first."""
    sources: list[Token] = []
    targets: list[Token] = []
    heads = [cluster.head, *(m for m in cluster.members if m is not cluster.head)]
    for member in heads:
        sources = sources or source_tokens(member.token)
        targets = targets or target_tokens(member.token)
    if cluster.intent_of is not None:
        sources = sources or source_tokens(cluster.intent_of.token)
    return Roles(tuple(with_conjuncts(sources)), tuple(with_conjuncts(targets)))


def _to_events(reading: Reading, cluster: Cluster) -> Iterator[Event]:
    code, trigger = cluster.head.code, cluster.head.token
    intended = cluster.intent_of is not None or trigger.pos_ == "ADJ"
    modality = find_modality(trigger, code, intended=intended)
    info = code_info(code)
    if info and info.type in FORCE_TYPES and (modality == "conditional" or is_future(trigger)):
        code, info = THREAT_CODE, code_info(THREAT_CODE)
    if info is None or not info.type:
        return  # CAMEO 01/02 (comments, appeals): PLOVER does not code them
    roles = find_roles(cluster)
    if not roles.sources and not roles.targets:
        return  # no one acts and no one is acted on: not an event record
    evidence = event_span(cluster, roles)
    pairs = _pairs(reading, roles)
    attribution = find_attribution(reading, trigger)
    for source, target in pairs:
        yield Event(
            id="",
            type=info.type,
            mode=info.mode,
            cameo=code,
            cameo_label=info.label,
            goldstein=info.goldstein,
            plover_score=load_plover_scores().get(info.type),
            source=source,
            target=target,
            modality=modality,
            evidence=Mention(text=evidence.text, start=evidence.start_char, end=evidence.end_char),
            trigger=Mention(text=trigger.text, start=trigger.idx, end=trigger.idx + len(trigger)),
            date=find_date(reading, trigger, evidence),
            place=find_place(reading, trigger, evidence),
            attribution=attribution,
            confidence=find_confidence(
                actors=(source, target),
                code=code,
                attributed=attribution is not None,
                modality=modality,
            ),
        )


def _pairs(reading: Reading, roles: Roles) -> list[tuple[str | None, str | None]]:
    """Return (source id, target id) pairs; one (None, None)-free pair at least."""
    resolve_in = partial(resolve, reading)
    sources = _unique(a.id if (a := resolve_in(t)) else None for t in roles.sources) or [None]
    targets = _unique(a.id if (a := resolve_in(t)) else None for t in roles.targets) or [None]
    pairs = [(s, t) for s in sources for t in targets if s is None or s != t]
    return pairs[:MAX_PAIRS] or [(sources[0], None)]


def _unique(ids: Iterator[str | None]) -> list[str | None]:
    seen: list[str | None] = []
    for actor_id in ids:
        if actor_id not in seen:
            seen.append(actor_id)
    if len(seen) > 1 and None in seen:
        seen.remove(None)
    return seen


def event_span(cluster: Cluster, roles: Roles) -> Span:
    """Return the evidence: the sentence stretch covering the triggers and their arguments."""
    tokens = [m.token for m in cluster.members] + list(roles.sources) + list(roles.targets)
    sentence = cluster.head.token.sent
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    for member in cluster.members:
        if member.token.pos_ != "VERB":  # a noun event reads with its phrase: "attacks on X"
            start = min(start, member.token.left_edge.i)
            end = max(end, member.token.right_edge.i + 1)
    for token in roles.targets:
        end = max(end, token.right_edge.i + 1)
    start, end = max(start, sentence.start), min(end, sentence.end)
    return sentence.doc[start:end]
