"""Find event triggers in a parse and group them into events.

A trigger is a verb, event noun or intent adjective whose lemma is in the lexicon; the entry
whose surrounding words (object, subject, modifiers) are present gives its CAMEO code. Triggers
that describe one happening are grouped: a noun that is the theme of another trigger ("rejected
the plan", "ready for talks"), or that names the same kind of act ("was killed during an Israeli
strike", "an airstrike reached Beirut, killing ..."). A proposal and its rejection stay two.

We wrote this ourselves: no maintained library codes PLOVER/CAMEO from a spaCy parse on a CPU
(PETRARCH2 needs CoreNLP and Python 2; the PLOVER/POLECAT coders need transformers and a GPU).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.events.lexicon import (
    NOUN_POS,
    Entry,
    code_info,
    load_cues,
    load_lexicon,
    load_words,
)
from dateline.events.syntax import (
    hangs_on_with,
    is_finite_statement,
    is_infinitive,
    is_infinitive_advcl,
    is_light,
)
from dateline.nlp.text import doc_tokens

OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "xcomp", "ccomp", "acomp", "dative", "pobj"})
THEME_DEPS = frozenset(
    {"dobj", "pobj", "xcomp", "attr", "ccomp", "acomp", "prep", "pcomp", "nsubjpass"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
MOD_DEPS = frozenset({"compound", "amod", "nmod"})
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
VERBAL_ROOTS = frozenset({"03", "10", "11", "12", "13"})
HOPS = 4  # how far up the tree a trigger looks for the trigger that governs it


@dataclass(frozen=True, slots=True)
class Trigger:
    """A token whose lemma and surroundings match a lexicon entry."""

    token: Token
    entry: Entry
    phrase: str  # the lexicon key that matched: "rule out", "strike"

    @property
    def code(self) -> str:
        """Return the CAMEO code."""
        return self.entry.code

    @property
    def root(self) -> str:
        """Return the two-digit CAMEO root."""
        return self.entry.code[:2]


@dataclass(frozen=True, slots=True)
class Cluster:
    """Triggers that describe one event; `head` gives the code, `members` add arguments."""

    head: Trigger
    members: tuple[Trigger, ...]
    intent_of: Trigger | None = None  # an intent adjective that governs `head` ("ready to")


DIRECTIVE = Entry(code="100", side="frame")  # see data/directive_verbs.txt
# "Hamas must restore power", "the opposition should respect the vote": in someone's words, an
# obligation laid on another party is the speaker's demand of it (GOLD.md: demands with
# should/must are the speaker's REQUEST); the obliged act itself has not happened.
OBLIGATION = Entry(code="100", side="frame")
OBLIGING = frozenset({"must", "should", "ought"})
FIRST_PERSON = frozenset({"i", "we"})
ADDRESSEE_PREPS = frozenset({"on", "upon"})  # "called on/upon X to ..."


def find_triggers(doc: Doc) -> list[Trigger]:
    """Return every token that matches a lexicon entry, in text order."""
    lexicon = load_lexicon()
    found = []
    for token in doc_tokens(doc):
        pos = _pos(token)
        if pos is None:
            continue
        if pos == "VERB" and reports_a_belief(token):
            continue
        if pos == "VERB" and is_directive(token):
            found.append(Trigger(token, DIRECTIVE, token.lemma_.lower()))
            continue
        if pos == "VERB" and is_obligation(token):
            found.append(Trigger(token, OBLIGATION, token.lemma_.lower()))
            continue
        for phrase in _keys(token, pos):
            entries = lexicon.get((phrase, pos))
            entry = _pick(token, entries, pos) if entries else None
            if entry is not None:
                found.append(Trigger(token, entry, phrase))
                break
    return [t for t in found if _stands(t)]


def is_directive(verb: Token) -> bool:
    """Does the verb direct an addressee to act: "told X to go", "demanded that X go"?"""
    if verb.lemma_.lower() not in load_words("directive_verbs.txt"):
        return False
    children = list(verb.children)
    addressee = any(c.dep_ in ("dobj", "dative") for c in children) or any(
        c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPS for c in children
    )
    # The parser often hangs the infinitive as advcl ("call upon X to respect").
    to_act = any(
        (c.dep_ == "xcomp" and is_infinitive(c))
        or (is_infinitive_advcl(c) and not _has_own_subject(c))
        for c in children
    )
    # "called for the FARC to divulge": the addressee is the subject of a for-to clause.
    for_to = any(_is_for_to(c) for c in children)
    # "demanded that they halt": only verbs that demand take a that-clause as the demanded act
    # ("told reporters that ..." reports); the clause marked by "that" and with its own subject.
    demands = load_cues().get("gov", {}).get(verb.lemma_.lower()) == "demanded"
    that_act = demands and any(
        c.dep_ == "ccomp" and _has_own_subject(c) and any(m.lower_ == "that" for m in c.children)
        for c in children
    )
    return (addressee and to_act) or that_act or for_to


def _is_for_to(clause: Token) -> bool:
    """ "for X to act": an infinitive clause with its own subject, marked by "for"."""
    return (
        clause.dep_ in ("advcl", "ccomp", "xcomp")
        and is_infinitive(clause)
        and _has_own_subject(clause)
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)
    )


def reports_a_belief(verb: Token) -> bool:
    """ "Ban suggested the attack may have targeted the minister": a verb of proposing over a
    finite clause states what the speaker thinks, it proposes nothing ("suggested that Syria
    join the talks", with a bare verb, still proposes)."""
    if verb.lemma_.lower() not in load_words("belief_verbs.txt"):
        return False
    return any(c.dep_ == "ccomp" and is_finite_statement(c) for c in verb.children)


def is_obligation(verb: Token) -> bool:
    """Does the verb lay an obligation on a third party: "Hamas must restore power"?"""
    obliged = any(c.dep_ == "aux" and c.lower_ in OBLIGING for c in verb.children)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "We must act" commits the speaker, it demands nothing of another party.
    third = bool(subjects) and all(s.lower_ not in FIRST_PERSON for s in subjects)
    return obliged and third


def _pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in NOUN_POS and token.tag_ != "NNP":
        return "NOUN"
    return "ADJ" if token.pos_ == "ADJ" else None


def _keys(token: Token, pos: str) -> list[str]:
    lemma = token.lemma_.lower()
    keys = []
    if pos == "VERB":
        # "called X for the first time" is no "call for": a phrase of time forms no key
        keys += [
            f"{lemma} {c.lower_}"
            for c in token.children
            if c.dep_ == "prt" or (c.dep_ == "prep" and not _is_time_phrase(c))
        ]
    if pos == "NOUN":
        keys += [f"{c.lower_} {lemma}" for c in token.children if c.dep_ == "compound"]
        keys.append(token.lower_)
    return [*keys, lemma]


def _pick(token: Token, entries: tuple[Entry, ...], pos: str) -> Entry | None:
    # Each bag is gathered once and only when an entry asks for it: most tokens match a bare
    # entry first, and gathering every bag for every token was a third of the coder's time.
    bags: dict[str, frozenset[str]] = {}

    def bag(side: str) -> frozenset[str]:
        if side not in bags:
            bags[side] = BAGS[side](token)
        return bags[side]

    # "called the president a liar": what the object is called says what the act is.
    called = frozenset(
        w for c in token.children if c.dep_ == "oprd" for w in (c.lower_, c.lemma_.lower())
    )
    for entry in entries:
        if called and entry.side == "obj" and all(group & called for group in entry.words):
            return entry
    for entry in entries:
        # A one-word object pattern names the object itself: "attack the government" is
        # criticism (111), "attack government positions" is not; its modifier is no object.
        side = "obj_heads" if entry.side == "obj" and len(entry.words) == 1 else entry.side
        if not entry.side or all(group & bag(side) for group in entry.words):
            return entry
    return None


BAGS: dict[str, Callable[[Token], frozenset[str]]] = {
    "obj": lambda t: _object_words(t, modifiers=True),
    "obj_heads": lambda t: _object_words(t, modifiers=False),
    "subj": lambda t: _subject_words(t),
    "mod": lambda t: _mod_words(t),
}


def _object_words(token: Token, *, modifiers: bool) -> frozenset[str]:
    words: set[str] = set()
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "the war initiated by X": war is the object
        words |= {token.head.lower_, token.head.lemma_.lower()}
    for child in token.children:  # "contractors were captured": a passive's subject is its object
        if child.dep_ == "nsubjpass":
            words |= {child.lower_, child.lemma_.lower()}
    for child in token.children:
        # A name's modifiers are its title ("killing rebel commander X"): they name the object.
        named = modifiers or child.pos_ == "PROPN"
        inner = OBJECT_DEPS | {"aux"} | (MOD_DEPS if named else frozenset())
        if child.dep_ in OBJECT_DEPS or child.dep_ in ("prep", "agent", "prt", "aux"):
            # A preposition of time is no object: "attacked X on Sunday" is no "attack on".
            if not _is_time_phrase(child):
                words |= {child.lower_, child.lemma_.lower()}
            for grand in child.children:
                if grand.dep_ in inner:
                    words |= {grand.lower_, grand.lemma_.lower()}
                # "pulled out of talks": a compound preposition's object is the verb's too
                if child.dep_ == "prep" and grand.dep_ == "prep":
                    words |= {w for g in grand.children if g.dep_ == "pobj"
                              for w in (g.lower_, g.lemma_.lower())}  # fmt: skip
                # "declared a state of emergency": what a container object holds is its object.
                if (grand.dep_ == "prep" and grand.lower_ == "of"
                        and child.lemma_.lower() in load_words("container_nouns.txt")):  # fmt: skip
                    words |= {w for g in grand.children if g.dep_ == "pobj"
                              for w in (g.lower_, g.lemma_.lower())}  # fmt: skip
    return frozenset(words)


def _is_time_phrase(prep: Token) -> bool:
    times = load_words("time_nouns.txt")
    return prep.dep_ == "prep" and any(
        g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in times)
        for g in prep.children
    )


def _subject_words(token: Token) -> frozenset[str]:
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    words = {w for s in subjects for t in (s, *s.children) for w in (t.lower_, t.lemma_.lower())}
    return frozenset(words)


def _mod_words(token: Token) -> frozenset[str]:
    mods = [c for c in token.children if c.dep_ in MOD_DEPS]
    return frozenset(w for c in mods for w in (c.lower_, c.lemma_.lower()))


def _stands(trigger: Trigger) -> bool:
    """Nouns marked not-alone need a support verb ("reached a deal"), or a governing trigger."""
    token = trigger.token
    if (
        token.dep_ in ("acl", "amod")
        and token.tag_ == "VBN"
        and token.lemma_.lower() in (load_words("stative_participles.txt"))
    ):
        return False  # "men armed with pistols": what they carry, not an act
    if trigger.entry.alone:
        return True
    # "the war it has been waging": a light verb in the noun's relative clause carries it too.
    carried_below = any(c.dep_ == "relcl" and is_light(c) for c in trigger.token.children)
    return is_light(trigger.token.head) or carried_below


def group_triggers(triggers: list[Trigger]) -> list[Cluster]:
    """Return the events the triggers describe, each with its governing trigger as head."""
    at = {t.token.i: t for t in triggers}
    parent = {t.token.i: _governor(t, at) for t in triggers}
    clusters: dict[int, list[Trigger]] = {}
    intents: dict[int, Trigger] = {}
    for trigger in triggers:
        top = trigger
        while (up := parent.get(top.token.i)) is not None and _joins(top, up):
            top = up
        gov = parent.get(trigger.token.i)
        if gov is not None and gov.token.pos_ == "ADJ" and trigger.root not in COOPERATIVE_ROOTS:
            intents[trigger.token.i] = gov  # "ready to fight": the fight, intended
            top = trigger
        clusters.setdefault(top.token.i, []).append(trigger)
    dropped = {g.token.i for g in intents.values()}
    return [
        Cluster(_head(at[i], members), tuple(members), intents.get(i))
        for i, members in clusters.items()
        if i not in dropped
    ]


def _governor(trigger: Trigger, at: dict[int, Trigger]) -> Trigger | None:
    token = trigger.token
    if trigger.entry is DIRECTIVE and token.dep_ == "conj":
        return None  # "told X to go and demanded that Y stay": two demands, two addressees
    while token.dep_ == "conj" and token.head.i != token.i:  # conjuncts share a governor
        token = token.head
        if token.i in at:
            return at[token.i]
    for _ in range(HOPS):
        governor = at.get(token.head.i)
        # "demanded that X halt attacks": the halt is what is demanded, part of the demand.
        directed = token.dep_ == "ccomp" and governor is not None and governor.entry is DIRECTIVE
        if token.head.i == token.i or (
            token.dep_ in ("conj", "relcl", "ccomp", "parataxis") and not directed
        ):
            return None
        token = token.head
        if token.i in at:
            return at[token.i]
    return None


def _joins(child: Trigger, parent: Trigger) -> bool:
    """Is `child` part of `parent`'s event rather than an event of its own?"""
    if child.root == "10" and parent.root == "12":
        return False  # a proposal and its rejection are two events
    if child.root in ("10", "12", "13") and parent.token.pos_ == "ADJ":
        return False
    if not _type(parent):
        return False  # CAMEO 01/02 triggers ("involved", "presented") are not coded
    if child.token.dep_ == "advcl" and child.token.tag_ == "VBG" and parent.root in VERBAL_ROOTS:
        return True  # "ruled out giving up weapons": the gerund is what is rejected
    if parent.entry is DIRECTIVE and _is_for_to(child.token):
        return True  # "called for X to divulge": the divulging is what is demanded
    absolute = hangs_on_with(child.token)
    if (child.token.dep_ == "advcl" or absolute) and _has_own_subject(child.token):
        # "with no agreement being reached": an absolute clause has a subject of its own;
        # "open to Lebanon negotiating" is the openness's theme
        return False  # "bombed X a day after rebels launched an assault": two acts, two actors
    same = _type(child) == _type(parent)
    if child.token.dep_ == "conj" and child.token.pos_ == "VERB" and _has_own_subject(child.token):
        return False  # "shells hit Israeli positions, and Israel returned fire": two acts
    if child.token.dep_ == "conj" and child.token.head.i == parent.token.i:
        return same  # "the rejection and the volleys": coordinated, not one inside the other
    theme = child.token.dep_ in THEME_DEPS or child.token.head.dep_ in THEME_DEPS
    if _in_time_phrase(child.token):
        return same  # "sealed off Ramallah ahead of Bush's visit": the visit is an act of its own
    # "offered on Monday to talk": the parser often hangs the infinitive as advcl; with no
    # subject of its own it is the verb's complement all the same.
    theme = theme or is_infinitive_advcl(child.token)
    return same or theme


def _in_time_phrase(token: Token) -> bool:
    """Is the noun the object of a preposition of time or cause ("after the talks", "ahead of
    the visit", "amid clashes")? Such a phrase places the act; it is not what the act does."""
    prep = token.head
    if token.dep_ != "pobj":
        return False
    words = {prep.lower_, prep.head.lower_ if prep.dep_ == "pcomp" or prep.lower_ == "of" else ""}
    return bool(words & load_words("time_prepositions.txt"))


def _has_own_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _type(trigger: Trigger) -> str:
    info = code_info(trigger.code)
    return info.type if info else ""


def _head(top: Trigger, members: Iterable[Trigger]) -> Trigger:
    """Among same-type members, the most specific code names the event (186 over 190).

    A support verb only carries the act its object names ("took part in attacks", "carried
    out raids", "set off fighting"): the event noun outranks it, whatever the verb codes."""
    members = list(members)
    # "plans to lift sanctions", "wants to attack": a verb of intent only sets the modality of
    # the act it governs; that act is the event.
    if (top.token.pos_ == "VERB" and is_light(top.token)) or _is_intent_verb(top.token):
        carried = [m for m in members if m.token.i != top.token.i and _type(m)]
        nouns = [m for m in carried if m.token.pos_ == "NOUN"]
        if nouns or (carried and _is_intent_verb(top.token)):
            top = min(nouns or carried, key=lambda m: m.token.i)
    same = [m for m in members if _type(m) == _type(top)]
    return max(same, key=_specificity, default=top)


def _is_intent_verb(token: Token) -> bool:
    return (
        token.pos_ == "VERB" and load_cues().get("gov", {}).get(token.lemma_.lower()) == "intended"
    )


def _specificity(trigger: Trigger) -> tuple[bool, bool, bool, float]:
    # A verb carries the clearest arguments ("met Mikati" over "visit to Beirut"); then a fine
    # code beats a root; an object pattern (kill + leader -> 186) says the most.
    info = code_info(trigger.code)
    fine = len(trigger.code) > 2 and trigger.code[2] != "0"
    verb = trigger.token.pos_ == "VERB"
    return verb, fine, trigger.entry.side == "obj", abs(info.goldstein) if info else 0.0
