"""Write the dashboard's world base layer from world-atlas's countries-110m.json (TopoJSON).

Source: the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock), which is Natural
Earth's 1:110m Admin 0 countries (public domain) as TopoJSON. Run once, by hand:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/world_outline.py package/countries-110m.json

It decodes the quantised, delta-encoded arcs (the TopoJSON spec's two rules, a few lines, so
no topojson library for one conversion) and writes every arc once as a line: outlines, not
filled shapes, which is all a base map under incident points needs. A line that crosses the
antimeridian (Russia, Fiji, Antarctica) is cut there instead of drawn across the world.
Coordinates keep two decimals (about 1 km, below what 1:110m resolves).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/dateline/dashboard/world-110m.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:  # type: ignore[type-arg]
    """Return every arc as absolute (lon, lat) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text())
    lon: list[float | None] = []
    lat: list[float | None] = []
    for arc in decode_arcs(topology):
        for n, (x, y) in enumerate(arc):
            if n and abs(x - arc[n - 1][0]) > 180:  # crosses the antimeridian: lift the pen
                lon.append(None)
                lat.append(None)
            lon.append(x)
            lat.append(y)
        lon.append(None)  # a gap: plotly starts a new line
        lat.append(None)
    note = ("Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 (ISC); "
            "scripts/world_outline.py")  # fmt: skip
    OUT.write_text(json.dumps({"source": note, "lon": lon, "lat": lat}, separators=(",", ":")))
    print(f"wrote {len(lon)} points to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
