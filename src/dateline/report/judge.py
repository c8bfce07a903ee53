"""The report's headline judgements, each computed from the data and cited to its incidents.

Every judgement compares the period with the one of equal length before it (analytics/
compare.py): how many incidents, whether the escalation index rose, which types of incident
became more frequent, the busiest dyads and which of them are new, and the actors seen in no
earlier incident. Each one names up to `_CITED` incidents that bear it out, and the report
lists every cited incident with the articles that reported it.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.analytics.compare import Comparison, Incident, Side

_CITED = 3  # incidents cited per judgement: the strongest evidence, not every incident
_TYPES = 3  # types named as rising
_DYADS = 3
_ACTORS = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Judgement:
    """One statement of the report and the incident ids it rests on."""

    text: str
    cites: tuple[str, ...]


def judge(c: Comparison) -> tuple[Judgement, ...]:
    """Return the judgements on a period against the one before it."""
    if not c.now.incidents:
        return (Judgement(text="No incidents in this period.", cites=()),)
    return (_volume(c), _escalation(c), _rising(c), _dyads(c), _new_actors(c))


def _span(side: Side) -> str:
    return f"{side.period.since} to {side.period.until}"


def _change(now: int, before: int) -> str:
    if before == 0:
        return "none before" if now else "none"
    return f"{(now - before) / before:+.0%}"


def _cite(incidents: list[Incident] | tuple[Incident, ...]) -> tuple[str, ...]:
    ranked = sorted(incidents, key=_weight)
    return tuple(i.id for i in ranked[:_CITED])


def _weight(incident: Incident) -> tuple[int, float, str]:
    """Most reported first, then most conflictual: the incidents a reader checks first."""
    return -incident.reports, incident.goldstein or 0.0, incident.id


def _volume(c: Comparison) -> Judgement:
    now, before = len(c.now.incidents), len(c.before.incidents)
    text = (f"{now} incidents from {_span(c.now)}, against {before} in the {c.now.period.days} "
            f"days before ({_span(c.before)}; {_change(now, before)}).")  # fmt: skip
    return Judgement(text=text, cites=_cite(c.now.incidents))


def _escalation(c: Comparison) -> Judgement:
    now, before = c.now.index(), c.before.index()
    worst = sorted(c.now.incidents, key=_conflict)
    if before is None or now is None:
        text = (f"The escalation index (minus the mean Goldstein score) stands at {now or 0:+.1f};"
                " the period before had no incidents to compare with.")  # fmt: skip
    else:
        trend = "rose" if now > before else "fell" if now < before else "held"
        text = (f"The escalation index (minus the mean Goldstein score) {trend} from "
                f"{before:+.1f} to {now:+.1f}.")  # fmt: skip
    return Judgement(text=text, cites=tuple(i.id for i in worst[:_CITED]))


def _conflict(incident: Incident) -> tuple[float, int, str]:
    return incident.goldstein or 0.0, -incident.reports, incident.id


def _rising(c: Comparison) -> Judgement:
    now, before = c.now.types(), c.before.types()
    rising = [t for _, t in sorted((before[t] - now[t], t) for t in now if now[t] > before[t])]
    if not rising:
        return Judgement(text="No type of incident became more frequent.", cites=())
    named = [f"{t} {before[t]} → {now[t]}" for t in rising[:_TYPES]]
    cites = [i for t in rising[:_TYPES] for i in _cite([x for x in c.now.incidents if x.type == t])]
    return Judgement(text="More frequent than before: " + "; ".join(named) + ".",
                     cites=tuple(dict.fromkeys(cites)))  # fmt: skip


def _dyads(c: Comparison) -> Judgement:
    now, before = c.now.dyads(), c.before.dyads()
    if not now:
        return Judgement(text="No incident names both its actors.", cites=())
    top = [d for _, d in sorted((-n, d) for d, n in now.items())][:_DYADS]  # ties by name
    named = [f"{s} → {t} {now[(s, t)]} ({_was(before[(s, t)])})" for s, t in top]
    cites = [i for dyad in top for i in _cite([x for x in c.now.incidents if dyad in x.pairs])]
    return Judgement(text="Busiest dyads: " + "; ".join(named) + ".",
                     cites=tuple(dict.fromkeys(cites)))  # fmt: skip


def _was(count: int) -> str:
    return f"{count} before" if count else "new"


def _new_actors(c: Comparison) -> Judgement:
    if not c.new_actors:
        return Judgement(text="No actor appears for the first time.", cites=())
    names = c.new_actors[:_ACTORS]
    more = len(c.new_actors) - len(names)
    text = "In no earlier incident: " + ", ".join(names) + (f" and {more} more" if more else "")
    firsts = [next(i for i in reversed(c.now.incidents) if name in i.parties())
              for name in names]  # fmt: skip
    return Judgement(text=text + ".", cites=tuple(dict.fromkeys(i.id for i in firsts)))
