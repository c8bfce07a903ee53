"""One actor across articles: "Nikki R. Haley", "Haley" and "Ambassador Haley" are one person.

Within an article the actors stage joins a surname to the full name it ends (stage.py). Across
articles a store holds many readings, each naming a person its own way; `merge_names` gives
each stored name the canonical name of its actor, and `actor_key` a stable id for it (the same
name and type give the same id on every ingest, so a re-ingest keeps it). The rules:

1. A person's name is compared without titles and ranks ("Ambassador", "Lt.-Gen.",
   titles.tsv), middle initials ("R."), case and accents: "Nikki R. Haley" = "Nikki Haley".
   Names equal so have one `name_key`.
2. A single name ("Haley") or a title with a surname joins the full name of the same type
   that ends in it when there is one, or when one is named in DOMINANCE times the articles
   of any other ("Trump" is Donald Trump, though a store also names Melania Trump once);
   with two comparable full names ending so ("George W. Bush", "Jeb Bush") it joins none: a
   guess would merge two people.
3. data/actor_merges.tsv, which an analyst edits, overrides both: "name<TAB>canonical" merges,
   "name<TAB>-" keeps a name apart.
4. An unnamed group ("Militants", "People", "Civilians (Sudan)": a role noun, generic.py) is
   one actor within its story only: the militants of a Kabul story and of a Gaza story are
   not one actor, so its `name_key` carries the story.

Nothing here reads the store; store/actor_names.py keeps the store's index with these rules.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

from dateline.actors.dictionary import read_table, title_words

KEEP_APART = "-"
PERSON, OTHER = "person", "other"  # an "other" name may be a person NER could not type
_TITLE_KINDS = frozenset({"role", "rank", "modifier"})
# Rule 2: how much more often the most-named full name must be named than the next before a
# bare surname joins it: 3 joins "Trump" to Donald Trump over a Melania Trump named once, and
# "Bush" in news of 2008 to George W. Bush (9 articles of the demo corpus) over his father
# (2), but keeps it apart between two people named comparably often (#9).
DOMINANCE = 3
_COUNTRY_SUFFIX = re.compile(r" \([^()]*\)$")  # generic.py's "Civilians (Sudan)"


@dataclass(frozen=True, slots=True)
class Named:
    """A stored actor name and its type, as the store's actors table holds them."""

    name: str
    type: str


@cache
def load_merges() -> dict[str, str]:
    """Return folded name -> canonical name (or "-" to keep apart) from actor_merges.tsv."""
    return {_fold(row[0]): row[1].strip() for row in read_table("actor_merges.tsv") if len(row) > 1}


def person_words(name: str) -> tuple[str, ...]:
    """Return a person's name as folded words, without titles, ranks and middle initials."""
    words = [w for w in _fold(name).split() if w]
    titles = title_words()
    while len(words) > 1 and titles.get(words[0].rstrip(".")) in _TITLE_KINDS:
        words = words[1:]  # "ambassador haley", "lt.-gen. herzi halevi"
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if not _is_initial(w)), words[-1]]
    return tuple(words)


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


@lru_cache(maxsize=1 << 16)  # the writer folds each stored name several times a chunk (#12)
def _fold(name: str) -> str:
    plain = name
    if not name.isascii():  # NFKD leaves ASCII as it is: skip its per-character filter
        plain = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.replace("’", "'").lower().split())


@dataclass(frozen=True, slots=True, kw_only=True)
class Name:
    """A written name as the store's actor_names table holds it (store/actor_names.py)."""

    name_key: str
    type: str
    name: str  # its longest written form, titles left out
    words: str  # name_words: what rule 1 compares and the merges file matches
    surname: str | None  # the last word, for persons and untyped names: rule 2's lookup
    full: bool  # a person's name of two words or more, or a name that is not a person's
    given: str | None  # a person's first word, when the name has two or more
    articles: int = 0  # how many articles name it
    key: str = ""  # the actor it is one of, as stored ("" before it is stored)


def describe(name: str, type_: str, *, name_key: str, articles: int = 0) -> Name:
    """Return a written name with the words rules 1 and 2 look at."""
    words = name_words(name, type_)
    several = type_ == PERSON and " " in words
    return Name(name_key=name_key, type=type_, name=display_name(name), words=words,
                surname=words.split()[-1] if type_ in (PERSON, OTHER) and words else None,
                full=type_ != PERSON or several, given=words.split()[0] if several else None,
                articles=articles)  # fmt: skip


@dataclass(slots=True)
class Kin:
    """The names one resolution looks at: by name_key; per surname, the full names ending in
    it with their article counts; the bare words that begin some person's full name; and the
    merges file's lines (None: the shipped file)."""

    by_key: dict[str, Name]
    started: set[str] = field(default_factory=set)
    merges: Mapping[str, str] | None = None
    full: dict[str, dict[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for n in self.by_key.values():
            if n.full and n.type == PERSON and n.surname:
                self.full.setdefault(n.surname, {})[n.name_key] = n.articles


def resolve_key(row: Name, kin: Kin) -> str:
    """Return the key of the actor a name is one of (rules 2 and 3), given its kin."""
    found = ruled(row.name, row.type, kin.merges)
    if found == KEEP_APART:
        return row.name_key
    if found is not None:
        return actor_key(found, row.type)
    if row.type == OTHER:  # NER's word for a name it could not type: "Trump" as an ORG
        same = kin.by_key.get(actor_key(row.name, PERSON))
        if same is not None and same.type == PERSON:
            return resolve_key(same, kin)
    if row.surname is None or (row.full and row.type == PERSON) or " " in row.words:
        return row.name_key
    if row.words in kin.started:
        return row.name_key  # "Kim" starts "Kim Jong Un": a family name said first, anyone's
    chosen = join_surname(kin.full.get(row.surname, {}))
    if chosen is None:
        return row.name_key
    return resolve_key(kin.by_key[chosen], kin)  # the merges file may merge the full name


def merge_names(
    actors: Iterable[Named], merges: Mapping[str, str] | None = None
) -> dict[Named, str]:
    """Return each actor -> the canonical name of the one actor it is across articles, each
    name counted once (the store counts articles: store/actor_names.py)."""
    names: dict[str, Name] = {}
    for actor in dict.fromkeys(actors):
        n = describe(actor.name, actor.type, name_key=actor_key(actor.name, actor.type), articles=1)
        if n.name_key not in names or len(n.name) > len(names[n.name_key].name):
            names[n.name_key] = n
    kin = Kin(by_key=names, merges=merges)
    kin.started = {n.given for n in names.values() if n.given}
    canonical = {actor_key(c, t): c for c in (merges or load_merges()).values() for t in
                 {n.type for n in names.values()} if c != KEEP_APART}  # fmt: skip
    canonical |= {key: n.name for key, n in names.items()}
    return {actor: canonical[resolve_key(names[actor_key(actor.name, actor.type)], kin)]
            for actor in dict.fromkeys(actors)}  # fmt: skip


def join_surname(full_names: Mapping[str, int]) -> str | None:
    """Return the full name (of those ending in one surname, with their article counts) that
    a bare surname joins, or None when none clearly dominates (rule 2)."""
    ranked = sorted(full_names.items(), key=_most_named)
    if not ranked or ranked[0][1] <= 0:
        return None
    if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * max(ranked[1][1], 1):
        return ranked[0][0]
    return None


def _most_named(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def actor_key(name: str, type_: str) -> str:
    """Return a stable id for a canonical actor: the same name and type, the same id."""
    digest = hashlib.sha256(f"{type_}|{name_words(name, type_)}".encode()).hexdigest()
    return f"A{digest[:12]}"


def name_key(name: str, type_: str, *, story_id: str) -> str:
    """Return the id of a written name (rule 1), scoped to its story for unnamed groups (rule 4)."""
    if not is_unnamed_group(name):
        return actor_key(name, type_)
    digest = hashlib.sha256(f"{type_}|{name_words(name, type_)}|{story_id}".encode()).hexdigest()
    return f"A{digest[:12]}"


def name_words(name: str, type_: str) -> str:
    """Return the words two written names of one actor share: a person's without titles."""
    return " ".join(person_words(name)) if type_ == "person" else _fold(name)


def ruled(name: str, type_: str, merges: Mapping[str, str] | None = None) -> str | None:
    """Return what actor_merges.tsv says of a name: a canonical name, KEEP_APART, or None."""
    merges = load_merges() if merges is None else merges
    found = merges.get(_fold(name))
    return found if found is not None else merges.get(name_words(name, type_))


def display_name(name: str) -> str:
    """Return a written name without leading titles, as written: "Ambassador Haley" -> "Haley"."""
    words = name.split()
    titles = title_words()
    while len(words) > 1 and titles.get(_fold(words[0]).rstrip(".")) in _TITLE_KINDS:
        words = words[1:]
    return " ".join(words)


def is_unnamed_group(name: str) -> bool:
    """Return whether a name is generic.py's name of an unnamed group (a role noun)."""
    noun = _fold(_COUNTRY_SUFFIX.sub("", name))
    return noun in group_nouns()


@cache
def group_nouns() -> frozenset[str]:
    """Return the role and collective nouns that name unnamed groups (generic.py's tables)."""
    codes = {row[0].strip() for row in read_table("group_types.tsv")}
    nouns = {row[0].strip().lower() for row in read_table("collective_nouns.tsv")}
    for row in read_table("agents.tsv"):
        if row[1].strip()[:3] in codes:
            phrase = row[0].strip().lower()
            nouns |= {phrase, phrase + "s"}  # generic.py names a plural as written
    return frozenset(nouns)
