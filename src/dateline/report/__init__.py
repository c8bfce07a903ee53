"""The situation report: build it from the store, render Markdown and HTML, draw PNGs."""

from __future__ import annotations

from dateline.report.build import (
    FIGURES,
    SituationReport,
    build_report,
    render_html,
    render_markdown,
)
from dateline.report.plots import PLOTS, render_png
from dateline.report.write import write_report

__all__ = [
    "FIGURES",
    "PLOTS",
    "SituationReport",
    "build_report",
    "render_html",
    "render_markdown",
    "render_png",
    "write_report",
]
