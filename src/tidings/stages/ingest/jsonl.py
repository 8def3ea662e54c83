"""JSON lines: one article per line (``id``, ``text`` or ``html``, optional ``url``, ``title``,
``published``, ``source``); a bad line is a Failure naming ``file:line``."""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from tidings.models import Failure, RawArticle

FIELDS = ("id", "text", "html", "url", "title", "published", "source")


def read_jsonl(path: Path, *, stem_id: str, max_bytes: int) -> Iterator[RawArticle | Failure]:
    """Yield one RawArticle (or Failure) per non-blank line of ``path``."""
    found = False
    gzipped = path.name.lower().endswith(".gz")
    try:
        with (gzip.open(path, "rb") if gzipped else path.open("rb")) as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                found = True
                yield _article(line, origin=f"{path}:{number}", fallback_id=f"{stem_id}:{number}",
                               max_bytes=max_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Failure(id=stem_id, reason=f"parse error: broken gzip stream ({exc})", origin=str(path))
        return
    if not found:
        yield Failure(id=stem_id, reason="empty: no JSON lines", origin=str(path))


def _article(line: bytes, *, origin: str, fallback_id: str, max_bytes: int) -> RawArticle | Failure:
    if len(line) > max_bytes:
        return Failure(id=fallback_id, reason=f"too large: {origin}: line over {max_bytes} bytes", origin=origin)
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return Failure(id=fallback_id, reason=f"undecodable: {origin}: line is not UTF-8", origin=origin)
    except json.JSONDecodeError as exc:
        return Failure(id=fallback_id, reason=f"parse error: {origin}: {exc.msg} at column {exc.colno}",
                       origin=origin)
    if not isinstance(record, dict):
        return Failure(id=fallback_id, reason=f"parse error: {origin}: line is not a JSON object", origin=origin)
    ident = str(record["id"]) if record.get("id") not in (None, "") else fallback_id
    wrong = [k for k in FIELDS if record.get(k) is not None and not isinstance(record[k], (str, int, float))]
    if wrong:
        return Failure(id=ident, origin=origin,
                       reason=f"parse error: {origin}: field {wrong[0]!r} is not a string or number")
    text, html = (_str_or_none(record.get(k)) or "" for k in ("text", "html"))
    text = text if text.strip() else ""
    if not (text or html.strip()):
        return Failure(id=ident, reason=f"empty: {origin}: no text or html", origin=origin)
    extra = {k: v for k, v in record.items() if k not in FIELDS}
    return RawArticle(id=ident, text=text or None, html=None if text else html, url=_str_or_none(record.get("url")),
                      title=_str_or_none(record.get("title")), published=_str_or_none(record.get("published")),
                      source=_str_or_none(record.get("source")), origin=origin, extra=extra)


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)
