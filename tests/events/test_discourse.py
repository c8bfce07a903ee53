"""Events: roles filled from the rest of the article, on sentences we wrote (issue #4)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

import pytest
from spacy.language import Language

from dateline.events import code_events
from dateline.reading import Actor, Event, Mention, Reading

pytestmark = pytest.mark.model


class Kind(NamedTuple):
    type: str
    country: str | None
    forms: tuple[str, ...]
    role: str | None = None


# Fictional actors; each maps its surface forms to one actor of the given type.
ACTORS = {
    "Marek Vos": Kind("person", "SYL", ("Marek Vos",), "senior Red Brigade commander"),
    "Freedonia": Kind("state", "FRE", ("Freedonia", "Freedonian", "Fenwick")),
    "Sylvania": Kind("state", "SYL", ("Sylvania", "Sylvanian")),
    "Red Brigade": Kind("armed_group", "SYL", ("Red Brigade", "the brigade")),
    "Daily Herald": Kind("media", None, ("Daily Herald", "the Herald")),
    "Ana Costa": Kind("person", "FRE", ("Ana Costa", "Costa"), "Freedonian envoy"),
    "Sylvanian Army": Kind("military", "SYL", ("Sylvanian army",)),
}


def _actors(text: str) -> tuple[Actor, ...]:
    actors = []
    taken: list[tuple[int, int]] = []
    # Longest forms first, so "Sylvanian army" is the army and not the state.
    forms = sorted(((f, n) for n, k in ACTORS.items() for f in k.forms), key=lambda x: -len(x[0]))
    found: dict[str, list[Mention]] = {}
    for form, name in forms:
        for m in re.finditer(rf"\b{re.escape(form)}\b", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.setdefault(name, []).append(Mention(text=m.group(), start=m.start(), end=m.end()))
    for i, (name, kind) in enumerate(ACTORS.items(), 1):
        if name in found:
            mentions = tuple(sorted(found[name], key=lambda m: m.start))
            actors.append(Actor(id=f"a{i}", name=name, type=kind.type, country=kind.country,
                                mentions=mentions, role=kind.role))  # fmt: skip
    return tuple(actors)


Read = Callable[[str], Reading]


@pytest.fixture(scope="module")
def read(nlp: Language) -> Callable[[str], Reading]:
    def _read(text: str) -> Reading:
        return code_events(Reading(source="t", text=text, doc=nlp(text), actors=_actors(text)))

    return _read


def _coded(reading: Reading) -> list[tuple[str, str | None, str | None, str]]:
    names = {a.id: a.name for a in reading.actors}
    return [(e.type, names.get(e.source or ""), names.get(e.target or ""), e.trigger.text)
            for e in reading.events if e.trigger]  # fmt: skip


def _event(reading: Reading, trigger: str) -> Event:
    return next(e for e in reading.events if e.trigger and e.trigger.text == trigger)


def test_reporting_by_media_is_not_an_event(read: Read) -> None:
    reading = read("The Daily Herald consulted nine Sylvanian officials for this story.")
    assert not [e for e in _coded(reading) if e[0] == "CONSULT"]


def test_reporting_rule_keeps_consultations_between_actors(read: Read) -> None:
    reading = read("Freedonia consulted Sylvania about the border on Monday.")
    assert ("CONSULT", "Freedonia", "Sylvania", "consulted") in _coded(reading)


def test_agentless_proposal_is_the_latest_proposers(read: Read) -> None:
    reading = read(
        "Freedonian envoy Ana Costa presented a plan to end the siege on Monday. "
        "The Red Brigade was also presented with a proposal that its fighters leave the valley."
    )
    # Costa is Freedonia's envoy: the proposal she carried is Freedonia's.
    assert ("REQUEST", "Freedonia", "Red Brigade", "proposal") in _coded(reading)


def test_agentless_proposal_keeps_no_source_when_no_one_proposed(read: Read) -> None:
    reading = read(
        "The Red Brigade was presented with a proposal that its fighters leave the valley."
    )
    assert ("REQUEST", None, "Red Brigade", "proposal") in _coded(reading)


def test_rejection_targets_the_author_named_earlier(read: Read) -> None:
    reading = read(
        "Freedonia offered a plan for a truce on Monday. "
        "On Friday the Red Brigade dismissed the plan as a trick."
    )
    assert ("REJECT", "Red Brigade", "Freedonia", "dismissed") in _coded(reading)


def test_rejection_targets_the_state_of_the_envoy_who_presented(read: Read) -> None:
    reading = read(
        "The Red Brigade rejected the proposals presented by Ana Costa, Freedonian officials said."
    )
    assert ("REJECT", "Red Brigade", "Freedonia", "rejected") in _coded(reading)


def test_acceptance_targets_the_author(read: Read) -> None:
    reading = read(
        "Sylvania tabled a proposal for a prisoner exchange. The Red Brigade accepted the proposal."
    )
    assert ("AGREE", "Red Brigade", "Sylvania", "accepted") in _coded(reading)


def test_rejection_of_a_new_proposal_takes_no_earlier_author(read: Read) -> None:
    reading = read(
        "Freedonia offered a plan for a truce on Monday. "
        "On Friday the Red Brigade rejected a proposal from unnamed mediators."
    )
    assert ("REJECT", "Red Brigade", None, "rejected") in _coded(reading)


def test_demand_targets_the_state_whose_army_must_act(read: Read) -> None:
    reading = read(
        "Sylvania held elections in May. Freedonian demands include the deployment of 2,000 "
        "soldiers of the Sylvanian army to the border."
    )
    assert ("REQUEST", "Freedonia", "Sylvania", "demands") in _coded(reading)


def test_demand_targets_the_actor_inside_the_demanded_act(read: Read) -> None:
    reading = read("Freedonia demanded the release of prisoners held by the Red Brigade.")
    assert ("REQUEST", "Freedonia", "Red Brigade", "demanded") in _coded(reading)


def test_demand_skips_where_the_act_goes(read: Read) -> None:
    reading = read(
        "Freedonia demanded a withdrawal to Sylvania's border by the brigade's fighters."
    )
    assert ("REQUEST", "Freedonia", "Red Brigade", "demanded") in _coded(reading)


def test_response_with_airstrikes_targets_the_attacker(read: Read) -> None:
    reading = read(
        "The Red Brigade shelled a Freedonian border post on Sunday, killing two guards. "
        "Freedonia responded with airstrikes on Monday."
    )
    assert ("ASSAULT", "Freedonia", "Red Brigade", "airstrikes") in _coded(reading)


def test_retaliation_targets_the_attacker(read: Read) -> None:
    reading = read(
        "Rockets fired by the Red Brigade hit a Freedonian town. Freedonia retaliated at dawn."
    )
    assert ("ASSAULT", "Freedonia", "Red Brigade", "retaliated") in _coded(reading)


def test_attack_that_answers_nothing_keeps_no_target(read: Read) -> None:
    reading = read(
        "The Red Brigade shelled a border post on Sunday. Freedonia launched airstrikes on Monday."
    )
    assert ("ASSAULT", "Freedonia", None, "launched") in _coded(reading)


def test_targetless_attack_acts_on_the_adversary_the_article_shows(read: Read) -> None:
    reading = read(
        "A Freedonian drone strike killed Marek Vos in the valley on Sunday. "
        "The Red Brigade fired mortars overnight."
    )
    # Vos leads the brigade: Freedonia is whom the brigade fights.
    fired = _event(reading, "fired")
    assert _coded(reading)[-1] == ("ASSAULT", "Red Brigade", "Freedonia", "fired")
    assert fired.confidence < _event(reading, "killed").confidence


def test_targetless_ceasefire_acts_on_the_adversary(read: Read) -> None:
    reading = read(
        "The Red Brigade attacked Freedonia on Monday. On Tuesday the brigade held its fire."
    )
    assert ("RETREAT", "Red Brigade", "Freedonia", "held") in _coded(reading)


def test_attack_on_a_thing_gets_no_adversary(read: Read) -> None:
    reading = read(
        "The Red Brigade attacked Freedonia on Monday. "
        "On Tuesday the brigade launched attacks on cargo ships in the strait."
    )
    assert ("ASSAULT", "Red Brigade", None, "launched") in _coded(reading)


def test_attack_on_civilians_gets_no_adversary(read: Read) -> None:
    reading = read(
        "The Red Brigade attacked Freedonia on Monday. "
        "On Tuesday the brigade killed nine civilians."
    )
    assert ("ASSAULT", "Red Brigade", None, "killed") in _coded(reading)


def test_demand_never_targets_the_demanders_own_state(read: Read) -> None:
    reading = read("Ana Costa demanded the release of Freedonian hostages held by the Red Brigade.")
    assert ("REQUEST", "Ana Costa", "Red Brigade", "demanded") in _coded(reading)


def test_two_actors_that_never_meet_are_no_main_pair(read: Read) -> None:
    # Much said of both, no act between them: the brigade's threat is aimed at no one named.
    text = (
        "The Red Brigade said it would fight. The Red Brigade said it would march. "
        "Sylvania said it was calm. Sylvania said it would vote. Sylvania said it had rain. "
        "The Red Brigade threatened to strike."
    )
    assert ("THREATEN", "Red Brigade", None, "threatened") in _coded(read(text))
    met = text + " The Red Brigade attacked Sylvania in May."
    assert ("THREATEN", "Red Brigade", "Sylvania", "threatened") in _coded(read(met))


def test_a_condemned_attack_is_the_attack_told_by_that_word(read: Read) -> None:
    reading = read(
        "The Red Brigade attacked Fenwick on Monday. Later the Sylvanian army raided the "
        "building. Ana Costa condemned the attack."
    )
    assert ("ACCUSE", "Ana Costa", "Red Brigade", "condemned") in _coded(reading)


def test_a_dated_attack_is_named_anew_not_referred_back(read: Read) -> None:
    reading = read(
        "The Red Brigade shelled Fenwick on Monday. The attacks began with the May 2005 "
        "murder of Marek Vos."
    )
    assert ("ASSAULT", None, "Marek Vos", "murder") in _coded(reading)


def test_a_definite_attack_on_someone_else_is_another_attack(read: Read) -> None:
    reading = read(
        "The Red Brigade shelled Fenwick on Monday. Sylvania recalled the assassination "
        "of Ana Costa."
    )
    assert ("ASSAULT", None, "Ana Costa", "assassination") in _coded(reading)
