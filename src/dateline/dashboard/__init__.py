"""The dashboard: static HTML, CSS and plain JavaScript the API serves at / (no build step).

It reads only the API's routes and the server's PNG plots, and loads nothing from the
network, so it works offline beside the store.
"""

from __future__ import annotations

from pathlib import Path

DASHBOARD = Path(__file__).resolve().parent
