"""Write a situation report to a folder: report.html and report.md beside one PNG per figure."""

from __future__ import annotations

from pathlib import Path

from dateline.errors import StoreError
from dateline.report.build import SituationReport, render_html, render_markdown
from dateline.report.plots import PLOTS, render_png


def write_report(report: SituationReport, out: Path) -> list[Path]:
    """Write report.html, report.md and the figures' PNG files into `out`; return the paths."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, plot in PLOTS.items():
            path = out / f"{name}.png"
            path.write_bytes(render_png(plot(report)))
            written.append(path)
        figures = {p.stem: p.name for p in written}
        html, markdown = out / "report.html", out / "report.md"
        html.write_text(render_html(report, figures), encoding="utf-8")
        markdown.write_text(render_markdown(report, figures), encoding="utf-8")
    except OSError as err:
        raise StoreError(f"{out}: cannot write the report: {err.strerror or err}") from err
    return [html, markdown, *written]
