"""Options: packaged defaults, a user config file layered on top, then explicit values.

The user file is TOML, found at ``$EVENTWIRE_CONFIG`` or
``~/.config/eventwire/config.toml``; its keys are the field names of :class:`Options`.
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Options:
    """Everything a user can tune, with the defaults eventwire ships."""

    model: str | None = None            # spaCy pipeline name; None tries MODEL_NAMES in order
    batch_size: int = 16                # articles per nlp.pipe batch
    max_bytes: int = 20_000_000         # inputs larger than this are refused (E103)
    max_chars: int = 500_000            # clean text longer than this is truncated (E302)
    time_limit: float = 30.0            # seconds per article for extraction and analysis (E301)
    memory_limit: float = 2048.0        # MB an article may add to the process's address space (E303)
    allow_private_urls: bool = False    # fetch from loopback/private addresses
    fetch_timeout: float = 20.0         # seconds per URL
    actor_files: tuple[str, ...] = ()   # extra actor catalogues layered over the packaged one
    lexicon_files: tuple[str, ...] = () # extra event lexicons layered over the packaged one
    boilerplate_files: tuple[str, ...] = ()  # extra boilerplate cues for page-text extraction
    languages: tuple[str, ...] = ("en",)

    @classmethod
    def resolve(cls, config: "Options | dict | str | os.PathLike | None" = None) -> "Options":
        """Defaults, then the user file, then ``config`` (an Options, a dict or a TOML path)."""
        if isinstance(config, Options):
            return config
        values: dict[str, Any] = {}
        user = os.environ.get("EVENTWIRE_CONFIG") or str(Path.home() / ".config/eventwire/config.toml")
        if Path(user).is_file():
            values.update(_read_toml(Path(user)))
        if isinstance(config, (str, os.PathLike)):
            values.update(_read_toml(Path(config)))
        elif isinstance(config, dict):
            values.update(config)
        return cls._from(values)

    @classmethod
    def _from(cls, values: dict[str, Any]) -> "Options":
        names = {f.name: f for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - set(names))
        if unknown:
            raise ConfigError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(names)}")
        clean = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
        return cls(**clean)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
