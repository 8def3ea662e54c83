"""Read the real news texts the corpus annotates, by document id, from the shared folder.

Document ids name their source: ``bbc/<split file>/<row>``, ``polnear/<name>``,
``tbaq/<TimeBank|AQUAINT>/<name>``, ``trnews/<docid>``, ``geowebnews/<n>``. The text returned is
exactly the text the annotation offsets point into.
"""
from __future__ import annotations

import csv
import functools
import os
from dataclasses import dataclass
from pathlib import Path

#: Where the shared folder is looked for, in order, when ``$TIDINGS_SHARED`` is not set.
_CANDIDATE_ROOTS = (Path.cwd() / ".." / "shared", Path(__file__).resolve().parents[4] / "shared")
BBC_FILES = ("train", "val", "test")


@dataclass(frozen=True)
class SourceText:
    """One real article: its corpus id, text, publication date (when known) and topic label (BBC)."""

    doc_id: str
    text: str
    published: str | None = None
    topic: str | None = None


class MissingSource(LookupError):
    """The shared folder, or a document inside it, is not there."""


def shared_root() -> Path:
    """The shared folder (``$TIDINGS_SHARED`` or ``../shared`` beside the checkout)."""
    env = os.environ.get("TIDINGS_SHARED")
    roots = [Path(env)] if env else list(_CANDIDATE_ROOTS)
    for root in roots:
        if (root / "corpora").is_dir() or (root / "eval").is_dir():
            return root.resolve()
    raise MissingSource("the shared folder (../shared) is not there; set TIDINGS_SHARED to its path")


@functools.cache
def bbc_rows(split: str) -> tuple[tuple[str, str], ...]:
    """(text, category) rows of one BBC split file, in file order."""
    path = shared_root() / "corpora" / "bbc_news" / f"{split}.csv"
    if not path.is_file():
        raise MissingSource(f"no BBC split file {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple((row["text"], row["category"]) for row in csv.DictReader(handle))


@functools.cache
def _tbaq(name: str) -> SourceText:
    from tidings.eval.dates import read_tml

    path = shared_root() / "eval" / "dates" / "tempeval3_training" / "TBAQ-cleaned" / f"{name}.tml"
    gold = read_tml(path)
    return SourceText(f"tbaq/{name}", gold.text, _iso_date(gold.published))


def _iso_date(value: str | None) -> str | None:
    if value and len(value) >= 8 and value[:8].isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:8]}"
    return value[:10] if value else None


@functools.cache
def _trnews() -> dict[str, SourceText]:
    from tidings.eval.places import read_trnews
    from tidings.stages.clean import normalise_date

    articles = read_trnews(shared_root() / "eval" / "places" / "TR-News.xml")
    # the feed's dates come in many forms ("Wed Nov 23, 2016 | 4:55pm EST"): ISO, as the clean stage gives them
    return {a.id: SourceText(f"trnews/{a.id}", a.text, normalise_date(a.published)) for a in articles}


def load(doc_id: str) -> SourceText:
    """The source text behind a corpus document id (raises :class:`MissingSource`)."""
    kind, _, rest = doc_id.partition("/")
    root = shared_root()
    try:
        if kind == "bbc":
            split, _, row = rest.partition("/")
            text, category = bbc_rows(split)[int(row)]
            return SourceText(doc_id, text, None, category)
        if kind == "polnear":
            path = root / "eval" / "quotes" / "polnear_dev" / "text" / f"{rest}.txt"
            return SourceText(doc_id, path.read_text(encoding="utf-8"), _polnear_date(rest))
        if kind == "tbaq":
            return _tbaq(rest)
        if kind == "trnews":
            return _trnews()[rest]
        if kind == "geowebnews":
            path = root / "eval" / "places" / "geowebnews" / f"{rest}.txt"
            return SourceText(doc_id, path.read_text(encoding="utf-8"))
    except (OSError, KeyError, IndexError, ValueError) as exc:
        raise MissingSource(f"{doc_id}: {exc}") from exc
    raise MissingSource(f"{doc_id}: unknown source kind {kind!r}")


def _polnear_date(name: str) -> str | None:
    """PolNeAR names carry the publication date: ``outlet_YYYY-MM-DD_slug``."""
    parts = name.split("_")
    return parts[1] if len(parts) > 2 and len(parts[1]) == 10 else None


def available() -> bool:
    """True when the shared folder is there (corpus tests skip otherwise)."""
    try:
        shared_root()
    except MissingSource:
        return False
    return True
