"""Helpers for event tests: code a text and find events by type."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(build_doc):
    """``code(text)`` → the Document annotated through the events stage."""

    def run(text: str, *, published: str = "2021-12-30"):
        return build_doc(text, published=published, until="events")

    return run


def of_type(doc, type_):
    return [e for e in doc.events if e.type == type_]


def party(ref):
    return None if ref is None else (ref.country or ref.org or ref.text)
