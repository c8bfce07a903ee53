"""Every exception dateline raises.

    DatelineError
    ├── InputError(source, reason)   the input cannot be read: empty, binary, too big, no article
    │   └── FetchError(url, reason)  a URL refused (scheme, private address) or not fetched
    ├── PipelineError                stages are wired wrongly, or a stage's need is unmet
    ├── ConfigError                  dateline.toml or a DATELINE_* variable is wrong
    └── StoreError                   the DuckDB store cannot be opened, written or migrated

Messages name the input, the reason and the fix when known:
`news/a.html: 0 bytes, nothing to read`.
"""

from __future__ import annotations


class DatelineError(Exception):
    """The root of every error dateline raises on purpose."""


class InputError(DatelineError):
    """An input that cannot be read; the message starts with the input's name."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class FetchError(InputError):
    """A URL that was refused (not http(s), a private address) or could not be fetched."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(url, reason)
        self.url = url


class PipelineError(DatelineError):
    """Stages wired wrongly, or a stage run before what it needs was filled."""


class ConfigError(DatelineError):
    """A bad setting in dateline.toml or the environment."""


class StoreError(DatelineError):
    """The store cannot be opened, written, read or migrated."""
