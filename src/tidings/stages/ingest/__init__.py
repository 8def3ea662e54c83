"""Input readers: files, folders, globs, JSONL, WARC, RSS/Atom → RawArticle or Failure.

``HTML_TAG`` (the pattern that tells markup from text) is public: the clean stage strips tags with it."""
from tidings.stages.ingest.decoding import HTML_TAG
from tidings.stages.ingest.readers import iter_inputs, raw_from_string

__all__ = ["HTML_TAG", "iter_inputs", "raw_from_string"]
