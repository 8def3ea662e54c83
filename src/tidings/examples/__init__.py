"""The bundled sample corpus: news articles written for the project, in the forms tidings reads."""
from __future__ import annotations

from pathlib import Path

_CORPUS = Path(__file__).parent / "corpus"


def corpus_path() -> Path:
    """The folder holding the sample corpus (HTML pages, scraped text, a JSONL batch)."""
    return _CORPUS
