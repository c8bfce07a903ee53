"""The dashboard: static HTML, CSS and plain JavaScript the API serves at / (no build step).

It reads only the API's routes and the server's PNG plots, and loads nothing from the
network, so it works offline beside the store.
"""

from __future__ import annotations

from pathlib import Path

import plotly

DASHBOARD = Path(__file__).resolve().parent
# plotly's Python package ships the plotly.js bundle it renders with; the server hands out
# that file, so the dashboard's charts need no CDN and no JavaScript vendored in this repo.
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
