"""api: the REST API and dashboard over the store (`dateline serve`)."""

from dateline.api.server import create_app

__all__ = ["create_app"]
