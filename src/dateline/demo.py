"""`make demo`: placeholder until the store lands (issue #5): reads the seed and prints it."""

from __future__ import annotations

import sys
from pathlib import Path

from dateline.cli import main

SEED = Path(__file__).resolve().parents[3] / ".." / "shared" / "seed"

if __name__ == "__main__":
    target = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--corpus" else str(SEED)
    sys.exit(main(["read", target, "--format", "text"]))
