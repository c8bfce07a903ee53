"""Unnamed groups as actors: "gunmen", "civilians", "protesters", "Sudanese troops".

Why ours: NER finds names, and actor dictionaries (Phoenix, POLECAT's) code a role noun only
as an attribute of a named state or group. Conflict news tells much of its violence by and
against groups it never names ("Gunmen kidnapped 20 students"), and an event coder needs them
as sources and targets. A plural role noun from agents.tsv (or a singular one for armed roles:
"a gunman") whose code group_types.tsv admits is one actor per role and country in the
article; its country comes from a nationality adjective on it ("Palestinian civilians").
Mentions are the role noun with that adjective, never the number: "14 civilians" is the
actor "civilians"; the count is the quantities layer's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from dateline.actors.dictionary import country_of, load_actor_dictionary, read_table
from dateline.nlp.text import doc_tokens

ARMED = frozenset({"armed_group"})  # a single member already names the group: "a gunman"
QUANTIFIERS = frozenset({"dozens", "hundreds", "thousands", "scores", "many", "several"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
NOUN_MODIFIER_DEPS = MODIFIER_DEPS | {"npadvmod", "poss"}
WIDENING_DEPS = frozenset({"det", "amod", "compound"})


@dataclass(frozen=True, slots=True)
class GroupType:
    type: str
    counted_only: bool


@dataclass(frozen=True, slots=True)
class GroupMention:
    """One mention of an unnamed group: its span, key (role and country), type and country."""

    span: Span
    key: str
    type: str
    country: str | None
    role_start: int  # the first token of the role words, after any nationality word


@cache
def _group_types() -> dict[str, GroupType]:
    return {
        row[0].strip(): GroupType(row[1].strip(), row[2].strip() == "yes")
        for row in read_table("group_types.tsv")
    }


@cache
def _role_nouns() -> dict[str, GroupType]:
    """Lower-case agent noun (one word or a compound: "aid worker") -> its group type."""
    types = _group_types()
    excluded = {row[0].strip() for row in read_table("not_groups.tsv")}
    nouns = {}
    for row in (*read_table("agents.tsv"), *read_table("role_nouns.tsv")):
        phrase, code = row[0].strip().lower(), row[1].strip()[:3]
        if code in types and phrase not in excluded:
            nouns[phrase] = types[code]
    return nouns


def is_role_noun(token: Token) -> bool:
    """Is the word a role that names a group of people ("rebel", "protester")?"""
    nouns = _role_nouns()
    return token.lower_ in nouns or token.lemma_.lower() in nouns


def find_groups(doc: Doc, taken: set[int]) -> list[GroupMention]:
    """Return the unnamed groups of `doc`, skipping role words other actors already hold.

    A group's span may take in a nationality word another actor holds ("Chadian" as Chad):
    the caller drops that mention, since the word names the group's country, not the state.
    """
    found = []
    heads = _group_heads()
    for token in doc_tokens(doc):
        if token.i in taken or token.pos_ != "NOUN":
            continue
        if token.lower_ not in heads and token.lemma_.lower() not in heads:
            continue  # no role or collective ends in this word: _group_at would find none
        mention = _group_at(token)
        # The nationality word may be a state's hit already ("Chadian"); the role words not.
        if mention is not None and not any(i in taken for i in range(mention.role_start, token.i)):
            found.append(_widened(mention, taken))
    return _collectives_share_country(found)


def _widened(mention: GroupMention, taken: set[int]) -> GroupMention:
    """The mention as the text says it: with its article and descriptive modifiers ("the
    rebels", "anti-government protestors"), which tell an analyst (and gold) which group it
    is; the key stays the role's. A modifier holding another actor's word ("Iran-backed"),
    a number or a quantifier stays out: the patron and the count are facts of their own."""
    head = mention.span[-1]
    start = mention.span.start
    for child in sorted(head.lefts, key=lambda c: -c.i):
        words = range(child.left_edge.i, child.i + 1)
        if child.i != start - 1 and child.right_edge.i != start - 1:
            break  # only a run of modifiers that touches the mention
        if child.dep_ not in WIDENING_DEPS or (child.dep_ == "det" and child.lower_ != "the"):
            break
        if any(i in taken or head.doc[i].like_num for i in words):
            break
        start = child.left_edge.i
    return replace(mention, span=head.doc[start : head.i + 1])


def _collectives_share_country(found: list[GroupMention]) -> list[GroupMention]:
    """ "Georgian opposition ... the opposition", "Syrian rebels ... the rebels": a bare role
    is the group the story gave a country, when it gave that role only one."""
    out = []
    for group in found:
        lemma = group.span[-1].lemma_.lower()
        if group.country is None:
            countries = {
                g.country for g in found if g.country and g.span[-1].lemma_.lower() == lemma
            }
            if len(countries) == 1:
                country = countries.pop()
                role = group.span.doc[group.role_start : group.span.end]
                group = replace(group, key=_name(role, country), country=country)
        out.append(group)
    return out


@cache
def _group_heads() -> frozenset[str]:
    """The last word of every role noun and every collective: the words a group ends in."""
    return frozenset({n.split()[-1] for n in _role_nouns()} | set(_collectives()))


@cache
def _collectives() -> dict[str, str]:
    """Singular collective noun -> actor type ("opposition" -> party; collective_nouns.tsv)."""
    return {row[0].strip(): row[1].strip() for row in read_table("collective_nouns.tsv")}


def _collective_at(token: Token) -> GroupMention | None:
    """ "The opposition in Georgia threatened ...": one body, named by a singular noun."""
    kind = _collectives().get(token.lemma_.lower())
    if kind is None or token.tag_ != "NN" or token.dep_ in NOUN_MODIFIER_DEPS:
        return None
    country_word, country = _nationality(token)
    name = _name(token.doc[token.i : token.i + 1], country)
    span = token.doc[country_word.i if country_word else token.i : token.i + 1]
    return GroupMention(span, name, kind, country, role_start=token.i)


def _group_at(token: Token) -> GroupMention | None:
    collective = _collective_at(token)
    if collective is not None:
        return collective
    role, start = _role(token)
    if role is None or any(c.dep_ == "poss" for c in token.children):
        # "its fighters", "Hamas's gunmen": the owner's people, not a group of their own
        return None
    if _is_classification(token):
        return None  # "branded a terrorist organization": what someone is called
    plural = token.tag_ == "NNS"
    if not plural and (role.type not in ARMED or token.dep_ in NOUN_MODIFIER_DEPS):
        return None  # "rebel-held", "rebel bases": a modifier, no one acting
    if role.counted_only and not _is_counted(token):
        return None
    country_word, country = _nationality(token)
    name = _name(token.doc[start : token.i + 1], country)
    span = token.doc[min(start, country_word.i) if country_word else start : token.i + 1]
    return GroupMention(span, name, role.type, country, role_start=start)


@cache
def _naming_verbs() -> frozenset[str]:
    return frozenset(row[0].strip() for row in read_table("naming_verbs.tsv"))


def _is_classification(token: Token) -> bool:
    """ "Hezbollah is a terrorist group", "branded a terrorist organization by Washington": a
    predicate or an indefinite noun after a verb of naming classes an actor, it is none."""
    if token.dep_ in ("attr", "oprd"):
        return True
    naming = _naming_verbs()
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    verb = token.head
    return indefinite and token.dep_ == "dobj" and bool({verb.lemma_.lower(), verb.lower_} & naming)


def _role(token: Token) -> tuple[GroupType | None, int]:
    """The group type of the noun, trying "suicide bomber" before "bomber"; its first token."""
    nouns = _role_nouns()
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.dep_ in ("compound", "amod"):
        for word in (before.lower_, before.lemma_.lower()):
            for head in (token.lower_, token.lemma_.lower()):
                if (found := nouns.get(f"{word} {head}")) is not None:
                    return found, before.i
    if before is not None and before.dep_ == "compound" and before.pos_ == "PROPN":
        return None, token.i  # "Hamas fighters": the named group's, found by the dictionary
    return nouns.get(token.lower_) or nouns.get(token.lemma_.lower()), token.i


def _is_counted(token: Token) -> bool:
    if any(c.dep_ == "nummod" or c.lower_ in QUANTIFIERS for c in token.children):
        return True
    head = token.head  # "dozens of people"
    return token.dep_ == "pobj" and head.head.lower_ in QUANTIFIERS


def _nationality(token: Token) -> tuple[Token | None, str | None]:
    """The nationality adjective on the noun and its country: "Palestinian civilians"."""
    for child in token.lefts:
        if child.dep_ in MODIFIER_DEPS and (country := country_of(child.text)) is not None:
            return child, country
    return None, None


def _name(role: Span, country: str | None) -> str:
    """ "Civilians", or "Civilians (Sudan)" when a nationality names them (ACLED's form)."""
    head = role[-1]
    words = [t.lower_ for t in role[:-1]] + [head.lower_ if head.tag_ == "NNS" else head.lemma_]
    noun = " ".join(words)
    name = noun[:1].upper() + noun[1:]
    if country is None:
        return name
    state = load_actor_dictionary().country_name(country)
    return f"{name} ({state or country})"
