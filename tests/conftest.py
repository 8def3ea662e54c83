"""Shared fixtures: one spaCy model per test process, documents built up to any stage."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.models import Document, RawArticle
from tidings.pipeline import Pipeline, annotators_until

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def build_doc():
    """``build_doc(text, published=..., until="events")`` → Document annotated up to that stage."""
    pipelines: dict[str, Pipeline] = {}

    def build(text: str, *, published: str | None = "2021-12-30", until: str = "tone",
              html: bool = False, title: str | None = None) -> Document:
        if until not in pipelines:
            pipelines[until] = Pipeline(annotators=annotators_until(until), topic_gate=False)  # stages alone
        raw = RawArticle(id="test", published=published, title=title,
                         **({"html": text} if html else {"text": text}))
        return pipelines[until].process(raw)

    return build


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that read the gold data (the ``shared_eval`` fixture: the quality floors) are marked ``eval``, so
    ``pytest -m "not eval"`` is the quick inner loop; ``make test`` runs everything."""
    for item in items:
        if "shared_eval" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.eval)


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """The ../shared/eval folder; tests that need it skip with a clear message when absent."""
    if not SHARED_EVAL.is_dir():
        pytest.skip(f"gold data not found at {SHARED_EVAL} (clone with ../shared beside the checkout)")
    return SHARED_EVAL
