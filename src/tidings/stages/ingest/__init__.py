"""Input readers: files, folders, JSONL, WARC, RSS/Atom → RawArticle."""
