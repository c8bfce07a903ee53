"""Source and target of an event from syntax, resolved to the reading's actors.

Verbs: the subject is the source, the object the target; in the passive the `by` agent is the
source and the subject the target. Nouns: possessives and demonym adjectives are the source
("Israel's demand", "an Israeli strike"), `by`/`from` phrases the source, `on`/`against`/`of`
phrases the target; without them a noun takes the subject of the verb that carries it ("was
involved in talks"). Conjuncts give several actors, appositions and relative pronouns point
to their head, and pronouns to the nearest actor mentioned before them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Span, Token

from dateline.actors import actor_at, is_role_noun
from dateline.events.lexicon import load_words
from dateline.events.syntax import hangs_on_with, is_infinitive_advcl, is_light
from dateline.nlp.text import doc_text
from dateline.reading import Actor, Reading

SOURCE_PREPS = frozenset({"by", "from"})
TARGET_PREPS = frozenset({"on", "upon", "against", "at", "with", "to", "toward", "towards", "of"})
AIMING_PREPS = frozenset({"on", "against", "at", "toward", "towards", "into"})
# "complained about the checkpoints", "protested over the arrests": what a complaint is about
# is whom it is aimed at. Other verbs' "about" is a topic ("talked about Iran").
COMPLAINTS = frozenset({"complain", "protest", "grumble", "object"})
NOUN_SOURCE_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
PERSONAL = frozenset({"he", "she", "his", "her", "him"})
FIRST_PERSON_POSS = frozenset({"our", "my"})
NEUTER = frozenset({"it", "its"})
PRONOUNS = PERSONAL | NEUTER | PLURAL_PRONOUNS
# First person stands for whoever speaks (GOLD.md): "I" for the speaker, "we" for the body
# the speaker speaks for ("we will respond", said the president: his state).
FIRST_SINGULAR = frozenset({"i", "me", "my"})
FIRST_PLURAL = frozenset({"we", "us", "our"})
DYAD_TYPES = frozenset({"state", "armed_group", "government", "military", "party"})
ARMED_ROLES = frozenset({"armed_group", "military", "police"})  # "gunmen", "troops", "police"
OWNER_TYPES = DYAD_TYPES | {"igo", "police"}  # who armed people act for
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "dative"})
ARGUMENT_PREPS = frozenset({"by", "from", "with", "against"})
DYAD_MIN = 3  # mentions the second side needs before the story is taken to be about a pair
# Clauses without a subject of their own that share their governor's: "agreed to meet",
# "reached Beirut, killing ...", and headline run-ons the parser leaves as `dep`.
BORROWING = frozenset({"xcomp", "advcl", "conj", "acomp", "dep", "parataxis"})
NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
LOOKBACK = 400  # characters searched backwards for a pronoun's actor (about two sentences)


def source_tokens(trigger: Token) -> list[Token]:
    """Return the tokens that name who acts."""
    if _is_victim_verb(trigger):
        return []  # "soldiers died in the raid": the subject suffers, someone else acts
    if _is_reduced_passive(trigger):
        return agents(trigger)  # "with victims beheaded": the victims suffer; only "by X" acts
    if trigger.pos_ == "VERB" or trigger.pos_ == "ADJ":
        return _verb_source(trigger)
    own = [
        c for c in trigger.children
        if c.dep_ in NOUN_SOURCE_DEPS and names_agent(c) and not is_destination(c)
        and not _names_patient(c)
    ]  # fmt: skip
    own += _prep_objects(trigger, SOURCE_PREPS) or _inner_source(trigger)
    # "the proposal presented by X": the agent of a participle that modifies the noun.
    own += [a for c in trigger.children if c.dep_ == "acl" for a in agents(c)]
    # "launched a bombing campaign": an act named as a container's modifier is carried with it.
    held = trigger.dep_ == "compound" and trigger.head.lemma_.lower() in load_words(
        "container_nouns.txt"
    )
    carrier = _carrier(trigger.head if held else trigger)
    if own or carrier is None or not _borrows(trigger, carrier) or _is_victim_verb(carrier):
        return own  # "policemen died in the attack": who died did not attack
    if is_light(carrier):  # "X has not been involved in talks": X takes part
        return _verb_source(carrier) or [c for c in carrier.children if c.dep_ == "nsubjpass"]
    return _verb_source(carrier)


def target_tokens(trigger: Token) -> list[Token]:
    """Return the tokens that name who is acted on."""
    if _is_victim_verb(trigger):
        return [c for c in trigger.children if c.dep_ == "nsubj"]
    if _is_reduced_passive(trigger):  # "victims beheaded", "Muslims targeted in attacks"
        subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects or ([trigger.head] if trigger.dep_ == "acl" else [])
    if trigger.pos_ in ("VERB", "ADJ"):
        passive = [c for c in trigger.children if c.dep_ == "nsubjpass"]
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
        # "opened fire on worshippers", "fired rockets at the town": when the object is the
        # instrument, the one acted on sits in its preposition or the verb's; candidates
        # are tried in order, the first naming an actor wins.
        aimed = [p for o in objects for p in _prep_objects(o, AIMING_PREPS)]
        # "rejected Abbas' call", "condemned declarations by the monitors": when the object is
        # someone's words or act, its author is who the act is aimed at.
        owners = [c for o in objects for c in o.children if c.dep_ == "poss"]
        owners += [p for o in objects for p in _prep_objects(o, SOURCE_PREPS)]
        preps = (
            TARGET_PREPS | {"about", "over"}
            if trigger.lemma_.lower() in COMPLAINTS
            else TARGET_PREPS
        )
        found = passive or [*objects, *aimed, *_prep_objects(trigger, _partner(preps, objects)),
                            *owners]  # fmt: skip
        return found or _complement_target(trigger)
    if _is_undergone(trigger):  # "Mugabe is under house arrest", "the convoy came under fire"
        carrier = _carrier(trigger)
        return [c for c in carrier.children if c.dep_ in ("nsubj", "nsubjpass")] if carrier else []
    # "talks with X" is with a partner; "an attack with rockets" is with an instrument.
    reciprocal = trigger.lemma_.lower() in load_words("reciprocal_words.txt")
    own = _prep_objects(trigger, TARGET_PREPS if reciprocal else TARGET_PREPS - {"with"})
    own += [c for c in trigger.children if _names_patient(c)]  # "Bhutto's assassination"
    carrier = _carrier(trigger)
    if not own and carrier is not None and _is_victim_verb(carrier):
        return [c for c in carrier.children if c.dep_ == "nsubj"]
    if own or carrier is None or is_light(carrier):
        return own
    # "X was presented with a proposal": the passive subject of the carrier receives it.
    return [c for c in carrier.children if c.dep_ == "nsubjpass"]


def _partner(preps: frozenset[str], objects: list[Token]) -> frozenset[str]:
    """ "met with X" names a partner; after an object, "with" is the instrument ("flood
    Tbilisi with demonstrators", "attacked the town with rockets")."""
    return preps - {"with"} if objects else preps


def _is_reduced_passive(verb: Token) -> bool:
    """A past participle with no auxiliary ("with victims beheaded", "Muslims targeted in
    attacks", "the town shelled overnight"): its subject or the noun it modifies suffers it."""
    if verb.pos_ != "VERB":
        return False
    # "with victims beheaded": after "with" a participle the tagger may read as a past tense
    if _after_with(verb) and verb.tag_ in ("VBN", "VBD"):
        return not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl", "ROOT"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return False  # an object says it is active: "fire killed 14 civilians" parsed as acl
    return verb.dep_ == "acl" or any(c.dep_ == "nsubj" for c in verb.children)


def _after_with(verb: Token) -> bool:
    """An absolute clause: "with victims beheaded", "with both sides targeted"."""
    if hangs_on_with(verb):
        return True
    return any(c.lower_ in ("with", "without") and c.i < verb.i for c in verb.children)


def _is_victim_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in load_words("victim_verbs.txt")


def agents(verb: Token) -> list[Token]:
    """Return the objects of a verb's passive `by` phrase."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _borrows(noun: Token, carrier: Token) -> bool:
    """A noun takes its carrier's subject when the verb only carries it ("made a proposal",
    "involved in talks"), not when the verb acts on it ("rejected the proposal"), nor when the
    subject undergoes it ("is under arrest")."""
    return (is_light(carrier) or noun.dep_ == "pobj") and not _is_undergone(noun)


def _is_undergone(noun: Token) -> bool:
    """ "under arrest", "under attack", "under fire": the subject suffers the act."""
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "under"


def _complement_target(verb: Token) -> list[Token]:
    """ "demanded that its partners refuse", "threatened to break ties with Russia": the one
    the demanded or threatened act concerns, from the complement clause."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") or is_infinitive_advcl(c)]
    for clause in clauses:
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        marked_for = any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)
        if (clause.dep_ == "ccomp" or marked_for) and subjects:  # "that X go", "for X to go"
            return subjects
        objects = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
        found = objects + _prep_objects(clause, _partner(TARGET_PREPS, objects))
        if found:
            return found
    return []


def _verb_source(trigger: Token) -> list[Token]:
    by = agents(trigger)
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "csubj")]
    if by or subjects:
        return by or subjects
    # "met ..., with no agreement being reached": the absolute clause's agents are the
    # main clause's.
    if _is_absolute(trigger):
        return _verb_source(trigger.head.head)
    # "resulting in the U.S. responding": a gerund's subject is parsed as its preposition's object.
    if trigger.dep_ == "pcomp":
        return [c for c in trigger.head.children if c.dep_ == "pobj"]
    # "after Bhutto was killed": a passive with a subject of its own names its sufferer; the
    # agent is only ever its "by" phrase, never the governing clause's subject.
    if any(c.dep_ == "nsubjpass" for c in trigger.children):
        return []
    # No subject of its own: a participle or infinitive borrows its governor's subject.
    if trigger.dep_ in BORROWING and trigger.head.i != trigger.i:
        if _is_reduced_passive(trigger.head):  # "victims beheaded, mutilated": they suffer both
            return agents(trigger.head)
        return _verb_source(trigger.head)
    return []


def _is_absolute(verb: Token) -> bool:
    """ "with no agreement being reached": a passive clause hung on "with" or "without"."""
    return (
        hangs_on_with(verb)
        and verb.head.head.pos_ == "VERB"
        and any(c.dep_ == "nsubjpass" for c in verb.children)
    )


def _names_patient(modifier: Token) -> bool:
    """ "Bhutto's assassination": the possessor of an act noun of harm or custody is its
    victim (data/patient_nouns.txt)."""
    return modifier.dep_ == "poss" and modifier.head.lemma_.lower() in load_words(
        "patient_nouns.txt"
    )


def is_destination(modifier: Token) -> bool:
    """ "his India visit": a place name compounded on a visit noun is where one goes."""
    return (
        modifier.dep_ == "compound"
        and modifier.ent_type_ == "GPE"
        and modifier.head.lemma_.lower() in load_words("visit_nouns.txt")
    )


def names_agent(token: Token) -> bool:
    """Possessive or proper-noun modifiers name an agent; "air" in "air strike" does not."""
    return token.dep_ == "poss" or token.pos_ == "PROPN" or token.ent_type_ in ("NORP", "GPE")


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the given prepositions that can be actors (not "on Nov. 17", "in May")."""
    found = []
    for prep in token.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in preps:
            continue
        for child in prep.children:
            if child.dep_ == "pobj" and child.ent_type_ not in NOT_ACTORS:
                found.append(child)
            elif child.dep_ == "pcomp":  # "open to Lebanon negotiating": the gerund's subject
                found += [c for c in child.children if c.dep_ == "nsubj"]
    return found


def _inner_source(noun: Token) -> list[Token]:
    """A `from`/`by` phrase the parser hung lower in the noun phrase: "attacks on ships from X"."""
    found = []
    for prep in noun.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in SOURCE_PREPS or prep.head.i == noun.i:
            continue
        path = prep.head
        while path.i != noun.i and path.dep_ in ("pobj", "prep", "compound", "conj"):
            path = path.head
        if path.i == noun.i:
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def _carrier(noun: Token) -> Token | None:
    """Return the verb that carries a noun event: "involved in talks", "responding with X"."""
    head = noun.head
    while head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != noun.i else None


def with_conjuncts(tokens: Iterable[Token]) -> Iterator[Token]:
    """Yield each token and the tokens coordinated with it ("the US, Israel and Lebanon")."""
    for token in tokens:
        yield token
        yield from (c for c in token.conjuncts if c.i > token.i)
        # "talks with Olmert and President Peres": the parser may hang the first conjunct as
        # a modifier of the second; its own "and" gives it away.
        yield from (
            c for c in token.subtree
            if c.i < token.i
            and c.dep_ in ("nmod", "compound", "amod")
            and c.pos_ == "PROPN"
            and any(g.dep_ == "cc" for g in c.children)
        )  # fmt: skip


def resolve(reading: Reading, token: Token, *, hops: int = 2, whole: bool = False) -> Actor | None:
    """Return the actor a token names, following relatives, appositions and pronouns."""
    token = _antecedent(token)
    if hops and token.dep_ == "appos" and token.pos_ == "NOUN":  # "X, a commander": X is meant
        named = resolve(reading, token.head, hops=hops - 1)
        if named is not None:
            return named
    titled = _titled(reading, token)
    if titled is not None:  # "seized the acting Libyan ambassador": the envoy, not Libya
        return titled
    mine = [c for c in token.children if c.dep_ == "poss" and c.lower_ in FIRST_PERSON_POSS]
    if mine and token.pos_ == "NOUN":  # "our forces": the speaker's state (or its military)
        owner = speaker_at(reading, mine[0].idx, plural=mine[0].lower_ == "our")
        if owner is not None:
            return _state_military(reading, token, owner) or owner
    owner = _site_owner(reading, token, hops)
    if owner is not None:  # "Turkish Kurd rebel hideouts": the owner nearest the site
        return owner
    # The head with its compounds first, then everything to its left ("Israeli strike"), then
    # (for targets) the whole phrase: "the deputy chief of Israel's militia ally".
    spans = [_tight(token), token.doc[token.left_edge.i : token.i + 1]]
    if whole:
        spans.append(token.doc[token.left_edge.i : _phrase_end(token) + 1])
    for span in spans:
        actor = actor_at(reading, span.start_char, span.end_char)
        if actor is not None:
            return (
                _named_owner(reading, token, actor)
                or _state_military(reading, token, actor)
                or actor
            )
    appos = [c for c in token.children if c.dep_ == "appos"]
    if hops and appos:
        return resolve(reading, appos[0], hops=hops - 1)
    if token.lower_ in PRONOUNS:
        return _nearest_before(reading, token)
    if token.lower_ in FIRST_SINGULAR | FIRST_PLURAL:
        return speaker_at(reading, token.idx, plural=token.lower_ in FIRST_PLURAL)
    return (
        _descriptor(reading, token)
        or _described_forces(reading, token)
        or _author(reading, token, hops)
    )


def _author(reading: Reading, token: Token, hops: int) -> Actor | None:
    """ "a recording attributed to bin Laden", "a statement signed by the group": words whose
    author a participle names speak for that author."""
    if not hops or token.pos_ != "NOUN":
        return None
    for acl in token.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in load_words("authorship_participles.txt"):
            continue
        for prep in acl.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("to", "by"):
                for name in prep.children:
                    if name.dep_ == "pobj" and (actor := resolve(reading, name, hops=hops - 1)):
                        return actor
    return None


def _described_forces(reading: Reading, token: Token) -> Actor | None:
    """ "government troops", "regime forces": a state's arms named by a descriptor act for
    the state the descriptor stands for (its military when the story has one)."""
    if token.lower_ not in load_words("military_nouns.txt"):
        return None
    for child in token.children:
        if child.dep_ in ("compound", "amod") and (owner := _descriptor(reading, child)):
            return _state_military(reading, token, owner) or owner
    return None


CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp"})


def _phrase_end(token: Token) -> int:
    """The last token of the noun phrase without its clauses: "a new offensive which the
    Observatory said ..." ends at "offensive"; "the deputy chief of Israel's ally" keeps its
    "of" phrase."""
    kept = [c for c in token.rights if c.dep_ not in CLAUSE_DEPS]
    return max((c.right_edge.i for c in kept), default=token.i)


def _site_owner(reading: Reading, token: Token, hops: int) -> Actor | None:
    """ "the army camp", "police compounds", "rebel hideouts", "U.S. warships": a site is
    acted on through its owner, named by the site's modifier."""
    if not hops or token.lower_ not in load_words("site_nouns.txt"):
        return None
    # The modifier nearest the site names its owner: "Turkish Kurd rebel hideouts" are the
    # rebels', not Turkey's.
    for child in sorted(token.children, key=lambda c: -c.i):
        if child.dep_ in NOUN_SOURCE_DEPS:
            owner = resolve(reading, child, hops=hops - 1) or _descriptor(reading, child)
            if owner is None and is_role_noun(child):
                # "rebel hideouts": the rebels the story names elsewhere; the words before
                # the role ("Turkish Kurd") describe them, they do not own the site.
                return _group_by_role(reading, child)
            if owner is not None:
                return owner
    return None


def _group_by_role(reading: Reading, role: Token) -> Actor | None:
    """The unnamed group whose mentions have this role noun as their head ("the rebels")."""
    doc, lemma = role.doc, role.lemma_.lower()
    for actor in reading.actors:
        for mention in actor.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span.root.lemma_.lower() == lemma and span.root.i != role.i:
                return actor
    return None


def _state_military(reading: Reading, token: Token, actor: Actor) -> Actor | None:
    """ "Turkish warplanes bombed": a state's arms act as its military, when the story has it."""
    if actor.type != "state" or token.lower_ not in load_words("military_nouns.txt"):
        return None
    armies = [a for a in reading.actors if a.type == "military" and a.country == actor.country]
    return max(armies, key=lambda a: len(a.mentions), default=None)


def _named_owner(reading: Reading, token: Token, actor: Actor) -> Actor | None:
    """ "Hezbollah fighters", "Fatah gunmen", "ISIS militants": armed people named by role
    and owner act for the owner the story names, not as an unnamed group of their own."""
    if token.pos_ != "NOUN" or actor.type not in ARMED_ROLES:
        return None
    for child in token.children:  # any modifier the actors stage found a name in ("ISIS" as NOUN)
        if child.dep_ in NOUN_SOURCE_DEPS:
            owner = actor_at(reading, child.idx, child.idx + len(child))
            if owner is not None and owner.id != actor.id and owner.type in OWNER_TYPES:
                return owner
    return None


def _titled(reading: Reading, token: Token) -> Actor | None:
    """A title with no name on it ("the prime minister", "the acting Libyan ambassador") is
    the person the story gave that title, mentioned last before it."""
    if token.pos_ != "NOUN" or any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in token.children):
        return None
    title = " ".join(t.lower_ for t in _tight(token))
    if title not in load_words("state_titles.txt"):
        return None
    return _titled_before(reading, title, token.idx)


def _descriptor(reading: Reading, token: Token) -> Actor | None:
    """Return the actor a descriptor means: "the government" or "the regime" (with no name of
    its own) is the story's most mentioned state, "the military" its army."""
    if token.pos_ != "NOUN" or any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in token.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None  # "the state of emergency", "the government of X": not the noun alone
    types = _descriptor_types()  # "authorities" is listed as written: its lemma is "authority"
    kind = types.get(token.lemma_.lower()) or types.get(token.lower_)
    if kind is None:
        return None
    # The one mentioned last before it (within about two sentences), else the most mentioned:
    # "Venezuelan officials said ... the government was in contact" is Venezuela's.
    of_kind = [a for a in reading.actors if a.type == kind]
    fallback = kind != "igo"  # "the alliance" is no state when the story names no IGO
    candidates = of_kind or [a for a in reading.actors if a.type == "state" and fallback]
    text = doc_text(token.doc)
    # "the UK-based monitor": a name inside a hyphenated modifier is no antecedent.
    near = [
        (m.start, a) for a in candidates for m in a.mentions
        if token.idx - LOOKBACK <= m.start < token.idx and text[m.end : m.end + 1] != "-"
    ]  # fmt: skip
    if near:
        return max(near, key=lambda pair: pair[0])[1]
    return max(candidates, key=lambda a: len(a.mentions), default=None)


@cache
def _descriptor_types() -> dict[str, str]:
    """Return descriptor noun -> the actor type it stands for (data/government_words.txt)."""
    rows = (line.split() for line in load_words("government_words.txt"))
    return {row[0]: row[1] for row in rows if len(row) == 2}


def _titled_before(reading: Reading, title: str, offset: int) -> Actor | None:
    """The person whose role holds `title`, mentioned last before `offset` (else first after)."""
    people = [a for a in reading.actors if a.type == "person" and title in (a.role or "").lower()]
    before = [(m.start, a) for a in people for m in a.mentions if m.start < offset]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return people[0] if len(people) == 1 else None


def speaker_at(reading: Reading, offset: int, *, plural: bool = False) -> Actor | None:
    """Return the actor whose quoted words hold `offset`; for "we", the body they speak for."""
    quote = next((q for q in reading.quotes if q.start <= offset < q.end), None)
    by_id = {a.id: a for a in reading.actors}
    if quote is None:
        speaker = statement_issuer(reading, offset)
    elif quote.speaker is None or quote.speaker.actor is None:
        return None
    else:
        speaker = by_id.get(quote.speaker.actor)
    if speaker is None or not plural or speaker.type != "person":
        return speaker
    owner = by_id.get(speaker.part_of or "") or named_in_title(reading, speaker)
    return owner or office_state(reading, speaker) or speaker


def statement_issuer(reading: Reading, offset: int) -> Actor | None:
    """The person who issues the page, where it is a statement ("Statement from President
    Joe Biden on ..."), for first person in its body outside any quote."""
    article = reading.article
    if article is None or not article.headline or offset < article.body_start:
        return None
    headline = article.headline.lower()
    if not any(headline.startswith(o) for o in load_words("statement_headlines.txt")):
        return None
    end = len(article.headline)
    at = (reading.text or "").find(article.headline)
    people = [a for a in reading.actors if a.type == "person" for m in a.mentions
              if at >= 0 and at <= m.start < at + end]  # fmt: skip
    return people[0] if people else None


def named_in_title(reading: Reading, person: Actor) -> Actor | None:
    """The first collective actor a person's title names: "senior Hamas leader" -> Hamas."""
    role = f" {person.role or ''} "
    found: list[tuple[int, int, Actor]] = []
    for actor in reading.actors:
        if actor.type == "person":
            continue
        for name in {actor.name, *(m.text for m in actor.mentions)}:
            at = role.find(f" {name}")
            if at >= 0 and not role[at + 1 + len(name)].isalnum():
                found.append((at, -len(name), actor))
    return min(found, key=_first_longest)[2] if found else None


def _first_longest(item: tuple[int, int, Actor]) -> tuple[int, int]:
    return item[0], item[1]


SPOKES_WORDS = ("spokesman", "spokeswoman", "spokesperson")


def speaks_for(reading: Reading, actor_id: str | None) -> str | None:
    """A spokesperson's act is the body's (GOLD.md): "Hamas spokesman X rejected" is Hamas."""
    by_id = {a.id: a for a in reading.actors}
    person = by_id.get(actor_id or "")
    if person is None or person.type != "person":
        return actor_id
    if not any(word in (person.role or "").lower() for word in SPOKES_WORDS):
        return actor_id
    body = by_id.get(person.part_of or "") or named_in_title(reading, person)
    return body.id if body is not None else actor_id


def office_state(reading: Reading, person: Actor) -> Actor | None:
    """The state of a person whose title is a state office: "President", "defense minister"."""
    role = f" {(person.role or '').lower()} "
    if not person.country or not any(f" {t} " in role for t in load_words("state_titles.txt")):
        return None
    return next((a for a in reading.actors if a.type == "state" and a.country == person.country),
                None)  # fmt: skip


def resolve_all(reading: Reading, token: Token, *, whole: bool = False) -> list[Actor]:
    """Return the actors a token names: several for "they" after "X and Y" (a joint act)."""
    if token.lower_ not in PLURAL_PRONOUNS:
        actor = resolve(reading, token, whole=whole)
        return [actor] if actor is not None else []
    nearest = _nearest_mention_before(reading, token)
    if nearest is None:
        return []
    actor, start, end = nearest
    span = token.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return [actor]
    group = [span.root, *span.root.conjuncts]
    found = [a for t in group if (a := resolve(reading, t, hops=0)) is not None]
    return list({a.id: a for a in found}.values()) or [actor]


def _antecedent(token: Token) -> Token:
    if token.lower_ in RELATIVE and token.head.dep_ in ("relcl", "acl"):
        return token.head.head
    return token


def _tight(token: Token) -> Span:
    """The token with its compound and flat-name modifiers: "Saleh al-Arouri", "U.S. envoy"."""
    left = token
    while (prev := left.nbor(-1) if left.i > 0 else None) is not None and (
        prev.dep_ in ("compound", "flat") and prev.head.i in (token.i, left.i)
    ):
        left = prev
    return token.doc[left.i : token.i + 1]


def _nearest_before(reading: Reading, pronoun: Token) -> Actor | None:
    nearest = _nearest_mention_before(reading, pronoun)
    return nearest[0] if nearest else None


def _nearest_mention_before(reading: Reading, pronoun: Token) -> tuple[Actor, int, int] | None:
    """The actor that agrees with the pronoun, mentioned last before it (within LOOKBACK):
    "he" and "she" are persons, "it" is no person and no plural ("Thailand annexed it" after
    "the rebels" is not the rebels), and none stands for its own verb's subject. A subject
    pronoun continues the last subject first (centering): "Rice and the prime minister met
    ..., and she congratulated him" is Rice."""
    offset, doc = pronoun.idx, pronoun.doc
    found: list[tuple[int, Actor, int, int, bool]] = []
    for actor in reading.actors:
        for mention in actor.mentions:
            if not offset - LOOKBACK <= mention.start < offset:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if _agrees(pronoun, actor, span) and not _co_argument(pronoun, span):
                subject = span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
                found.append((mention.start, actor, mention.start, mention.end, subject))
    if not found:
        return None
    subjects = [f for f in found if f[4]]
    if pronoun.dep_ == "nsubj" and subjects:
        found = subjects
    last = max(found, key=lambda f: f[0])
    return last[1], last[2], last[3]


def _co_argument(pronoun: Token, mention: Span | None) -> bool:
    """ "Sylvania condemned it": a pronoun never stands for its own verb's other argument."""
    return mention is not None and mention.root.head.i == pronoun.head.i != pronoun.i


def _agrees(pronoun: Token, actor: Actor, mention: Span | None) -> bool:
    word = pronoun.lower_
    if word in PERSONAL:
        return actor.type == "person"
    if word in NEUTER:
        plural = mention is not None and mention.root.tag_ in ("NNS", "NNPS")
        return actor.type != "person" and not plural
    return True


def find_dyad(reading: Reading) -> tuple[str, str] | None:
    """Return the ids of the two collective actors the story is about, if two stand out.

    Counted over mentions in argument positions only: "Lebanese officials" is an affiliation
    and "in Beirut" a place, not Lebanon acting. Used to fill a conflict event's missing
    target with the other side of the story, a discourse default news follows ("Israel warns
    it will respond" warns its adversary).
    """
    doc = reading.require_doc()
    counts = []
    for actor in reading.actors:
        if actor.type not in DYAD_TYPES:
            continue
        spans = (doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions)
        acting = sum(1 for span in spans if span is not None and _is_agentive(span.root))
        counts.append((acting, actor.id))
    counts.sort(reverse=True)
    if len(counts) < 2 or counts[1][0] < DYAD_MIN or (len(counts) > 2 and counts[1] == counts[2]):
        return None
    return counts[0][1], counts[1][1]


def _is_agentive(token: Token) -> bool:
    if token.dep_ == "pobj":
        return token.head.lower_ in ARGUMENT_PREPS
    return token.dep_ in ARGUMENT_DEPS
