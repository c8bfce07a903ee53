"""Code the events of a reading: who did what to whom, when, where, and on whose word.

Needs: doc (nlp), and uses actors, quotes, sources, times, places when those stages filled
them. Fills: events. Each event has a PLOVER type, a CAMEO code (as fine as the text
supports), CAMEO's Goldstein score and the PLOVER manual's score, source and target actor
ids (None when the parse names no actor the actors stage found), modality, date, place,
attribution and confidence. Without the other layers it still codes events from the parse
alone, with unresolved actors; resolving names to actors is the actors stage's job.
Once actors are known, discourse.py fills roles the clause leaves open from the rest of the
article (a rejection's target is the proposal's author, a retaliation's the attacker) and
drops the reporting's own acts ("Reuters consulted officials").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial

from spacy.tokens import Span, Token

from dateline.events.coder import OBLIGATION, Cluster, find_triggers, group_triggers
from dateline.events.dating import (
    find_attribution,
    find_confidence,
    find_date,
    find_place,
    place_index,
    sorted_times,
)
from dateline.events.discourse import resolve_discourse
from dateline.events.lexicon import (
    code_info,
    load_cues,
    load_lexicon,
    load_plover_scores,
    load_words,
)
from dateline.events.modality import condition_subjects, find_modality, in_condition, is_future
from dateline.events.repeats import fold_repeats
from dateline.events.roles import (
    is_destination,
    office_state,
    resolve,
    resolve_all,
    source_tokens,
    speaker_at,
    speaks_for,
    target_tokens,
    with_conjuncts,
)
from dateline.events.syntax import is_definite_noun, is_light
from dateline.nlp.text import tokens_by_offset
from dateline.pipeline import stage
from dateline.reading import Actor, Event, Mention, Reading, Time

# A verb's evidence runs through these complements after it: its object, its prepositional
# phrases and its complement clause ("accuses X of becoming ...", "told Y to ...").
VERB_OBJECTS = frozenset({"dobj", "dative", "prep", "xcomp", "ccomp", "attr", "oprd", "prt"})
MAX_PARTIES = 6  # coordinated actors kept on one side of one event (source + co-sources)
# A future or conditional act of force is coded as a threat of it (CAMEO 138, threaten to use
# military force): "will fire rockets until ..." is a threat, not yet an attack.
THREAT_CODE = "138"
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
# A protest promised on a condition ("Resign! Otherwise we will protest") threatens it:
# CAMEO 133, threaten political dissent or protest.
PROTEST_THREAT = "133"
STANCE_ROOTS = frozenset({"11", "12"})  # disapproval and rejection: "opposed", "critical"
# An act that a cessation verb ends (data/cessation_verbs.txt): force ends in de-escalation,
# cooperation ends in reduced relations.
CEASED_FORCE = "087"
CEASED_COOPERATION = "160"
COOPERATION_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# A future negated act of cooperation is a refusal: CAMEO 12 by what is refused.
REFUSALS = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# A future act of cooperation is an expressed intent to do it: CAMEO 03x by what is intended.
INTENTS = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}


@dataclass(frozen=True, slots=True)
class Roles:
    """Candidate tokens for an event's source and target, best first, one tuple per trigger."""

    sources: tuple[tuple[Token, ...], ...]
    targets: tuple[tuple[Token, ...], ...]

    def tokens(self) -> list[Token]:
        """Return every candidate token."""
        return [t for group in (*self.sources, *self.targets) for t in group]


@stage(
    needs={"doc", "actors", "quotes", "sources", "times", "places"},
    fills={"events"},
    english_only=True,
)
def code_events(reading: Reading) -> Reading:
    """Return the reading with the events coded from its sentences."""
    doc = reading.require_doc()
    clusters = group_triggers(find_triggers(doc))
    lookups = Lookups(places=place_index(reading), times=sorted_times(reading))
    events = [e for cluster in clusters for e in _to_events(reading, cluster, lookups)]
    events = _without_back_references(reading, events)
    if reading.actors:
        events = resolve_discourse(reading, events)
        # An attack kept for discourse ("the attack on the camp") that found no one stays out.
        events = [e for e in events if e.source is not None or e.target is not None]
    events = [_distinct_parties(e) for e in fold_repeats(reading, events)]
    numbered = [replace(e, id=f"e{i}") for i, e in enumerate(events, 1)]
    return replace(reading, events=tuple(numbered))


def find_roles(cluster: Cluster) -> Roles:
    """Return the source and target candidates of an event, its head trigger's first."""
    if cluster.head.entry is OBLIGATION:  # the obliged party is the target; who speaks, the source
        head = cluster.head.token
        obliged = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        speaker = reporting_subject(head)
        return Roles((tuple(speaker),) if speaker else (), (tuple(with_conjuncts(obliged)),))
    if _is_at_fault(cluster.head.token):  # "X was to blame": X accused, by who says so
        head = cluster.head.token
        faulted = [c for c in head.head.children if c.dep_ == "nsubj"]
        return Roles(_reporters(head.head), (tuple(with_conjuncts(faulted)),))
    members = [cluster.head, *(m for m in cluster.members if m.token.i != cluster.head.token.i)]
    if cluster.intent_of is not None:
        members.append(cluster.intent_of)
    nouns = {m.token.i: m.token for m in members if m.token.pos_ != "VERB"}
    sources, targets = [], []
    receiver = cluster.head.token
    if receiver.pos_ == "VERB" and receiver.lemma_.lower() in load_words("receiving_verbs.txt"):
        # "Syria received missiles from Russia": the giver acts, the receiver is acted on.
        givers = [g for p in receiver.children if p.dep_ == "prep" and p.lower_ == "from"
                  for g in p.children if g.dep_ == "pobj"]  # fmt: skip
        receivers = [c for c in receiver.children if c.dep_ in ("nsubj", "nsubjpass")]
        return Roles((tuple(with_conjuncts(givers)),) if givers else (),
                     (tuple(with_conjuncts(receivers)),) if receivers else ())  # fmt: skip
    for member in members:
        found = source_tokens(member.token)
        # "an Israeli airstrike killed X": the subject is itself the event; its source acts.
        found = [s for t in found for s in (source_tokens(t) if t.i in nouns else [t])]
        if not found and is_reciprocal(member.token):
            found = between_parties(member.token)  # "clashes erupted between X and Y"
        sources.append(tuple(with_conjuncts(found)))
        targets.append(tuple(with_conjuncts(target_tokens(member.token))))
    return Roles(tuple(g for g in sources if g), tuple(g for g in targets if g))


def _reporters(verb: Token, depth: int = 3) -> tuple[tuple[Token, ...], ...]:
    """The subjects of the reporting verbs above a clause, nearest first: in "the minister
    said results showed X was to blame", "results" and then "the minister" (the first that
    names an actor is the source)."""
    groups = []
    for _ in range(depth):
        subjects = reporting_subject(verb)
        if not subjects:
            break
        groups.append(tuple(subjects))
        verb = subjects[0].head
    return tuple(groups)


def _is_at_fault(verb: Token) -> bool:
    """ "X was to blame": an infinitive of fault as the complement of "be"."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and verb.lemma_.lower() in load_words("fault_predicates.txt")
    )


@dataclass(frozen=True, slots=True)
class Lookups:
    """The reading's places and times, sorted once per reading so each event bisects them."""

    places: Sequence[tuple[int, int, str]]
    times: Sequence[Time]


def _to_events(reading: Reading, cluster: Cluster, lookups: Lookups) -> Iterator[Event]:
    code, trigger = cluster.head.code, cluster.head.token
    if in_condition(trigger):
        return
    # "ready to", "open to", "willing": an adjective of readiness intends its act; a stance
    # adjective ("X is opposed") asserts its stance.
    intent_adjective = trigger.pos_ == "ADJ" and code[:2] not in STANCE_ROOTS
    intended = cluster.intent_of is not None or intent_adjective
    modality = find_modality(trigger, code, intended=intended)
    info = code_info(code)
    will = is_future(trigger)  # "will", "would" on the verb chain
    future = modality in ("conditional", "intended") or will
    # "vowed to finish the rebels" is a threat. "Will impose new sanctions" stays a sanction,
    # intended (GOLD.md), though PLOVER files CAMEO 163 under COERCE; and "won't be harmed"
    # denies an act, it threatens nothing: it keeps its type, negated.
    sanction = code.startswith("16")
    if info and info.type in FORCE_TYPES and future and not sanction and modality != "negated":
        code, info = THREAT_CODE, code_info(THREAT_CODE)
    if info and _ended(trigger):  # "stop supporting rebels", "stop killing its own people"
        code = CEASED_FORCE if info.type in FORCE_TYPES else code
        code = CEASED_COOPERATION if info.code[:2] in COOPERATION_ROOTS else code
        info = code_info(code)
    if info and info.type == "PROTEST" and modality == "conditional":
        code, info = PROTEST_THREAT, code_info(PROTEST_THREAT)
    if info and info.code[:2] in REFUSALS and modality == "negated" and will:
        # "will not release", "won't withdraw": a refusal, coded as a rejection (CAMEO 12x),
        # asserted now.
        code, modality, will = REFUSALS[info.code[:2]], "asserted", False
        info = code_info(code)
    if info and info.code[:2] in INTENTS and modality != "negated" and will:
        # PLOVER: "all cooperative actions reported in future tense ... imply intentions";
        # a condition on it ("would attend if ...") stays the modality.
        code = INTENTS[info.code[:2]]
        modality = modality if modality == "conditional" else "intended"
        info = code_info(code)
    if info is None or not info.type:
        return  # CAMEO 01/02 (comments, appeals): PLOVER does not code them
    if code.startswith("042") and _moved(trigger):
        return  # "the wounded were rushed to hospital": carried somewhere, no one visits
    if modality == "asserted" and will:
        modality = "intended"  # "will impose new sanctions": a future act is intended (GOLD.md)
    if info.type == "THREATEN" and modality == "intended":
        modality = "conditional"  # a threat is conditional by nature (GOLD.md), never a plan
    roles = find_roles(cluster)
    if info.type == "THREATEN" and (meets := condition_subjects(trigger)):
        roles = Roles(roles.sources, (*roles.targets, tuple(meets)))  # the last resort
    if not roles.sources and not roles.targets:
        return  # no one acts and no one is acted on: not an event record
    evidence = event_span(cluster, roles)
    pairs = _pairs(reading, roles)
    if reading.actors and pairs == ([None], [None]) and not _refers_back(trigger, info.type):
        return  # the actors layer names no one here; PLOVER codes no actorless events
    attribution = find_attribution(reading, trigger)
    reciprocal = any(is_reciprocal(m.token) for m in cluster.members)
    parties = _parties(pairs, reciprocal=reciprocal)
    source, target = speaks_for(reading, parties.source), parties.target
    if not parties.co_sources:  # "X, Y and Z all preferred ...": no one speaker's stance
        source = _office_holder_speaking(reading, trigger, source)
    if source is None and cluster.head.entry is OBLIGATION:  # words in a quote: its speaker's
        speaker = speaker_at(reading, trigger.idx)
        source = speaker.id if speaker is not None and speaker.id != target else None
    if target is None and (info.type == "CONSULT" or code == INTENTS["04"]):
        target = visited_state(reading, cluster)
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
        co_sources=parties.co_sources,
        co_targets=parties.co_targets,
        modality=modality,
        evidence=Mention(text=evidence.text, start=evidence.start_char, end=evidence.end_char),
        trigger=Mention(text=trigger.text, start=trigger.idx, end=trigger.idx + len(trigger)),
        date=find_date(
            reading, trigger, evidence, ordered=lookups.times, done=modality == "asserted"
        ),
        place=find_place(reading, trigger, evidence, actors=(source, target), index=lookups.places),
        attribution=attribution,
        confidence=find_confidence(
            actors=(source, target),
            code=code,
            attributed=attribution is not None,
            modality=modality,
        ),
    )


@dataclass(frozen=True, slots=True)
class Parties:
    """One act's actors: coordinated parties are one event, not one event per pair."""

    source: str | None
    target: str | None
    co_sources: tuple[str, ...] = ()
    co_targets: tuple[str, ...] = ()


def _parties(pairs: tuple[list[str | None], list[str | None]], *, reciprocal: bool) -> Parties:
    """Return the first source and target with the other coordinated parties beside them.

    A reciprocal act ("X and Y met", "clashes between X and Y") with no target of its own
    is between its parties: the first is the source, the second the target (GOLD.md codes
    one event for a coordinated pair)."""
    sources, targets = pairs
    named_sources = [s for s in sources if s is not None]
    named_targets = [t for t in targets if t is not None]
    if reciprocal and not named_targets and len(named_sources) > 1:
        named_targets, named_sources = named_sources[1:2], [named_sources[0], *named_sources[2:]]
    return Parties(
        source=named_sources[0] if named_sources else None,
        target=named_targets[0] if named_targets else None,
        co_sources=tuple(named_sources[1:MAX_PARTIES]),
        co_targets=tuple(named_targets[1:MAX_PARTIES]),
    )


def _office_holder_speaking(reading: Reading, trigger: Token, source: str | None) -> str | None:
    """ "Mikati has said Beirut was ready for talks", "Assad said Syria would attend": a state's
    stance told by the person who holds office in it is that person's statement (GOLD.md: the
    source of what a statement says is its speaker)."""
    by_id = {a.id: a for a in reading.actors}
    state = by_id.get(source or "")
    if state is None or state.type != "state":
        return source
    if any(q.direct and q.start <= trigger.idx < q.end for q in reading.quotes):
        return source  # in the speaker's own words "we" is the state (GOLD.md)
    speakers = [a for t in reporting_subject(trigger) if (a := resolve(reading, t)) is not None]
    for person in speakers:
        office = office_state(reading, person) if person.type == "person" else None
        if office is not None and office.id == state.id:
            return person.id
    return source


def reporting_subject(verb: Token) -> list[Token]:
    """Return the subject of the verb whose words hold this clause: "Abbas maintained his
    position that Hamas must ...", "Mikati has said Beirut was ready ..." (never the clause's
    own subject, never far)."""
    token = verb
    for _ in range(6):  # up to the head of the trigger's own clause
        if token.dep_ in ("ccomp", "acl", "ROOT") or token.head.i == token.i:
            break
        token = token.head
    if token.dep_ not in ("ccomp", "acl"):
        return []
    for _ in range(3):
        token = token.head
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects and token.pos_ in ("VERB", "AUX"):
            return subjects
        if token.head.i == token.i:
            return []
    return []


def _moved(verb: Token) -> bool:
    """A travel verb in the passive with no agent: the subject was moved, it went nowhere."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return verb.pos_ == "VERB" and passive and not any(c.dep_ == "agent" for c in verb.children)


def visited_state(reading: Reading, cluster: Cluster) -> str | None:
    """A visit or trip "to Baghdad" with no one named to meet is with the place's state: the
    destination's own state actor, else the state of the country it lies in."""
    destinations = [
        g for m in cluster.members
        for p in (m.token.subtree if m.token.pos_ == "NOUN" else m.token.children)
        if p.dep_ == "prep" and p.lower_ == "to"
        for g in p.children if g.dep_ == "pobj"
    ] + [c for m in cluster.members for c in m.token.children if is_destination(c)]  # fmt: skip
    for token in destinations:
        actor = resolve(reading, token)
        if actor is not None and actor.type == "state":
            return actor.id
        place = next((p for p in reading.places for m in p.mentions
                      if m.start <= token.idx < m.end), None)  # fmt: skip
        states = [a for a in reading.actors if a.type == "state" and place is not None
                  and a.country == place.country]  # fmt: skip
        if states:
            return states[0].id
    return None


def between_parties(trigger: Token) -> list[Token]:
    """Return the objects of a `between` phrase on the trigger or on the verb carrying it."""
    near = [trigger, trigger.head] if trigger.head.i != trigger.i else [trigger]
    return [
        g for t in near for p in t.children if p.dep_ == "prep" and p.lower_ == "between"
        for g in p.children if g.dep_ == "pobj"
    ]  # fmt: skip


def is_reciprocal(trigger: Token) -> bool:
    """Is the act one both parties do to each other: meet, talk, clash, fight, negotiate?"""
    return trigger.lemma_.lower() in load_words("reciprocal_words.txt")


def _ended(trigger: Token) -> bool:
    """Is the act the complement of a verb that ends it ("stop supporting", "cease firing")?"""
    head = trigger.head
    governed = trigger.dep_ in ("xcomp", "dobj", "pcomp", "ccomp") and head.i != trigger.i
    return governed and head.lemma_.lower() in load_words("cessation_verbs.txt")


def _without_back_references(reading: Reading, events: list[Event]) -> list[Event]:
    """ "Israel did not comment on the strike": a definite act noun that some other verb talks
    about, after an act of its type was told, names that act again; it is no new act (and its
    talker did not do it)."""
    at = tokens_by_offset(reading.require_doc())
    kept: list[Event] = []
    told: set[str] = set()
    for event in events:
        token = at.get(event.trigger.start) if event.trigger is not None else None
        if token is not None and event.type in told and _talked_about(token):
            continue
        told.add(event.type)
        kept.append(event)
    return kept


def _talked_about(noun: Token) -> bool:
    if not is_definite_noun(noun) or noun.dep_ not in ("pobj", "dobj"):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return verb.pos_ == "VERB" and not is_light(verb) and not _is_trigger(verb)


def _is_trigger(verb: Token) -> bool:
    """Does the verb code an act of its own (CAMEO 01/02 statements code none)?"""
    entries = load_lexicon().get((verb.lemma_.lower(), "VERB"), ())
    return any((info := code_info(e.code)) is not None and info.type for e in entries)


def _distinct_parties(event: Event) -> Event:
    """No actor is both ends of its own act: a role filled from elsewhere (a repeat, a
    speaker) that equals the other end is dropped."""
    target = None if event.target == event.source else event.target
    co_targets = tuple(t for t in event.co_targets if t not in (event.source, *event.co_sources))
    return replace(event, target=target, co_targets=co_targets)


def _refers_back(trigger: Token, kind: str) -> bool:
    """ "The attack on the camp": a definite force noun tells again an act told before, whose
    parties discourse.py fills in; kept until then."""
    return is_definite_noun(trigger) and kind in FORCE_TYPES


def _pairs(reading: Reading, roles: Roles) -> tuple[list[str | None], list[str | None]]:
    """Return the source ids and the target ids (several when coordinated; [None] if none)."""
    sources = _first_resolved(reading, roles.sources)
    targets = _first_resolved(reading, roles.targets, whole=True)
    targets = [t for t in targets if t not in sources] or [None]
    return sources, targets


def _first_resolved(
    reading: Reading, groups: tuple[tuple[Token, ...], ...], *, whole: bool = False
) -> list[str | None]:
    """Return the actor ids of the first candidate group naming any actor, else [None]."""
    resolve_in = partial(resolve_all, reading, whole=whole)
    for group in groups:
        ids = _unique(_ids_or_none(resolve_in(t)) for t in group)
        if any(ids):
            return ids
    return [None]


def _ids_or_none(actors: list[Actor]) -> list[str | None]:
    return [a.id for a in actors] or [None]


def _unique(groups: Iterator[list[str | None]]) -> list[str | None]:
    seen: list[str | None] = []
    for actor_id in (i for ids in groups for i in ids):
        if actor_id not in seen:
            seen.append(actor_id)
    if len(seen) > 1 and None in seen:
        seen.remove(None)
    return seen


def event_span(cluster: Cluster, roles: Roles) -> Span:
    """Return the evidence: the sentence stretch covering the triggers and their arguments."""
    tokens = [m.token for m in cluster.members] + roles.tokens()
    sentence = cluster.head.token.sent
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    for member in cluster.members:
        if member.token.pos_ != "VERB":  # a noun event reads with its phrase: "attacks on X"
            start = min(start, member.token.left_edge.i)
            end = max(end, member.token.right_edge.i + 1)
    for token in roles.targets[0] if roles.targets else ():
        end = max(end, token.right_edge.i + 1)
    head = cluster.head.token
    if head.pos_ == "VERB":  # "accuses X of becoming authoritarian": what the act is about
        objects = [c for c in head.children if c.dep_ in VERB_OBJECTS and c.i > head.i]
        end = max([end, *(c.right_edge.i + 1 for c in objects)])
    extend = load_cues().get("extend", {})
    for member in cluster.members:  # "demands include the deployment of ...": what is demanded
        if member.token.dep_ == "nsubj" and member.token.head.lemma_.lower() in extend:
            end = max(end, member.token.head.right_edge.i + 1)
    start, end = max(start, sentence.start), min(end, sentence.end)
    while end - 1 > start and sentence.doc[end - 1].is_space:  # a headline's blank line
        end -= 1
    return sentence.doc[start:end]
