"""Turn paths (files, folders, globs) into RawArticles; every input ends as a RawArticle or a Failure.

Supported: ``.html .htm .txt .md .jsonl .warc .warc.gz`` and RSS/Atom feeds (``.xml .rss
.atom``, recognised by their root element), each also gzip-compressed (``story.html.gz``,
``batch.jsonl.gz``). One bad file never stops the rest. A folder walk passes over hidden
files and a folder's own README/LICENSE notes (they describe the folder, they are not
articles); named explicitly, such files are read like any other.

Formats are the ``READERS`` table: file suffixes → a reader ``read(source)`` (``source.py``). Adding an
input format is one module with such a function and one line of the table.
"""
from __future__ import annotations

import glob
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from tidings.models import Failure, RawArticle
from tidings.stages.ingest import feeds, jsonl, plain, warc
from tidings.stages.ingest.decoding import InputError, looks_like_html
from tidings.stages.ingest.plain import markdown_to_text, raw_from_string
from tidings.stages.ingest.source import MAX_FILE_BYTES, BlankLine, Reader, Source

#: Largest single-article file (or JSONL line, WARC record, feed file) accepted.
MAX_BYTES = 20_000_000

#: Input formats: the suffixes of their files → their reader. A suffix that names its own compression
#: (``.warc.gz``) is read by its reader as it is; any other may also come gzip-wrapped (``story.html.gz``).
READER_TABLE: tuple[tuple[tuple[str, ...], Reader], ...] = (
    ((".html", ".htm", ".xhtml"), plain.read_html),
    ((".txt", ".text"), plain.read_text),
    ((".md",), plain.read_markdown),
    ((".xml", ".rss", ".atom"), feeds.read),
    ((".warc", ".warc.gz", ".arc", ".arc.gz"), warc.read),
    ((".jsonl",), jsonl.read),
)
READERS: dict[str, Reader] = {suffix: reader for suffixes, reader in READER_TABLE for suffix in suffixes}
SUPPORTED_SUFFIXES = tuple(READERS)
#: Suffixes of two parts (``.warc.gz``), matched before the last part alone.
_COMPOUND_SUFFIXES = tuple(suffix for suffix in READERS if suffix.count(".") > 1)
_GLOB_CHARS = re.compile(r"[*?\[]")
_FOLDER_NOTES = re.compile(r"(?:readme|licen[cs]e)(?:\.\w+)?", re.I)

__all__ = ["MAX_BYTES", "MAX_FILE_BYTES", "READERS", "BlankLine", "iter_inputs", "looks_like_html", "markdown_to_text",
           "raw_from_string"]


def iter_inputs(paths: Iterable[str | Path] | str | Path, *, max_bytes: int = MAX_BYTES,
                blank_lines: bool = False, max_file_bytes: int = MAX_FILE_BYTES) -> Iterator[RawArticle | Failure]:
    """Yield a RawArticle or a Failure for every article found in ``paths`` (files, folders, globs);
    with ``blank_lines``, a blank JSONL line is a ``BlankLine`` (not an input unit; it lets outputs line up with
    input lines).

    ``max_bytes`` bounds one article (file, JSONL line, WARC record, feed item), ``max_file_bytes`` one file
    and its decompressed stream; files are read as streams, never whole, and what is over fails "too large"."""
    groups = [(str(given), list(_expand(str(given)))) for given in ([paths] if isinstance(paths, (str, Path))
                                                                   else paths)]
    ids = file_ids([pair for _, found in groups for pair in found])
    for given, found in groups:
        if not found:
            reason = ("empty: folder holds no files" if Path(given).is_dir()
                      else "not found: no such file, folder or glob match")
            yield Failure(id=given, reason=reason, origin=given)
        for path, _ in found:
            yield from _read_file(path, stem_id=ids[path], max_bytes=max_bytes, blank_lines=blank_lines,
                                  max_file_bytes=max_file_bytes)


def file_ids(found: Sequence[tuple[Path, Path]]) -> dict[Path, str]:
    """A distinct id per file: its path below its base without the extension ("news/story"); files that
    would share one keep their extension ("story.txt", "story.html"), and failing that their whole path."""
    stems = {path: _path_id(path, base) for path, base in found}
    shared = Counter(stems.values())
    ids = {path: stems[path] if shared[stems[path]] == 1 else _relative_name(path, base) for path, base in found}
    shared = Counter(ids.values())
    return {path: ident if shared[ident] == 1 else path.as_posix() for path, ident in ids.items()}


def _expand(given: str) -> Iterator[tuple[Path, Path]]:
    """(file, base folder for its id) pairs for one path argument, in a stable order."""
    path = Path(given)
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
            if not hidden and not _FOLDER_NOTES.fullmatch(file.name):
                yield file, path
    elif path.is_file():
        yield path, path.parent
    elif _GLOB_CHARS.search(given):
        base = Path(_GLOB_CHARS.split(given, 1)[0].rpartition("/")[0] or ".")
        for match in sorted(glob.glob(given, recursive=True)):
            if Path(match).is_file():
                yield Path(match), base


def _relative_name(path: Path, base: Path) -> str:
    """The path below ``base`` (the file name when it is not below it), extension kept."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.name


def _path_id(path: Path, base: Path) -> str:
    """A stable id from the path below ``base``, without the extension."""
    name = _relative_name(path, base)
    suffix = _suffix(path)
    return name[: -len(suffix)] if suffix and name.lower().endswith(suffix) else name


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in _COMPOUND_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    inner = Path(name[:-3]).suffix if name.endswith(".gz") else ""
    return inner + ".gz" if inner in READERS else path.suffix.lower()


def _read_file(path: Path, *, stem_id: str, max_bytes: int, blank_lines: bool = False,
               max_file_bytes: int = MAX_FILE_BYTES) -> Iterator[RawArticle | Failure]:
    """Dispatch one file to its format reader; any unexpected error becomes one Failure."""
    suffix = _suffix(path)
    gzipped = suffix.endswith(".gz") and suffix not in READERS
    suffix = suffix.removesuffix(".gz") if gzipped else suffix
    origin = str(path)
    try:
        reader = READERS.get(suffix)
        if reader is None:
            raise InputError(f"unsupported type: {suffix or 'no extension'}")
        yield from reader(Source(path, stem_id, max_bytes, gzipped=gzipped, blank_lines=blank_lines,
                                 max_file_bytes=max_file_bytes))
    except InputError as exc:
        yield Failure(id=stem_id, reason=str(exc), origin=origin)
    except OSError as exc:
        yield Failure(id=stem_id, reason=f"unreadable: {exc.strerror or exc}", origin=origin)
    except Exception as exc:  # a reader crashing on one malformed file must not stop the batch
        yield Failure(id=stem_id, reason=f"parse error: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}",
                      origin=origin)
