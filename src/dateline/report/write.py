"""Write a situation report to a folder: report.md beside one PNG per figure."""

from __future__ import annotations

from pathlib import Path

from dateline.errors import StoreError
from dateline.report.build import SituationReport, render_markdown
from dateline.report.plots import PLOTS, render_png


def write_report(report: SituationReport, out: Path) -> list[Path]:
    """Write report.md and the figures' PNG files into `out`; return their paths."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, plot in PLOTS.items():
            path = out / f"{name}.png"
            path.write_bytes(render_png(plot(report)))
            written.append(path)
        markdown = out / "report.md"
        markdown.write_text(render_markdown(report, {p.stem: p.name for p in written}))
    except OSError as err:
        raise StoreError(f"{out}: cannot write the report: {err.strerror or err}") from err
    return [markdown, *written]
