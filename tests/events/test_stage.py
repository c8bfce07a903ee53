"""Events: sentences we wrote for each modality, role pattern, nominal event and date rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.events import code_events
from dateline.events.coder import is_directive
from dateline.events.roles import source_tokens, target_tokens
from dateline.reading import (
    Actor,
    Article,
    Event,
    Mention,
    Place,
    Published,
    Quote,
    Reading,
    Source,
    Speaker,
    Time,
)

from .fictional import actors_in as _actors
from .fictional import read_events as _read
from .fictional import role_names as _names

pytestmark = pytest.mark.model


def _only(reading: Reading, kind: str) -> Event:
    found = [e for e in reading.events if e.type == kind]
    assert found, f"no {kind} event in {[(e.type, e.trigger) for e in reading.events]}"
    return found[0]


# --- modality ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        ("Freedonia rejected the plan offered by Sylvania.", "REJECT", "asserted"),
        ("Freedonia has not held talks with Sylvania since May.", "CONSULT", "negated"),
        ("Sylvania made a proposal that Freedonia withdraw its troops.", "REQUEST", "proposed"),
        ("Freedonia urged Sylvania to end the blockade.", "REQUEST", "demanded"),
        ("Freedonia called on Sylvania to end the blockade.", "REQUEST", "demanded"),
        ("Freedonia will attack Sylvania if the border stays closed.", "THREATEN", "conditional"),
        ("Sylvania is open to talks with Freedonia.", "AGREE", "intended"),
        ("Freedonia could meet Sylvania in the capital.", "CONSULT", "hypothetical"),
    ],
)
def test_code_events_modality(nlp: Language, text: str, kind: str, modality: str) -> None:
    event = _only(_read(nlp, text), kind)
    assert event.modality == modality


def test_code_events_ruled_out_is_a_rejection_not_a_negation(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia ruled out any withdrawal of its forces.")
    event = _only(reading, "REJECT")
    assert event.modality == "asserted"
    assert _names(reading, event)[0] == "Freedonia"


def test_code_events_proposal_and_its_rejection_are_two_events(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia rejected the proposal presented by Sylvania.")
    request, reject = _only(reading, "REQUEST"), _only(reading, "REJECT")
    assert request.modality == "proposed"
    assert _names(reading, request)[0] == "Sylvania"
    assert _names(reading, reject)[0] == "Freedonia"


# --- source and target ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        ("Freedonia attacked Sylvania on Monday.", "ASSAULT", "Freedonia", "Sylvania"),
        ("Sylvania was attacked by Freedonia.", "ASSAULT", "Freedonia", "Sylvania"),
        ("Freedonia's demand angered Sylvania.", "REQUEST", "Freedonia", None),
        ("A Freedonian airstrike on Sylvania killed two.", "ASSAULT", "Freedonia", "Sylvania"),
        ("Attacks on Sylvania from the Red Brigade grew.", "ASSAULT", "the Rebels", "Sylvania"),
        ("Ana Costa, a Freedonian envoy, met the UN chief.", "CONSULT", "Ana Costa", None),
        ("Freedonia opened fire on Sylvania at dawn.", "ASSAULT", "Freedonia", "Sylvania"),
        ("Freedonia fired shells at Sylvania overnight.", "ASSAULT", "Freedonia", "Sylvania"),
    ],
    ids=[
        "subject-object",
        "passive-agent",
        "possessive",
        "demonym",
        "prepositional",
        "appos",
        "instrument-on",
        "instrument-at",
    ],
)
def test_code_events_roles(
    nlp: Language, text: str, kind: str, source: str, target: str | None
) -> None:
    reading = _read(nlp, text)
    event = _only(reading, kind)
    got_source, got_target = _names(reading, event)
    assert got_source == source
    if target is not None:
        assert got_target == target


def test_code_events_a_clause_with_its_own_subject_is_its_own_event(nlp: Language) -> None:
    text = (
        "Freedonia shelled Port Verde on Monday, a day after the Red Brigade launched an assault."
    )
    reading = _read(nlp, text)
    sources = {_names(reading, e)[0] for e in reading.events if e.type == "ASSAULT"}
    assert sources == {"Freedonia", "the Rebels"}


def test_code_events_a_noun_modifying_the_object_is_no_object_pattern(nlp: Language) -> None:
    criticism = _only(_read(nlp, "Freedonia attacked the government of Sylvania."), "ACCUSE")
    assert criticism.cameo.startswith("11")
    reading = _read(nlp, "Freedonia attacked government positions in Sylvania.")
    assert [e.type for e in reading.events] == ["ASSAULT"]


def test_code_events_a_date_is_no_preposition_pattern(nlp: Language) -> None:
    event = _only(_read(nlp, "Freedonia attacked Sylvania on Sunday."), "ASSAULT")
    assert event.cameo == "190"  # not "attack on" (195, aerial weapons) from the date's "on"


def test_code_events_they_after_a_coordination_is_every_member(nlp: Language) -> None:
    text = "Freedonia and Sylvania met in Port Verde, and they condemned the Red Brigade."
    reading = _read(nlp, text)
    assert _parties(reading, _only(reading, "ACCUSE"))[0] == {"Freedonia", "Sylvania"}


def test_code_events_who_dies_is_the_target_and_a_death_alone_no_event(nlp: Language) -> None:
    reading = _read(nlp, "Two Sylvanian guards died in a Freedonian airstrike on Monday.")
    assert _names(reading, _only(reading, "ASSAULT")) == ("Freedonia", "Sylvania")
    assert _read(nlp, "Ana Costa died in Port Verde on Monday after a long illness.").events == ()


def test_code_events_who_died_in_an_attack_did_not_make_it(nlp: Language) -> None:
    reading = _read(nlp, "Three Sylvanian guards died in the attack near the border.")
    event = _only(reading, "ASSAULT")
    assert _names(reading, event) == (None, "Sylvania")


def test_code_events_it_is_no_person_and_not_its_own_subject(nlp: Language) -> None:
    text = "Freedonia shelled Port Verde, where Ana Costa lives. Sylvania condemned it."
    reading = _read(nlp, text)
    assert _names(reading, _only(reading, "ACCUSE")) == ("Sylvania", "Freedonia")


def test_code_events_coordination_is_one_event_with_co_sources(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia and Sylvania condemned the Red Brigade.")
    accusations = [e for e in reading.events if e.type == "ACCUSE"]
    assert len(accusations) == 1
    assert _parties(reading, accusations[0]) == ({"Freedonia", "Sylvania"}, {"the Rebels"})


def _parties(reading: Reading, event: Event) -> tuple[set[str], set[str]]:
    names = {a.id: a.name for a in reading.actors}
    sources = {names[i] for i in (event.source, *event.co_sources) if i}
    return sources, {names[i] for i in (event.target, *event.co_targets) if i}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Freedonia and Sylvania met in Port Verde on Monday.", "CONSULT"),
        ("Deadly clashes erupted between Freedonia and Sylvania on the border.", "ASSAULT"),
    ],
)
def test_code_events_a_reciprocal_act_goes_from_one_party_to_the_other(
    nlp: Language, text: str, kind: str
) -> None:
    reading = _read(nlp, text)
    assert _names(reading, _only(reading, kind)) == ("Freedonia", "Sylvania")


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia told Sylvania to end the blockade of the port.",
        "Freedonia demanded that Sylvania lift the blockade of the port.",
        "Freedonia called upon Sylvania to respect the border.",
        "Freedonia encouraged Sylvania to release the prisoners.",
        "Freedonia called for Sylvania to release the prisoners at once.",
    ],
)
def test_code_events_a_directive_is_one_request_to_its_addressee(nlp: Language, text: str) -> None:
    reading = _read(nlp, text)
    request = _only(reading, "REQUEST")
    assert (_names(reading, request), request.modality) == (("Freedonia", "Sylvania"), "demanded")
    assert len(reading.events) == 1, "the directed act is what is demanded, not an act"


def test_code_events_telling_reporters_that_is_no_request(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia told reporters that the talks include Sylvania.")
    assert [e for e in reading.events if e.type == "REQUEST"] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Freedonia pledged to hold talks with Sylvania next year.", "AGREE"),
        ("Ana Costa promised to release the Sylvanian prisoners.", "AGREE"),
        ("A planned visit to Sylvania by Ana Costa was announced.", "CONSULT"),
    ],
)
def test_code_events_pledged_and_planned_acts_are_intended(
    nlp: Language, text: str, kind: str
) -> None:
    assert _only(_read(nlp, text), kind).modality == "intended"


def test_code_events_first_person_is_the_speaker_we_the_state(nlp: Language) -> None:
    text = '"We will attack Sylvania if they cross the river," Freedonian president Ana Costa said.'
    said = text.index("We will attack Sylvania if they cross the river")
    end = said + len("We will attack Sylvania if they cross the river")
    costa = _actors(text)
    costa = tuple(
        replace(a, role="Freedonian president", country="FRE") if a.name == "Ana Costa" else
        replace(a, country="FRE") if a.name == "Freedonia" else a
        for a in costa
    )  # fmt: skip
    speaker = Speaker(text="Ana Costa", actor=next(a.id for a in costa if a.name == "Ana Costa"),
                      kind="named", affiliation=None, count=1)  # fmt: skip
    quote = Quote(id="q1", text=text[said:end], direct=True, cue="said", start=said, end=end,
                  speaker=speaker)  # fmt: skip
    reading = code_events(
        Reading(source="t", text=text, doc=nlp(text), actors=costa, quotes=(quote,))
    )
    assert _names(reading, _only(reading, "THREATEN")) == ("Freedonia", "Sylvania")


def _read_with_headline(nlp: Language, headline: str, body: str) -> Reading:
    """The events of an article whose headline stands before its body, a blank line between."""
    text = f"{headline}\n\n{body}"
    article = Article(id="t", source="t", headline=headline, body=body, text=text,
                      body_start=len(headline) + 2)  # fmt: skip
    return code_events(
        Reading(source="t", text=text, doc=nlp(text), actors=_actors(text), article=article)
    )


def test_code_events_the_headline_telling_folds_into_the_body(nlp: Language) -> None:
    headline = "Freedonia attacks Sylvania"
    body = "Freedonia attacked Sylvania on Monday, officials said."
    reading = _read_with_headline(nlp, headline, body)
    attacks = [e for e in reading.events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].evidence.start >= len(headline) + 2
    assert [m.text for m in attacks[0].also] == ["Freedonia attacks Sylvania"]


def test_code_events_passive_victim_of_a_nominal_strike(nlp: Language) -> None:
    reading = _read(nlp, "Ana Costa was killed during a Freedonian strike on the border.")
    event = _only(reading, "ASSAULT")
    assert _names(reading, event) == ("Freedonia", "Ana Costa")


# --- nominal events, codes and scores ----------------------------------------------------


def test_code_events_nominal_volleys_of_rockets(nlp: Language) -> None:
    reading = _read(nlp, "The Red Brigade's volleys of rockets on Sylvania went on all night.")
    event = _only(reading, "ASSAULT")
    assert event.cameo == "195"
    assert _names(reading, event)[0] == "the Rebels"


def test_code_events_killing_a_leader_is_an_assassination(nlp: Language) -> None:
    text = "A Freedonian drone strike hit the city, killing rebel commander Ana Costa."
    reading = _read(nlp, text)
    event = _only(reading, "ASSAULT")
    assert (event.cameo, event.cameo_label) == ("186", "assassinate")
    assert _names(reading, event) == ("Freedonia", "Ana Costa")


def test_code_events_emits_both_scales(nlp: Language) -> None:
    event = _only(_read(nlp, "Freedonia demanded a meeting with Sylvania."), "REQUEST")
    assert event.goldstein == -5.0
    assert event.plover_score == -5.0
    assert event.cameo.startswith("10")


def test_code_events_needs_an_actor_or_a_victim(nlp: Language) -> None:
    assert _read(nlp, "The weather was fine and the market opened.").events == ()


# --- date, place, attribution -------------------------------------------------------------


def test_code_events_date_from_the_governed_time(nlp: Language) -> None:
    text = "Freedonia attacked Sylvania on March 3, a week after talks failed."
    start = text.index("March 3")
    times = (Time(text="March 3", earliest=date(2024, 3, 3), latest=date(2024, 3, 3),
                  start=start, end=start + 7),)  # fmt: skip
    event = _only(_read(nlp, text, times=times), "ASSAULT")
    assert event.date is not None
    assert event.date.earliest == date(2024, 3, 3)


@pytest.mark.parametrize(
    ("text", "kind", "earliest"),
    [
        ("Freedonia attacked Sylvania.", "ASSAULT", date(2024, 4, 30)),  # the day before too
        ("Freedonia will attack Sylvania.", "THREATEN", date(2024, 5, 1)),  # still to come
    ],
    ids=["past-act", "future-act"],
)
def test_code_events_date_falls_back_to_publication(
    nlp: Language, text: str, kind: str, earliest: date
) -> None:
    published = Published(earliest=date(2024, 5, 1), latest=date(2024, 5, 2), basis="metadata")
    article = Article(id="x", source="test", text=text, published=published)
    event = _only(_read(nlp, text, article=article), kind)
    assert event.date is not None
    assert (event.date.earliest, event.date.latest) == (earliest, date(2024, 5, 2))


def test_code_events_undated_without_times_or_publication(nlp: Language) -> None:
    assert _only(_read(nlp, "Freedonia attacked Sylvania."), "ASSAULT").date is None


def test_code_events_place_and_attribution(nlp: Language) -> None:
    text = "Freedonia shelled Sylvanian positions in Port Verde, officials said."
    at = text.index("Port Verde")
    places = (Place(id="p1", name="Port Verde", country=None, lat=None, lon=None,
                    mentions=(Mention(text="Port Verde", start=at, end=at + 10),)),)  # fmt: skip
    said = text.index("officials")
    sources = (Source(id="s1", text="officials", kind="anonymous", count=None,
                      affiliation=None, start=said, end=said + 9),)  # fmt: skip
    event = _only(_read(nlp, text, places=places, sources=sources), "ASSAULT")
    assert event.place == "p1"
    assert event.attribution == "s1"


def test_code_events_attribution_to_the_quote_holding_it(nlp: Language) -> None:
    text = 'Costa said: "Freedonia attacked Sylvania."'
    start = text.index("Freedonia")
    quotes = (Quote(id="q1", text="Freedonia attacked Sylvania.", direct=True, speaker=None,
                    cue="said", start=start, end=len(text) - 1),)  # fmt: skip
    assert _only(_read(nlp, text, quotes=quotes), "ASSAULT").attribution == "q1"


def test_code_events_evidence_slices_the_text(nlp: Language) -> None:
    text = "Freedonia attacked Sylvania. Sylvania rejected the plan."
    reading = _read(nlp, text)
    assert reading.events
    for event in reading.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.trigger is not None
        assert event.evidence.start <= event.trigger.start < event.evidence.end


def test_code_events_parse_alone_gives_unresolved_events(nlp: Language) -> None:
    event = _only(_read(nlp, "The gunmen attacked the convoy."), "ASSAULT")
    assert (event.source, event.target) == (None, None)


def test_code_events_drops_actorless_events_once_actors_are_known(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia said the gunmen attacked the convoy.")
    assert reading.actors
    assert [e for e in reading.events if e.type == "ASSAULT"] == []


def test_code_events_a_refusal_is_a_rejection(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia said it will not release the prisoners held by Sylvania.")
    event = _only(reading, "REJECT")
    assert (event.cameo[:2], event.modality) == ("12", "asserted")
    assert _names(reading, event)[0] == "Freedonia"


def test_code_events_future_cooperation_is_an_intent(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia will send food aid to Sylvania next month.")
    event = _only(reading, "AGREE")
    assert (event.cameo, event.modality) == ("033", "intended")


def test_code_events_an_obligation_on_another_party_is_the_speakers_demand(nlp: Language) -> None:
    reading = _read(
        nlp, "Freedonia insisted in a statement that Sylvania must withdraw its troops."
    )
    request = _only(reading, "REQUEST")
    assert (_names(reading, request), request.modality) == (("Freedonia", "Sylvania"), "demanded")


def test_code_events_we_must_is_no_demand(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia said we must rebuild the bridge with Sylvania.")
    assert [e for e in reading.events if e.type == "REQUEST"] == []


def test_code_events_a_condition_is_no_act(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia will strike Sylvania if a deal cannot be reached.")
    assert [e.type for e in reading.events] == ["THREATEN"]


def test_code_events_the_attack_refers_back_to_the_attacker(nlp: Language) -> None:
    text = "The Red Brigade attacked Sylvania on Monday. The attack on the camp lasted hours."
    reading = _read(nlp, text)
    attacks = [e for e in reading.events if e.type == "ASSAULT"]
    assert [_names(reading, e)[0] for e in attacks] == ["the Rebels", "the Rebels"]


def test_code_events_a_spokesman_speaks_for_his_body(nlp: Language) -> None:
    text = "Red Brigade spokesman Ana Costa rejected the plan offered by Sylvania."
    actors = tuple(
        replace(a, type="person", role="Red Brigade spokesman") if a.name == "Ana Costa" else a
        for a in _actors(text)
    )
    reading = code_events(Reading(source="t", text=text, doc=nlp(text), actors=actors))
    assert _names(reading, _only(reading, "REJECT"))[0] == "the Rebels"


def test_code_events_a_subject_pronoun_continues_the_last_subject(nlp: Language) -> None:
    text = "Ana Costa met the envoy of Sylvania, Jon Bell, and she congratulated him on the deal."
    actors = (*_actors(text), Actor(id="a9", name="Jon Bell", type="person", country=None,
                                    mentions=(Mention(text="Jon Bell", start=text.index("Jon"),
                                                      end=text.index("Jon") + 8),)))  # fmt: skip
    reading = code_events(Reading(source="t", text=text, doc=nlp(text), actors=actors))
    assert _names(reading, _only(reading, "SUPPORT")) == ("Ana Costa", "Jon Bell")


def test_code_events_a_state_stance_told_by_its_office_holder_is_hers(nlp: Language) -> None:
    text = "Freedonian president Ana Costa said Freedonia was ready for talks with Sylvania."
    actors = tuple(
        replace(a, role="Freedonian president", country="FRE") if a.name == "Ana Costa" else
        replace(a, country="FRE") if a.name == "Freedonia" else a
        for a in _actors(text)
    )  # fmt: skip
    reading = code_events(Reading(source="t", text=text, doc=nlp(text), actors=actors))
    assert _names(reading, _only(reading, "AGREE"))[0] == "Ana Costa"


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        (
            "Freedonia closed its embassy. Freedonia says the government attacked the Red Brigade.",
            "ASSAULT",
            "Freedonia",
            "the Rebels",
        ),
        (
            "The Red Brigade took part in attacks on Sylvania last week.",
            "ASSAULT",
            "the Rebels",
            "Sylvania",
        ),
        (
            "Sylvania received a shipment of missiles from Freedonia last week.",
            "AID",
            "Freedonia",
            "Sylvania",
        ),
        (
            "Freedonia vowed to crush the Red Brigade within a month.",
            "THREATEN",
            "Freedonia",
            "the Rebels",
        ),
        (
            "Freedonia shelled Sylvanian army positions near the river.",
            "ASSAULT",
            "Freedonia",
            "Sylvania",
        ),
        (
            "The Red Brigade attacked Sylvania on Monday. Freedonia condemned the attack.",
            "ACCUSE",
            "Freedonia",
            "the Rebels",
        ),
        (
            "Sylvanian soldiers killed by Freedonia near the border.",
            "ASSAULT",
            "Freedonia",
            "Sylvania",
        ),
        (
            "Sylvanian soldiers were killed in Freedonia by government troops.",
            "ASSAULT",
            "Freedonia",
            "Sylvania",
        ),
    ],
    ids=[
        "government-is-the-state",
        "support-verb-carries-noun",
        "receiving-turns-roles",
        "vow-of-force-is-threat",
        "site-owner",
        "condemned-attacker",
        "reduced-passive",
        "government-troops-are-the-state",
    ],
)
def test_code_events_roles_from_descriptors_frames_and_discourse(
    nlp: Language, text: str, kind: str, source: str | None, target: str | None
) -> None:
    reading = _read(nlp, text)
    assert _names(reading, _only(reading, kind)) == (source, target)


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        ("Freedonia plans to review its policy and lift sanctions on Sylvania.", "RETREAT",
         "intended"),
        ("Freedonia stopped supporting the Red Brigade last year.", "SANCTION", "asserted"),
        ("The Red Brigade stopped shelling Sylvania on Monday.", "RETREAT", "asserted"),
    ],
    ids=["intent-verb-yields-to-its-act", "ceased-cooperation", "ceased-force"],
)  # fmt: skip
def test_code_events_intent_and_cessation_verbs_frame_the_act(
    nlp: Language, text: str, kind: str, modality: str
) -> None:
    reading = _read(nlp, text)
    assert _only(reading, kind).modality == modality
    assert not [e for e in reading.events if e.type in ("AGREE", "SUPPORT", "ASSAULT")]


def test_code_events_a_headline_leaving_the_target_open_folds_into_the_body(
    nlp: Language,
) -> None:
    headline = "Freedonian strike hits border town"
    body = "A Freedonian drone strike hit a Sylvanian post on Tuesday. Freedonia did not comment"
    reading = _read_with_headline(nlp, headline, f"{body} on the strike.")
    attacks = [e for e in reading.events if e.type == "ASSAULT"]
    assert [(_names(reading, e), e.modality) for e in attacks] == [
        (("Freedonia", "Sylvania"), "asserted")
    ], "the headline is the body's strike; 'did not comment on the strike' is no strike"


def test_code_events_with_after_an_object_is_an_instrument(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia threatened to flood the capital with Red Brigade fighters.")
    assert _names(reading, _only(reading, "THREATEN"))[1] != "the Rebels"
    reading = _read(nlp, "Freedonia met with Sylvania in the capital on Monday.")
    assert _names(reading, _only(reading, "CONSULT")) == ("Freedonia", "Sylvania")


def test_code_events_a_role_before_a_site_names_its_owner(nlp: Language) -> None:
    text = "Freedonia bombed Sylvanian Kurd rebel hideouts. Freedonia vowed to crush the rebels."
    rebels = Actor(id="a9", name="Rebels", type="armed_group", country=None,
                   mentions=(Mention(text="the rebels", start=text.index("the rebels"),
                                     end=len(text) - 1),))  # fmt: skip
    actors = (*_actors(text), rebels)
    reading = code_events(Reading(source="t", text=text, doc=nlp(text), actors=actors))
    assert _names(reading, _only(reading, "ASSAULT")) == ("Freedonia", "Rebels")


def test_code_events_a_future_cooperation_on_a_condition_stays_conditional(
    nlp: Language,
) -> None:
    reading = _read(nlp, "Freedonia would attend the conference if there were no preconditions.")
    assert _only(reading, "AGREE").modality == "conditional"


def test_code_events_coordinated_directives_are_two_requests(nlp: Language) -> None:
    reading = _read(
        nlp, "Freedonia told Sylvania to open the border and demanded that the UN send monitors."
    )
    requests = [_names(reading, e) for e in reading.events if e.type == "REQUEST"]
    assert requests == [("Freedonia", "Sylvania"), ("Freedonia", "United Nations")]


def test_code_events_a_vow_of_force_is_a_conditional_threat(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia vowed to crush the Red Brigade within a month.")
    assert _only(reading, "THREATEN").modality == "conditional"


@pytest.mark.parametrize(
    "text",
    [
        "The Red Brigade took over the town in January.",
        "The Red Brigade seized the city overnight.",
    ],
)
def test_code_events_taking_a_town_occupies_territory(nlp: Language, text: str) -> None:
    assert [e.cameo for e in _read(nlp, text).events] == ["192"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Freedonia and Sylvania reached an agreement on the border.", "AGREE"),
        ("Freedonia sent 200 troops to Sylvania last week.", "AID"),
    ],
)
def test_code_events_reaching_a_deal_agrees_and_sending_troops_aids(
    nlp: Language, text: str, kind: str
) -> None:
    assert _only(_read(nlp, text), kind)


def test_code_events_what_people_carry_is_no_act(nlp: Language) -> None:
    reading = _read(nlp, "Sylvanian men armed with pistols seized the Freedonian envoy.")
    assert [e.type for e in reading.events] == ["ASSAULT"]


def test_code_events_a_misparsed_coordination_keeps_both_partners(nlp: Language) -> None:
    text = (
        "Freedonia flew envoys by helicopter to Alba for talks with Costa and Sylvanian "
        "President Jon Bell."
    )
    at = text.index("Jon")
    bell = Actor(id="a9", name="Jon Bell", type="person", country=None,
                 mentions=(Mention(text="Jon Bell", start=at, end=at + 8),))  # fmt: skip
    reading = code_events(
        Reading(source="t", text=text, doc=nlp(text), actors=(*_actors(text), bell))
    )
    event = reading.events[0]
    names = {a.id: a.name for a in reading.actors}
    assert {names[i] for i in (event.target, *event.co_targets) if i} == {"Ana Costa", "Jon Bell"}


def test_code_events_a_threat_is_aimed_at_who_must_meet_its_condition(nlp: Language) -> None:
    text = (
        "Freedonia closed its border. The Red Brigade threatened to block the port "
        "if the authorities do not free its leader."
    )
    reading = _read(nlp, text)
    threat = _only(reading, "THREATEN")
    assert (_names(reading, threat), threat.modality) == (
        ("the Rebels", "Freedonia"),
        "conditional",
    )


def test_code_events_a_deal_in_a_condition_is_no_act(nlp: Language) -> None:
    text = "Freedonia warns it will strike Sylvania if a deal on the border cannot be reached."
    assert [e.type for e in _read(nlp, text).events] == ["THREATEN"]


def test_code_events_a_subject_it_continues_the_last_subject(nlp: Language) -> None:
    text = "Freedonia shelled the border town of Sylvania. It said it would attack Sylvania again."
    threat = _only(_read(nlp, text), "THREATEN")
    assert _names(_read(nlp, text), threat)[0] == "Freedonia"


def test_code_events_a_coordinated_clause_with_its_own_subject_is_its_own_act(
    nlp: Language,
) -> None:
    reading = _read(nlp, "Sylvanian shells hit Freedonian positions, and Freedonia returned fire.")
    assert sorted(_names(reading, e)[0] or "" for e in reading.events) == ["Freedonia", "Sylvania"]


def test_code_events_a_directive_whose_infinitive_the_parser_hung_as_advcl(
    vocab: Vocab,
) -> None:
    # "call upon the opposition to respect the vote", parsed as the model parsed a real page
    words = ["call", "upon", "the", "opposition", "to", "respect", "the", "vote"]
    heads = [0, 0, 3, 1, 5, 0, 7, 5]
    deps = ["ROOT", "prep", "det", "pobj", "aux", "advcl", "det", "dobj"]
    lemmas = ["call", "upon", "the", "opposition", "to", "respect", "the", "vote"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    assert is_directive(doc[0])


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia and Sylvania reached no agreement on the border.",
        "Freedonia met Sylvania, with no agreement being reached on the border.",
    ],
)
def test_code_events_no_agreement_is_a_negated_agreement(nlp: Language, text: str) -> None:
    assert _only(_read(nlp, text), "AGREE").modality == "negated"


def test_code_events_the_alliance_is_the_storys_igo_never_a_state(nlp: Language) -> None:
    text = "Sylvania asked the UN for help on Monday. The alliance condemned Freedonia."
    actors = tuple(
        replace(a, type="igo") if a.name == "United Nations" else a for a in _actors(text)
    )
    reading = code_events(Reading(source="t", text=text, doc=nlp(text), actors=actors))
    assert _names(reading, _only(reading, "ACCUSE")) == ("United Nations", "Freedonia")
    text = "Sylvania asked for help on Monday. The alliance condemned Freedonia."
    reading = code_events(Reading(source="t", text=text, doc=nlp(text), actors=_actors(text)))
    assert _names(reading, _only(reading, "ACCUSE"))[0] is None


def test_code_events_the_state_alone_is_the_storys_state(nlp: Language) -> None:
    reading = _read(
        nlp, "Freedonia closed its border. The Red Brigade has fought the state since May."
    )
    assert _names(reading, _only(reading, "ASSAULT")) == ("the Rebels", "Freedonia")
    reading = _read(nlp, "Freedonia declared a state of emergency on Monday.")
    assert all(e.target is None for e in reading.events)


@pytest.mark.parametrize(
    "text",
    ["Ana Costa is under house arrest in the capital.", "Sylvania came under attack on Monday."],
)
def test_code_events_who_is_under_an_act_suffers_it(nlp: Language, text: str) -> None:
    reading = _read(nlp, text)
    event = reading.events[0]
    assert _names(reading, event)[0] is None
    assert _names(reading, event)[1] in ("Ana Costa", "Sylvania")


def test_code_events_a_suggested_belief_keeps_its_own_modality(nlp: Language) -> None:
    text = "Ana Costa suggested the attack may have targeted Sylvania."
    assert _only(_read(nlp, text), "ASSAULT").modality == "hypothetical"


def test_code_events_who_orders_an_act_does_it(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia ordered an air strike on Sylvania in May.")
    assert _names(reading, _only(reading, "ASSAULT")) == ("Freedonia", "Sylvania")
    assert not [e for e in reading.events if e.type == "REQUEST"]


def test_code_events_a_place_on_a_visit_noun_is_where_one_goes(nlp: Language) -> None:
    reading = _read(nlp, "Ana Costa began her Sylvania visit on Monday.")
    visit = _only(reading, "CONSULT")
    assert (_names(reading, visit), visit.co_sources) == (("Ana Costa", "Sylvania"), ())


def test_code_events_after_with_a_participle_read_as_past_is_still_suffered(
    vocab: Vocab,
) -> None:
    # "grew grisly, with victims beheaded", tagged as the model tagged a real page (VBD)
    words = ["attacks", "grew", "grisly", ",", "with", "victims", "beheaded"]
    heads = [1, 1, 1, 1, 6, 6, 1]
    deps = ["nsubj", "ROOT", "acomp", "punct", "mark", "nsubj", "advcl"]
    tags = ["NNS", "VBD", "JJ", ",", "IN", "NNS", "VBD"]
    pos = ["NOUN", "VERB", "ADJ", "PUNCT", "SCONJ", "NOUN", "VERB"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert source_tokens(doc[6]) == []
    assert [t.text for t in target_tokens(doc[6])] == ["victims"]


@pytest.mark.parametrize(
    "text",
    [
        "Sylvania has been bracing for weeks for an attack by Freedonia.",
        "Sylvania suffered heavy losses in the Freedonian offensive.",
    ],
)
def test_code_events_who_braces_for_or_suffers_an_act_is_its_target(
    nlp: Language, text: str
) -> None:
    reading = _read(nlp, text)
    assert _names(reading, _only(reading, "ASSAULT")) == ("Freedonia", "Sylvania")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ana Costa called the Sylvanian leader on Friday for the first time since May.", "041"),
        ("Ana Costa called the Sylvanian president a liar.", "111"),
        ("Freedonia called for talks with Sylvania.", "100"),
    ],
)
def test_code_events_a_call_by_its_object_and_never_by_a_time(
    nlp: Language, text: str, code: str
) -> None:
    assert [e.cameo for e in _read(nlp, text).events] == [code]


def test_code_events_who_is_rushed_somewhere_visits_no_one(nlp: Language) -> None:
    assert not _read(nlp, "Sylvanian soldiers were rushed to hospital in Freedonia.").events
    assert not _read(nlp, "Sylvanian medics rushed to the scene.").events
    assert _only(_read(nlp, "Ana Costa rushed to Sylvania on Monday."), "CONSULT")


def test_code_events_a_future_sanction_is_an_intended_sanction_not_a_threat(
    nlp: Language,
) -> None:
    event = _read(nlp, "Freedonia will impose new sanctions on Sylvania.").events[0]
    assert (event.cameo[:2], event.modality) == ("16", "intended")


def test_code_events_a_relative_clause_on_the_object_names_no_target(nlp: Language) -> None:
    text = "The Red Brigade launched a new offensive on Monday which the UN called brutal."
    reading = _read(nlp, text)
    assert _names(reading, _only(reading, "ASSAULT"))[1] != "United Nations"


def test_code_events_a_name_inside_a_hyphenated_modifier_is_no_antecedent(
    nlp: Language,
) -> None:
    text = "Sylvania shelled the town. A Freedonia-based monitor said the government struck again."
    reading = _read(nlp, text)
    struck = next(e for e in reading.events if e.trigger and e.trigger.text == "struck")
    assert _names(reading, struck)[0] == "Sylvania"


def test_code_events_a_subheading_in_the_body_folds_into_the_prose(nlp: Language) -> None:
    headline = "Border news"
    body = (
        "Freedonia said the talks would go on.\n\nFreedonia attacks Sylvania again\n\n"
        "Freedonia attacked Sylvania on Monday, officials said."
    )
    attacks = [e for e in _read_with_headline(nlp, headline, body).events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].evidence.text.startswith("Freedonia attacked")


def test_code_events_who_is_to_blame_is_accused_by_who_says_so(nlp: Language) -> None:
    text = "Ana Costa said a Sylvanian helicopter hovering over the refinery was to blame."
    reading = _read(nlp, text)
    assert _names(reading, _only(reading, "ACCUSE")) == ("Ana Costa", "Sylvania")


def test_code_events_we_in_a_statement_is_its_issuers_state(nlp: Language) -> None:
    headline = "Statement from President Ana Costa on the border"
    body = "We will impose new sanctions on Sylvania. Freedonia has waited long enough."
    text = f"{headline}\n\n{body}"
    actors = tuple(
        replace(a, role="President", country="FRE") if a.name == "Ana Costa" else
        replace(a, country="FRE") if a.name == "Freedonia" else a
        for a in _actors(text)
    )  # fmt: skip
    article = Article(id="t", source="t", headline=headline, body=body, text=text,
                      body_start=len(headline) + 2)  # fmt: skip
    reading = code_events(
        Reading(source="t", text=text, doc=nlp(text), actors=actors, article=article)
    )
    assert _names(reading, reading.events[0]) == ("Freedonia", "Sylvania")


def test_code_events_our_forces_are_the_speakers_state(nlp: Language) -> None:
    said_text = "The Red Brigade shelled our soldiers stationed in Sylvania"
    text = f'"{said_text}," Freedonian president Ana Costa said.'
    said = text.index(said_text)
    costa = tuple(
        replace(a, role="Freedonian president", country="FRE") if a.name == "Ana Costa" else
        replace(a, country="FRE") if a.name == "Freedonia" else a
        for a in _actors(text)
    )  # fmt: skip
    speaker = Speaker(text="Ana Costa", actor=next(a.id for a in costa if a.name == "Ana Costa"),
                      kind="named", affiliation=None, count=1)  # fmt: skip
    quote = Quote(id="q1", text=said_text, direct=True, cue="said", start=said,
                  end=said + len(said_text), speaker=speaker)  # fmt: skip
    reading = code_events(
        Reading(source="t", text=text, doc=nlp(text), actors=costa, quotes=(quote,))
    )
    assert _names(reading, _only(reading, "ASSAULT")) == ("the Rebels", "Freedonia")


def test_code_events_serving_as_a_spokesman_is_no_cooperation(nlp: Language) -> None:
    assert not _read(nlp, "Ana Costa served as a spokesman for Freedonia for years.").events


def test_code_events_who_claims_an_attack_did_it(nlp: Language) -> None:
    text = "Sylvanian soldiers were attacked on Friday. The Red Brigade claimed responsibility."
    claimed = text.replace("responsibility.", "responsibility for the attack.")
    assert _names(_read(nlp, claimed), _only(_read(nlp, claimed), "ASSAULT")) == (
        "the Rebels",
        "Sylvania",
    )
    assert _names(_read(nlp, text), _only(_read(nlp, text), "ASSAULT"))[0] is None


@pytest.mark.parametrize(
    "text",
    [
        "The Red Brigade denied it but did not provide evidence to Sylvania.",
        "Freedonia released a statement on Sylvania.",
        "Freedonia said it was gathering the facts about Sylvania.",
    ],
)
def test_code_events_giving_out_words_or_facts_is_a_statement_not_an_act(
    nlp: Language, text: str
) -> None:
    assert not _read(nlp, text).events


def test_code_events_a_denied_future_attack_is_no_threat(nlp: Language) -> None:
    event = _only(_read(nlp, "Freedonia will not attack Sylvania."), "ASSAULT")
    assert event.modality == "negated"


def test_code_events_a_done_act_is_never_dated_after_publication(nlp: Language) -> None:
    text = "Freedonia attacked Sylvania, hoping to win the war by January 2026."
    at = text.index("January 2026")
    times = (Time(text="January 2026", earliest=date(2026, 1, 1), latest=date(2026, 1, 31),
                  start=at, end=at + 12),)  # fmt: skip
    published = Published(earliest=date(2024, 5, 1), latest=date(2024, 5, 2), basis="metadata")
    article = Article(id="x", source="test", text=text, published=published)
    event = _only(_read(nlp, text, article=article, times=times), "ASSAULT")
    assert event.date is not None
    assert event.date.latest == date(2024, 5, 2)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Freedonia pulled out of Sylvania in 2005.", "08"),
        ("Freedonia pulled out of talks with Sylvania.", "16"),
    ],
)
def test_code_events_pulling_out_is_a_withdrawal_or_reduced_relations(
    nlp: Language, text: str, root: str
) -> None:
    assert [e.cameo[:2] for e in _read(nlp, text).events] == [root]


def test_code_events_sending_bombers_shows_force(nlp: Language) -> None:
    assert _only(_read(nlp, "Freedonia sent bombers over Sylvania on Monday."), "MOBILIZE")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Freedonia has continued to escalate its threats against Sylvania.", "THREATEN"),
        ("Freedonia intensified its bombardment of Sylvania.", "ASSAULT"),
    ],
)
def test_code_events_escalating_an_act_is_the_act(nlp: Language, text: str, kind: str) -> None:
    assert [e.type for e in _read(nlp, text).events] == [kind]


def test_code_events_a_demonstration_of_power_is_a_show_of_force(nlp: Language) -> None:
    text = "Freedonia stepped up demonstrations of military power near Sylvania."
    assert [e.type for e in _read(nlp, text).events] == ["MOBILIZE"]


def test_code_events_a_support_verb_the_lemmatizer_misreads_still_carries(
    nlp: Language,
) -> None:
    # the English model lemmatizes "staged" as "stag"
    reading = _read(nlp, "Sylvanian students staged demonstrations against Freedonia.")
    assert _names(reading, _only(reading, "PROTEST"))[0] == "Sylvania"


def test_code_events_the_possessor_of_an_assassination_is_its_victim(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia condemned Ana Costa's assassination.")
    assert _names(reading, _only(reading, "ACCUSE")) == ("Freedonia", "Ana Costa")


def test_code_events_a_passive_with_its_own_subject_borrows_no_agent(nlp: Language) -> None:
    reading = _read(nlp, "Freedonia said Sylvanian troops left after Ana Costa was killed.")
    killed = next(e for e in reading.events if e.trigger and e.trigger.text == "killed")
    assert _names(reading, killed) == (None, "Ana Costa")


def test_code_events_words_attributed_to_someone_are_theirs(nlp: Language) -> None:
    text = "An audio recording attributed to Ana Costa called on Sylvania to abandon Freedonia."
    reading = _read(nlp, text)
    assert _names(reading, _only(reading, "REQUEST")) == ("Ana Costa", "Sylvania")


def test_code_events_a_quote_repeating_the_ledes_words_is_one_act(nlp: Language) -> None:
    text = (
        "Freedonia will cut all ties with Sylvania, its president said on Sunday.\n\n"
        'Freedonia "will cut all ties with Sylvania" soon, he said.'
    )
    reading = _read(nlp, text)
    assert len([e for e in reading.events if e.type == reading.events[0].type]) == 1
