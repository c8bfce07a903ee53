"""One actor across articles: "Nikki R. Haley", "Haley" and "Ambassador Haley" are one person.

Within an article the actors stage joins a surname to the full name it ends (stage.py). Across
articles a store holds many readings, each naming a person its own way; `merge_names` gives
each stored name the canonical name of its actor, and `actor_key` a stable id for it (the same
name and type give the same id on every ingest, so a re-ingest keeps it). The rules:

1. A person's name is compared without titles and ranks ("Ambassador", "Lt.-Gen.",
   titles.tsv), middle initials ("R."), case and accents: "Nikki R. Haley" = "Nikki Haley".
2. A single name ("Haley") or a title with a surname joins the one full name of the same type
   that ends in it; with two full names ending so ("George W. Bush", "George H. W. Bush" are
   one after rule 1, "Jeb Bush" another) it joins none: a guess would merge two people.
3. data/actor_merges.tsv, which an analyst edits, overrides both: "name<TAB>canonical" merges,
   "name<TAB>-" keeps a name apart.

Nothing here reads the store; the store and the analytics call it on the names they hold.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from dateline.actors.dictionary import read_table
from dateline.actors.persons import title_words

KEEP_APART = "-"
_TITLE_KINDS = frozenset({"role", "rank", "modifier"})


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


def _fold(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.replace("’", "'").lower().split())


def merge_names(
    actors: Iterable[Named], merges: Mapping[str, str] | None = None
) -> dict[Named, str]:
    """Return each actor -> the canonical name of the one actor it is across articles."""
    merges = load_merges() if merges is None else merges
    actors = list(dict.fromkeys(actors))
    full: dict[tuple[str, tuple[str, ...]], str] = {}
    for actor in actors:  # the longest written form of each full name is its canonical name
        words = person_words(actor.name) if actor.type == "person" else (_fold(actor.name),)
        if len(words) > 1 or actor.type != "person":
            key = (actor.type, words)
            if key not in full or len(actor.name) > len(full[key]):
                full[key] = actor.name
    by_surname: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (kind, words), name in full.items():
        if kind == "person":
            by_surname[(kind, words[-1])].add(name)
    return {actor: _canonical(actor, full, by_surname, merges) for actor in actors}


def _canonical(
    actor: Named,
    full: Mapping[tuple[str, tuple[str, ...]], str],
    by_surname: Mapping[tuple[str, str], set[str]],
    merges: Mapping[str, str],
) -> str:
    ruled = merges.get(_fold(actor.name))
    if ruled is not None:
        return actor.name if ruled == KEEP_APART else ruled
    if actor.type != "person":
        return full.get((actor.type, (_fold(actor.name),)), actor.name)
    words = person_words(actor.name)
    if len(words) > 1:
        return full[(actor.type, words)]
    names = by_surname.get((actor.type, words[0]) if words else ("", ""), set())
    return next(iter(names)) if len(names) == 1 else actor.name


def actor_key(name: str, type_: str) -> str:
    """Return a stable id for a canonical actor: the same name and type, the same id."""
    words = person_words(name) if type_ == "person" else (_fold(name),)
    digest = hashlib.sha256(f"{type_}|{' '.join(words)}".encode()).hexdigest()
    return f"A{digest[:12]}"
