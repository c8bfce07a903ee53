"""The analyst's filters as SQL: one Scope narrows events, incidents and every series alike.

A Scope is checked when it is made (an unknown PLOVER type or modality, or a range that ends
before it begins, is an InputError naming the value and the known ones), so the CLI, the API
and the dashboard refuse the same mistakes with the same words (#11).

Events are filtered on their own columns and their place (alias `e`, places `p`). An incident
is in scope when any of its reports is: the non-date filters go through its events, while
dates stay on the incident's own interval, which is its first report's (dedup/events.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.errors import InputError


@dataclass(frozen=True, slots=True, kw_only=True)
class Scope:
    """Which events and incidents a question covers; every field left None matches all."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None  # part of a source or target name
    dyad: tuple[str, str] | None = None  # two names (parts), either direction
    type: str | None = None  # a PLOVER type
    modality: str | None = None  # one of reading.MODALITIES
    place: str | None = None  # part of a place name
    country: str | None = None  # the place's ISO 3166 code, alpha-3 as stored or alpha-2
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        if self.type or self.modality:
            _check_kinds(self.type, self.modality)
        if self.since and self.until and self.until < self.since:
            raise InputError(f"{self.since}..{self.until}", "the range ends before it begins")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise InputError(str(self.min_confidence), "a confidence is between 0 and 1")


def _check_kinds(type_: str | None, modality: str | None) -> None:
    """Raise InputError for a PLOVER type or a modality that is none of the known ones."""
    # reading.py (its thirty dataclasses, 10 ms) loads only when these filters are given (#12)
    from dateline.reading import MODALITIES, PLOVER_TYPES

    if type_ and type_.upper() not in PLOVER_TYPES:
        raise InputError(type_, f"no such PLOVER type; known: {', '.join(PLOVER_TYPES)}")
    if modality and modality not in MODALITIES:
        raise InputError(modality, f"no such modality; known: {', '.join(MODALITIES)}")


EVERYTHING = Scope()  # the default scope: a module constant, since calls in defaults are not


def parse_dyad(text: str) -> tuple[str, str]:
    """Return the two names of "A,B"; raise InputError when either is missing."""
    source, _, target = (part.strip() for part in text.partition(","))
    if not source or not target:
        raise InputError(text, 'a dyad is two actor names and a comma: "Israel,Hezbollah"')
    return source, target


def alpha3(code: str) -> str:
    """Return a country code as the store keeps it (alpha-3): "lb" and "LBN" give "LBN"."""
    code = code.strip().upper()
    if len(code) == 2:
        import pycountry  # here, not at the top: it loads only for --country (#12)

        country = pycountry.countries.get(alpha_2=code)
        return str(country.alpha_3) if country else code
    return code


def like(text: str) -> str:
    """Return an ILIKE pattern matching `text` anywhere, its wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_NAME = "{} ILIKE ? ESCAPE '\\'"
# A party matches by its written name or by its actor's canonical name (#9): "Trump" finds the
# events whose source is written "Donald J. Trump", and "Haley" those of "Nikki R. Haley".
# A coordinated party (#8: "X and Y attacked Z" is one event, Y in co_sources) matches too: the
# events some co-party of which is named so, found once (a semi-join on the matching actors,
# not a subquery per event), since co-parties are per-article actor ids.
_PARTY = (
    "(e.{side}_name ILIKE ? ESCAPE '\\' OR e.{side}_key IN "
    "(SELECT name_key FROM actor_identity WHERE name ILIKE ? ESCAPE '\\') OR e.id IN "
    "(SELECT c.id FROM (SELECT id, article_id, unnest(co_{side}s) AS actor FROM events "
    "WHERE len(co_{side}s) > 0) c JOIN actors ca ON ca.article_id = c.article_id AND "
    "ca.id = c.actor WHERE ca.name ILIKE ? ESCAPE '\\' OR ca.name_key IN "
    "(SELECT name_key FROM actor_identity WHERE name ILIKE ? ESCAPE '\\')))"
)
_SERIES_SPAN = 7  # days: an interval this long or longer is not drawn as one day


def event_sql(scope: Scope, *, dates: bool = True) -> tuple[str, list[Any]]:
    """Return the WHERE clause over events `e` (and places `p`) and its parameters."""
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if scope.actor:
        where.append(f"({_PARTY.format(side='source')} OR {_PARTY.format(side='target')})")
        params += [like(scope.actor)] * 8
    if scope.dyad:
        a, b = (like(name) for name in scope.dyad)
        src, tgt = _PARTY.format(side="source"), _PARTY.format(side="target")
        where.append(f"(({src} AND {tgt}) OR ({src} AND {tgt}))")
        params += [a] * 4 + [b] * 4 + [b] * 4 + [a] * 4
    exact = (
        ("e.type", scope.type and scope.type.upper()),
        ("e.modality", scope.modality),
        ("upper(p.country)", scope.country and alpha3(scope.country)),
    )
    for column, value in exact:
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if scope.place:
        where.append(_NAME.format("e.place_name"))
        params.append(like(scope.place))
    if scope.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(scope.min_confidence)
    if dates:
        where, params = _dates(where, params, scope, "e")
    return " AND ".join(where), params


def _dates(
    where: list[str], params: list[Any], scope: Scope, alias: str
) -> tuple[list[str], list[Any]]:
    # An interval is in the range when it reaches into it: "March 2024" is in since=2024-03-15.
    if scope.since:
        where = [*where, f"coalesce({alias}.latest, {alias}.earliest) >= ?"]
        params = [*params, scope.since]
    if scope.until:
        where = [*where, f"{alias}.earliest <= ?"]
        params = [*params, scope.until]
    return where, params


def has_event_filters(scope: Scope) -> bool:
    """Return whether the scope filters on anything but dates."""
    return any((scope.actor, scope.dyad, scope.type, scope.modality, scope.place,
                scope.country, scope.min_confidence is not None))  # fmt: skip


def incident_sql(scope: Scope, *, news_only: bool = True) -> tuple[str, list[Any]]:
    """Return the WHERE clause over incidents `i` and its parameters.

    `news_only` (the series) leaves out background incidents, undated ones and those dated
    only to a month or a year, and keeps an incident only if it begins in the range, since a
    series plots it on its first day; a listing keeps every incident whose interval reaches
    into the range.
    """
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if news_only:
        where.append("NOT i.background AND i.earliest IS NOT NULL")
        # A series draws an incident on one day, so it takes only incidents dated to within a
        # week; one known only to a month or a year would read as news of its first day (#11).
        where.append(
            f"date_diff('day', i.earliest, coalesce(i.latest, i.earliest)) < {_SERIES_SPAN}"
        )
        if scope.since:
            where.append("i.earliest >= ?")
            params.append(scope.since)
        if scope.until:
            where.append("i.earliest <= ?")
            params.append(scope.until)
    else:
        where, params = _dates(where, params, scope, "i")
    if has_event_filters(scope):
        events, more = event_sql(scope, dates=False)
        # only the country filter reads a place (#12)
        places = "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id "
        places = places if scope.country else ""
        where.append(
            "EXISTS (SELECT 1 FROM incident_events ie JOIN events e ON e.id = ie.event_id "
            f"{places}WHERE ie.incident_id = i.id AND {events})"
        )
        params += more
    return " AND ".join(where), params


def precision_sql(alias: str) -> str:
    """Return an SQL expression naming how precise an interval is: day, month, year, range."""
    e, l = f"{alias}.earliest", f"{alias}.latest"  # noqa: E741  # e(arliest), l(atest)
    return (
        f"CASE WHEN {e} IS NULL THEN 'unknown' "
        f"WHEN {l} IS NULL OR {l} = {e} THEN 'day' "
        f"WHEN day({e}) = 1 AND {l} = last_day({e}) THEN 'month' "
        f"WHEN month({e}) = 1 AND day({e}) = 1 AND {l} = make_date(year({e}), 12, 31) "
        "THEN 'year' ELSE 'range' END"
    )
