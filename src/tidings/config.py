"""Typed configuration: every option of the pipeline's stages and of the store, as one frozen dataclass tree.

Sources, the first that sets an option wins (``load`` combines them):

1. command-line options: ``tidings --set places.min_scan_population=5000 ...`` and a command's own
   options (``--db``, ``--min-confidence``), or ``overrides`` in Python;
2. a TOML file: ``tidings --config tidings.toml ...`` (or ``$TIDINGS_CONFIG``), ``load("tidings.toml")``;
3. environment variables: ``TIDINGS_<SECTION>_<KEY>`` (``TIDINGS_PLACES_MIN_SCAN_POPULATION=5000``) and
   the older names ``TIDINGS_LEXICON``, ``TIDINGS_ACTORS`` (files separated by ``os.pathsep``) and
   ``TIDINGS_DB``;
4. the defaults below.

A TOML file has one table per section::

    [events]
    lexicon_files = ["my_verbs.txt"]   # paths in a file are relative to the file's folder
    min_confidence = 0.3
    [places]
    min_scan_population = 5000

From Python: ``Pipeline(config=Config(places=PlacesOptions(min_scan_population=5000)))`` or
``config.replace(places={"min_scan_population": 5000})``. A bad key or value raises :class:`ConfigError`
whose one-line message names the key and what it allows.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import tomllib
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError

__all__ = ["Config", "ConfigError", "load", "PipelineOptions", "TopicOptions", "ActorsOptions", "PlacesOptions",
           "QuotesOptions", "EventsOptions", "StoreOptions"]

#: The environment variable naming a configuration file (what ``--config`` names on the command line).
FILE_ENV = "TIDINGS_CONFIG"
#: Environment variables older than the configuration, each standing for one option.
LEGACY_ENV = {"TIDINGS_LEXICON": "events.lexicon_files", "TIDINGS_ACTORS": "actors.files", "TIDINGS_DB": "store.db"}
#: Words that leave an optional option unset (its default behaviour), where TOML has no null.
UNSET_WORDS = ("auto", "default", "none")
_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")


class ConfigError(TidingsError, ValueError):
    """A configuration key or value that cannot be used; the message is one line naming the key."""


def _bounds(low: float | None = None, high: float | None = None) -> dict[str, Any]:
    return {"low": low, "high": high}


@dataclass(frozen=True)
class PipelineOptions:
    """How the pipeline batches its NLP pass."""

    batch_size: int = field(default=16, metadata=_bounds(1))


@dataclass(frozen=True)
class TopicOptions:
    """The topic gate: articles confidently sport, entertainment or tech are stored but not coded."""

    gate: bool = True


@dataclass(frozen=True)
class ActorsOptions:
    """User actor files or folders over the packaged knowledge base; bare role nouns taking the article's country."""

    files: tuple[str, ...] = ()
    infer_countries: bool = True


@dataclass(frozen=True)
class PlacesOptions:
    """Smallest town taken from the gazetteer alone (names spaCy did not flag); smallest town in the gazetteer."""

    min_scan_population: int = field(default=20_000, metadata=_bounds(0))
    min_city_population: int = field(default=1000, metadata=_bounds(0))


@dataclass(frozen=True)
class QuotesOptions:
    """Shortest unattributed quote kept (words); largest share of quoted text in a reported one."""

    min_unattributed_words: int = field(default=6, metadata=_bounds(0))
    max_quoted_share: float = field(default=0.9, metadata=_bounds(0.0, 1.0))


@dataclass(frozen=True)
class EventsOptions:
    """User verb-pattern files; the learned scorer; widened candidates (unset: when the scorer is there);
    the confidence below which events are left out of output and event clusters (unset: the scorer's)."""

    lexicon_files: tuple[str, ...] = ()
    score: bool = True
    loose: bool | None = None
    min_confidence: float | None = field(default=None, metadata=_bounds(0.0, 1.0))


@dataclass(frozen=True)
class StoreOptions:
    """The store file (unset: ``./tidings.db``)."""

    db: str | None = None


#: Options holding file paths: relative ones in a configuration file are read from the file's folder.
PATH_OPTIONS = frozenset({"actors.files", "events.lexicon_files", "store.db"})


@dataclass(frozen=True)
class Config:
    """Every option, by section. Frozen and hashable: a pipeline is built once per distinct Config."""

    pipeline: PipelineOptions = PipelineOptions()
    topic: TopicOptions = TopicOptions()
    actors: ActorsOptions = ActorsOptions()
    places: PlacesOptions = PlacesOptions()
    quotes: QuotesOptions = QuotesOptions()
    events: EventsOptions = EventsOptions()
    store: StoreOptions = StoreOptions()

    def replace(self, **sections: Mapping[str, Any]) -> Config:
        """A copy with options changed per section: ``replace(places={"min_scan_population": 5000})``;
        values are checked like a file's (strings are read as on the command line)."""
        return _apply(self, {f"{s}.{k}": v for s, values in sections.items() for k, v in values.items()}, "")

    def stage_options(self) -> Config:
        """This configuration without what does not shape the pipeline's output (the store): two configurations
        with the same stage options share one pipeline."""
        return dataclasses.replace(self, store=StoreOptions())

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Every option as plain JSON values (lists for file lists), by section: what provenance records."""
        return {name: {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(section).items()}
                for name, section in ((f.name, getattr(self, f.name)) for f in dataclasses.fields(self))}


def load(file: str | os.PathLike | None = None, *, overrides: Mapping[str, Any] | None = None,
         environ: Mapping[str, str] | None = None) -> Config:
    """The configuration from ``overrides`` (dotted keys: ``{"places.min_scan_population": 5000}``), then
    ``file`` (TOML; default: the file ``$TIDINGS_CONFIG`` names), then ``environ`` (default ``os.environ``),
    then the defaults."""
    environ = os.environ if environ is None else environ
    file = file if file is not None else environ.get(FILE_ENV) or None
    config = _apply(Config(), env_options(environ), "environment: ")
    if file is not None:
        config = _apply(config, file_options(Path(file)), f"{file}: ")
    return _apply(config, dict(overrides or {}), "")


def env_options(environ: Mapping[str, str]) -> dict[str, str]:
    """The options set by environment variables (the generic names win over the older ones)."""
    found = {key: environ[name] for name, key in LEGACY_ENV.items() if environ.get(name)}
    found.update({key: environ[name] for key, name in _env_names().items() if environ.get(name)})
    return found


@functools.cache
def _env_names() -> dict[str, str]:
    return {key: "TIDINGS_" + key.replace(".", "_").upper() for key in _options()}


def file_options(path: Path) -> dict[str, Any]:
    """The options of a TOML file as dotted keys, relative paths made relative to the file's folder."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    options: dict[str, Any] = {}
    for section, values in data.items():
        if section not in _sections():
            raise ConfigError(f"{path}: unknown section [{section}] (allowed: {', '.join(_sections())})")
        if not isinstance(values, dict):
            raise ConfigError(f"{path}: {section} must be a table ([{section}]) of options")
        for key, value in values.items():
            dotted = f"{section}.{key}"
            options[dotted] = _relative_to(path.parent, value) if dotted in PATH_OPTIONS else value
    return options


def _relative_to(folder: Path, value: Any) -> Any:
    if isinstance(value, str) and value:
        return str(folder / value)
    if isinstance(value, list):
        return [str(folder / v) if isinstance(v, str) else v for v in value]
    return value


@functools.cache
def _sections() -> dict[str, type]:
    hints = typing.get_type_hints(Config)
    return {f.name: hints[f.name] for f in dataclasses.fields(Config)}


@functools.cache
def _options() -> dict[str, tuple[Any, dict[str, Any]]]:
    """Every dotted key with its type and metadata."""
    out = {}
    for section, cls in _sections().items():
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            out[f"{section}.{f.name}"] = (hints[f.name], dict(f.metadata))
    return out


def _apply(config: Config, options: Mapping[str, Any], where: str) -> Config:
    """``config`` with ``options`` (dotted keys) set, each checked against its declared type and bounds."""
    changes: dict[str, dict[str, Any]] = {}
    for key, value in options.items():
        if key not in _options():
            raise ConfigError(f"{where}{_unknown(key)}")
        kind, meta = _options()[key]
        section, name = key.split(".", 1)
        changes.setdefault(section, {})[name] = _value(key, value, kind, meta, where)
    return dataclasses.replace(config, **{
        s: dataclasses.replace(getattr(config, s), **values) for s, values in changes.items()})


def _unknown(key: str) -> str:
    section, _, name = key.partition(".")
    if section not in _sections() or not name:
        return f"unknown option {key} (sections: {', '.join(_sections())})"
    allowed = [k.split(".", 1)[1] for k in _options() if k.startswith(section + ".")]
    return f"unknown option {key} ({section} takes: {', '.join(allowed)})"


def _value(key: str, value: Any, kind: Any, meta: dict[str, Any], where: str) -> Any:
    optional = isinstance(kind, types.UnionType) and type(None) in typing.get_args(kind)
    base = next(a for a in typing.get_args(kind) if a is not type(None)) if optional else kind
    if optional and (value is None or isinstance(value, str) and value.strip().lower() in UNSET_WORDS):
        return None
    try:
        converted = _convert(value, base)
    except (TypeError, ValueError):
        unset = f", or {'/'.join(UNSET_WORDS)} for the default" if optional else ""
        raise ConfigError(f"{where}{key} must be {_describe(base, meta)}{unset} (got {value!r})") from None
    low, high = meta.get("low"), meta.get("high")
    if (low is not None and converted < low) or (high is not None and converted > high):
        raise ConfigError(f"{where}{key} must be {_describe(base, meta)} (got {value!r})")
    return converted


def _convert(value: Any, base: Any) -> Any:
    """``value`` as ``base`` (bool, int, float, str or tuple[str, ...]); strings as written on a command line."""
    if base is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in (*_TRUE, *_FALSE):
            return value.strip().lower() in _TRUE
        raise ValueError(value)
    if base in (int, float):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise TypeError(value)
        if base is int and isinstance(value, float):
            raise ValueError(value)
        return base(value.strip() if isinstance(value, str) else value)
    if base is str:
        if not isinstance(value, str):
            raise TypeError(value)
        return value
    if typing.get_origin(base) is tuple:  # a list of files: a TOML list, or one string separated by os.pathsep
        items = [p for p in value.split(os.pathsep) if p.strip()] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not all(isinstance(p, str) for p in items):
            raise TypeError(value)
        return tuple(items)
    raise TypeError(base)  # pragma: no cover  (every declared option has one of the types above)


def _describe(base: Any, meta: dict[str, Any]) -> str:
    low, high = meta.get("low"), meta.get("high")
    if base is bool:
        return "true or false"
    if base in (int, float):
        noun = "an integer" if base is int else "a number"
        if low is not None and high is not None:
            return f"{noun} from {low} to {high}"
        return f"{noun} >= {low}" if low is not None else noun
    if base is str:
        return "a string"
    return f"a list of paths (or one string of paths separated by {os.pathsep!r})"


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """``["places.min_scan_population=5000", ...]`` (the command line's ``--set``) as dotted keys."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--set takes KEY=VALUE, e.g. places.min_scan_population=5000 (got {item!r})")
        out[key.strip()] = value.strip()
    return out
