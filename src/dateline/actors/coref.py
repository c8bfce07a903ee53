"""Names of one organisation within an article: "Apple Inc." / "Apple", "GAO" / "Government
Accountability Office", "Singapore Airlines (SIA)" / "SIA".

Written here because spaCy has no coreference for English in its small pipeline and the
coreference libraries (coreferee, fastcoref) need other models or GPUs; these name rules are
cheap and cover what news does with organisation names.
"""

from __future__ import annotations

from functools import cache

from dateline.actors.dictionary import read_table

FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "&", "on", "in", "to"})


@cache
def _suffixes() -> frozenset[str]:
    return frozenset(row[0].strip() for row in read_table("org_suffixes.tsv"))


def short_form(name: str) -> str:
    """Return the name without a trailing legal form: "Apple Inc." -> "Apple"."""
    words = name.split()
    while len(words) > 1 and words[-1] in _suffixes():
        words.pop()
    return " ".join(words)


def initials(name: str) -> str:
    """Return the capitals of the name's words, function words left out: "GAO"."""
    return "".join(w[0] for w in name.split() if w.lower() not in FUNCTION_WORDS and w[0].isupper())


def join_organisation_names(names: list[str], pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Return name -> the canonical name of the organisation it names, for names that join.

    `names` in order of first mention; `pairs` are (name, acronym) the text set side by side:
    "Singapore Airlines (SIA)". A name joins a longer one when it is the longer one's short
    form, its first words, or its initials, and only one longer name fits.
    """
    joined: dict[str, str] = {acronym: name for name, acronym in pairs if name != acronym}
    for name in names:
        if name in joined:
            continue
        longer = [other for other in names if len(other) > len(name)]
        # The legal form dropped is the surest sign; first words or initials come next.
        for fits in (
            [o for o in longer if short_form(o) == name],
            [o for o in longer if o.startswith(name + " ") or _is_initials(name, o)],
        ):
            if len(fits) == 1:
                joined[name] = fits[0]
                break
    return {name: _follow(joined, name) for name in joined}


def _is_initials(short: str, long: str) -> bool:
    return short.isupper() and len(short) >= 2 and initials(long) == short


def _follow(joined: dict[str, str], name: str) -> str:
    seen = {name}
    while name in joined and joined[name] not in seen:
        name = joined[name]
        seen.add(name)
    return name
