"""The report's figures as PNG bytes, drawn with matplotlib's Agg canvas.

We build `Figure` objects and render them on `FigureCanvasAgg` instead of using pyplot:
pyplot keeps global state (current figure, backend) that is not thread-safe, and the API
draws figures in a thread pool. A Figure not registered with pyplot is freed like any object,
so there is nothing to close. The network layout (actors on a circle, heaviest first) is ours:
a circle is ten lines, and it keeps a dependency (networkx) out for one picture.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from dateline.analytics.report_data import Network
from dateline.report.build import FIGURES, SituationReport

_SIZE = (8.0, 4.0)  # inches; at 100 dpi an 800x400 image reads well in Markdown and the browser
_DPI = 100
_EDGES = 15  # past this the circle's labels overlap at 6 inches; the API serves all edges
_DATE2NUM: Callable[[date], float] = mdates.date2num  # untyped in matplotlib's stubs
_CONFLICT, _COOPERATION, _NEUTRAL = "#c0392b", "#2e6da4", "#888888"


def render_png(figure: Figure) -> bytes:
    """Return a figure as PNG bytes."""
    FigureCanvasAgg(figure)  # attaches itself to the figure
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=_DPI, bbox_inches="tight")
    return out.getvalue()


def _new(title: str) -> tuple[Figure, Axes]:
    figure = Figure(figsize=_SIZE)
    axes = figure.add_subplot()
    axes.set_title(title, fontsize=11)
    return figure, axes


def _empty(axes: Axes) -> None:
    axes.text(0.5, 0.5, "no incidents in this scope", ha="center", va="center",
              transform=axes.transAxes, color=_NEUTRAL)  # fmt: skip
    axes.set_axis_off()


def plot_types_per_day(report: SituationReport) -> Figure:
    """Return stacked bars of incidents per day (week, month past a span), one colour per type."""
    figure, axes = _new(FIGURES["types_per_day"])
    if not report.types_per_day:
        _empty(axes)
        return figure
    first, last = _span(report)
    unit, width = _unit(first, last)
    per: dict[tuple[date, str], int] = {}
    for d in report.types_per_day:
        key = (_start_of(d.day, unit), d.type)
        per[key] = per.get(key, 0) + d.incidents
    starts = sorted({start for start, _ in per})
    bottom = [0] * len(starts)
    colours = plover_colours()
    for kind, _ in report.type_totals:
        colour = colours.get(kind, _NEUTRAL)
        heights = [per.get((start, kind), 0) for start in starts]
        axes.bar(_x(starts), heights, width=width, bottom=bottom, label=kind, color=colour,
                 align="edge")  # fmt: skip
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_title(f"Incidents per {unit} by PLOVER type", fontsize=11)
    _fit(axes, first, last)
    axes.set_ylabel("incidents")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(fontsize=7, ncols=2, loc="upper left", frameon=False)
    return figure


# Bars narrower than a pixel vanish: past ~3 months of days draw weeks, past ~2 years months.
# The widths (in days) leave a small gap between bars.
_UNITS = ((92, "day", 0.8), (730, "week", 6.0), (10**6, "month", 26.0))


def _span(report: SituationReport) -> tuple[date, date]:
    """Return the report's period (the data's own days if it has none)."""
    if report.period is not None:
        return report.period.since, report.period.until
    return report.types_per_day[0].day, report.types_per_day[-1].day


def _fit(axes: Axes, first: date, last: date) -> None:
    """Draw the period and nothing else on the date axis: the scale fits the period (#11)."""
    axes.xaxis_date()
    axes.set_xlim(_x([first])[0] - 0.5, _x([last])[0] + 1.5)
    locator = mdates.AutoDateLocator(maxticks=10)  # type: ignore[no-untyped-call]  # stubs lack it
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _unit(first: date, last: date) -> tuple[str, float]:
    span = (last - first).days
    return next((unit, width) for limit, unit, width in _UNITS if span <= limit)


def _start_of(day: date, unit: str) -> date:
    if unit == "week":
        return date.fromordinal(day.toordinal() - day.weekday())
    return day.replace(day=1) if unit == "month" else day


def _x(days: list[date]) -> list[float]:
    """Return days as matplotlib's date numbers (typed floats; the axis shows them as dates)."""
    return [float(_DATE2NUM(day)) for day in days]


@cache
def plover_colours() -> dict[str, str]:
    """Return the colour of each PLOVER type (plover_colours.tsv)."""
    lines = (Path(__file__).with_name("plover_colours.tsv")).read_text().splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return {kind: colour for kind, colour in rows}


def plot_escalation(report: SituationReport) -> Figure:
    """Return the weekly escalation index as a line over bars of the week's incidents."""
    figure, axes = _new(FIGURES["escalation"])
    weeks = report.escalation
    if not weeks:
        _empty(axes)
        return figure
    starts = _x([w.start for w in weeks])
    counts = figure.add_subplot(sharex=axes, frameon=False)
    counts.bar(starts, [w.incidents for w in weeks], width=5, color="#dddddd", zorder=0)
    counts.yaxis.tick_right()
    counts.yaxis.set_label_position("right")
    counts.set_ylabel("incidents")
    counts.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_zorder(counts.get_zorder() + 1)
    axes.patch.set_visible(False)
    axes.plot(starts, [w.index for w in weeks], marker="o", color=_CONFLICT)
    axes.axhline(0, color=_NEUTRAL, linewidth=0.8)
    axes.set_ylim(-10.5, 10.5)
    axes.set_ylabel("index (−mean Goldstein)")
    _fit(axes, *_span_of_weeks(report))
    return figure


def _span_of_weeks(report: SituationReport) -> tuple[date, date]:
    """Return the period, widened to the Monday of its first week (the first bar's start)."""
    first, last = _span(report) if report.period else (report.escalation[0].start,
                                                         report.escalation[-1].start)  # fmt: skip
    return min(first, report.escalation[0].start), last


def plot_top_dyads(report: SituationReport) -> Figure:
    """Return horizontal bars of the dyads with the most incidents."""
    figure, axes = _new(FIGURES["top_dyads"])
    dyads = report.top_dyads
    if not dyads:
        _empty(axes)
        return figure
    labels = [f"{e.source} → {e.target}" for e in reversed(dyads)]
    colours = [_tone(e.goldstein) for e in reversed(dyads)]
    axes.barh(labels, [e.incidents for e in reversed(dyads)], color=colours)
    axes.set_xlabel("incidents")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="y", labelsize=8)
    return figure


def _tone(goldstein: float) -> str:
    if goldstein < 0:
        return _CONFLICT
    return _COOPERATION if goldstein > 0 else _NEUTRAL


def plot_network(report: SituationReport) -> Figure:
    """Return the actor network: actors on a circle, arrows weighted by incidents."""
    figure = Figure(figsize=(8.0, 6.0))
    axes = figure.add_subplot()
    axes.set_title(FIGURES["network"], fontsize=9)
    network = _heaviest_part(report.network)
    if not network.nodes:
        _empty(axes)
        return figure
    where = _circle(network)
    heaviest = max(e.incidents for e in network.edges)
    for edge in network.edges:
        axes.annotate("", xy=where[edge.target], xytext=where[edge.source],
                      arrowprops={"arrowstyle": "-|>", "color": _tone(edge.goldstein),
                                  "linewidth": 0.8 + 3.2 * edge.incidents / heaviest,
                                  "shrinkA": 8, "shrinkB": 8, "alpha": 0.7,
                                  "connectionstyle": "arc3,rad=0.15"})  # fmt: skip
    biggest = max(n.incidents for n in network.nodes)
    for node in network.nodes:
        x, y = where[node.name]
        axes.scatter([x], [y], s=60 + 400 * node.incidents / biggest, color="#f0c419",
                     edgecolors="#555555", zorder=3)  # fmt: skip
        axes.annotate(node.name, (x, y), xytext=(14 * x, 14 * y), textcoords="offset points",
                      ha="left" if x > 0.1 else "right" if x < -0.1 else "center",
                      va="center", fontsize=8, zorder=4)  # fmt: skip
    axes.set_xlim(-1.8, 1.8)
    axes.set_ylim(-1.3, 1.3)
    axes.set_axis_off()
    return figure


def _heaviest_part(network: Network) -> Network:
    """Return the network's first `_EDGES` edges (the heaviest) and the actors they join."""
    edges = network.edges[:_EDGES]
    joined = {e.source for e in edges} | {e.target for e in edges}
    return Network(nodes=tuple(n for n in network.nodes if n.name in joined), edges=edges)


def _circle(network: Network) -> dict[str, tuple[float, float]]:
    count = len(network.nodes)
    return {
        node.name: (math.cos(2 * math.pi * i / count), math.sin(2 * math.pi * i / count))
        for i, node in enumerate(network.nodes)
    }


PLOTS: dict[str, Callable[[SituationReport], Figure]] = {
    "types_per_day": plot_types_per_day,
    "escalation": plot_escalation,
    "top_dyads": plot_top_dyads,
    "network": plot_network,
}
