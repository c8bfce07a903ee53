"""The HTTP API over the store (FastAPI): the same analytics functions the CLI calls."""

from __future__ import annotations

from dateline.api.app import create_app

__all__ = ["create_app"]
