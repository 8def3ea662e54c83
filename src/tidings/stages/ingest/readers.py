"""Turn paths (files, folders, globs) into RawArticles; every input ends as a RawArticle or a Failure.

Supported: ``.html .htm .txt .md .jsonl .warc .warc.gz`` and RSS/Atom feeds (``.xml .rss
.atom``, recognised by their root element), each also gzip-compressed (``story.html.gz``,
``batch.jsonl.gz``). One bad file never stops the rest. A folder walk passes over hidden
files and a folder's own README/LICENSE notes (they describe the folder, they are not
articles); named explicitly, such files are read like any other.
"""
from __future__ import annotations

import glob
import gzip
import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from tidings.models import Failure, RawArticle
from tidings.stages.ingest.decoding import InputError, decode, looks_like_html
from tidings.stages.ingest.feeds import is_feed, read_feed
from tidings.stages.ingest.jsonl import read_jsonl
from tidings.stages.ingest.warc import read_warc

#: Largest single-article file (or JSONL line, WARC record, feed file) accepted.
MAX_BYTES = 20_000_000
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md", ".text")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
SUPPORTED_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES + (".jsonl",)
_GLOB_CHARS = re.compile(r"[*?\[]")
_FOLDER_NOTES = re.compile(r"(?:readme|licen[cs]e)(?:\.\w+)?", re.I)

__all__ = ["MAX_BYTES", "iter_inputs", "looks_like_html", "raw_from_string"]


def raw_from_string(content: str, *, id: str | None = None, url: str | None = None,
                    title: str | None = None, published: str | None = None) -> RawArticle:
    """A RawArticle from a string of text or HTML (sniffed); the id defaults to a content hash."""
    ident = id or hashlib.sha1(content.encode("utf-8", "replace")).hexdigest()[:16]
    fields = {"html": content} if looks_like_html(content) else {"text": content}
    return RawArticle(id=ident, url=url, title=title, published=published, **fields)


def iter_inputs(paths: Iterable[str | Path] | str | Path, *, max_bytes: int = MAX_BYTES,
                blank_lines: bool = False) -> Iterator[RawArticle | Failure]:
    """Yield a RawArticle or a Failure for every article found in ``paths`` (files, folders, globs);
    with ``blank_lines``, a blank JSONL line is a Failure too (so outputs line up with input lines)."""
    groups = [(str(given), list(_expand(str(given)))) for given in ([paths] if isinstance(paths, (str, Path))
                                                                   else paths)]
    ids = file_ids([pair for _, found in groups for pair in found])
    for given, found in groups:
        if not found:
            reason = ("empty: folder holds no files" if Path(given).is_dir()
                      else "not found: no such file, folder or glob match")
            yield Failure(id=given, reason=reason, origin=given)
        for path, _ in found:
            yield from _read_file(path, stem_id=ids[path], max_bytes=max_bytes, blank_lines=blank_lines)


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
    for suffix in (".warc.gz", ".arc.gz"):
        if name.endswith(suffix):
            return suffix
    inner = Path(name[:-3]).suffix if name.endswith(".gz") else ""
    return inner + ".gz" if inner in SUPPORTED_SUFFIXES else path.suffix.lower()


def _read_file(path: Path, *, stem_id: str, max_bytes: int,
               blank_lines: bool = False) -> Iterator[RawArticle | Failure]:
    """Dispatch one file to its format reader; any unexpected error becomes one Failure."""
    suffix = _suffix(path)
    gzipped = suffix.endswith(".gz") and suffix not in WARC_SUFFIXES
    suffix = suffix.removesuffix(".gz") if gzipped else suffix
    origin = str(path)
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            raise InputError(f"unsupported type: {suffix or 'no extension'}")
        if suffix == ".jsonl":
            yield from read_jsonl(path, stem_id=stem_id, max_bytes=max_bytes, blank_lines=blank_lines)
            return
        if suffix in WARC_SUFFIXES:
            yield from read_warc(path, stem_id=stem_id, max_bytes=max_bytes)
            return
        content = decode(_read_bytes(path, gzipped=gzipped, max_bytes=max_bytes))
        if suffix in FEED_SUFFIXES:
            if not is_feed(content):
                raise InputError("unsupported type: XML that is not an RSS or Atom feed")
            yield from read_feed(content, path=path, stem_id=stem_id, max_bytes=max_bytes)
            return
        if not content.strip():
            raise InputError("empty: only whitespace")
        yield _file_article(content, suffix=suffix, ident=stem_id, origin=origin)
    except InputError as exc:
        yield Failure(id=stem_id, reason=str(exc), origin=origin)
    except OSError as exc:
        yield Failure(id=stem_id, reason=f"unreadable: {exc.strerror or exc}", origin=origin)
    except Exception as exc:  # a reader crashing on one malformed file must not stop the batch
        yield Failure(id=stem_id, reason=f"parse error: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}",
                      origin=origin)


def _read_bytes(path: Path, *, gzipped: bool, max_bytes: int) -> bytes:
    """The file's bytes (decompressed for ``.gz``), refusing more than ``max_bytes``."""
    if not gzipped:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"too large: {size} bytes (limit {max_bytes})")
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"parse error: broken gzip stream ({exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"too large: over {max_bytes} bytes once decompressed")
    return data


def _file_article(content: str, *, suffix: str, ident: str, origin: str) -> RawArticle:
    if suffix in HTML_SUFFIXES:
        return RawArticle(id=ident, html=content, origin=origin)
    if suffix == ".md":
        return RawArticle(id=ident, text=markdown_to_text(content), origin=origin, extra={"format": "markdown"})
    raw = raw_from_string(content, id=ident)
    raw.origin = origin
    return raw


_MD_RULES = (
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M), r"\1"),      # ATX headings
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),                           # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                       # inline links
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),               # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),                             # block quotes
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M), ""),                # horizontal rules
)


def markdown_to_text(content: str) -> str:
    """Plain text from Markdown: headings, links, emphasis, quotes and rules reduced to their words."""
    for pattern, replacement in _MD_RULES:
        content = pattern.sub(replacement, content)
    return content
