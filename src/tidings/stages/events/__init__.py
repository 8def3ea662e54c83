"""Event coding stage (placeholder until implemented): Document in, Document with events out."""
from __future__ import annotations

from tidings.models import Document


def run(doc: Document) -> Document:
    """Add the events layer to ``doc``."""
    return doc
