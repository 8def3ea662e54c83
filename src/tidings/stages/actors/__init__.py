"""The actors stage (first placeholder: returns the Document unchanged until implemented)."""
from __future__ import annotations

from tidings.models import Document


def run(doc: Document) -> Document:
    """Add the actors layer to ``doc``."""
    return doc
