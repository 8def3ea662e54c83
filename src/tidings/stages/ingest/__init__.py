"""Input readers: files, folders, globs, JSONL, WARC, RSS/Atom → RawArticle or Failure."""
from tidings.stages.ingest.readers import iter_inputs, raw_from_string

__all__ = ["iter_inputs", "raw_from_string"]
