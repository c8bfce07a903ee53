"""dateline: read news about conflict and diplomacy into data an analyst can trust.

>>> from dateline import read
>>> reading = read("story.html")  # doctest: +SKIP
>>> [e.type for e in reading.events]  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.api_public import read, read_many
    from dateline.pipeline import Pipeline
    from dateline.reading import Reading

__all__ = ["Pipeline", "Reading", "read", "read_many"]
__version__ = "0.1.0"

# The public names load on first use (PEP 562): every `dateline` command imports this package
# first, and `read` brings the fetcher and with it httpx, 0.18 s that a query never uses (#12).
_HOMES = {"read": "dateline.api_public", "read_many": "dateline.api_public",
          "Pipeline": "dateline.pipeline", "Reading": "dateline.reading"}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'dateline' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value  # asked once
    return value
