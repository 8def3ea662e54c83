"""The quality gate shared by every eval test: scores never fall below their pinned floors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

FLOORS = Path(__file__).parent / "floors"


def floors(kind: str) -> dict[str, float]:
    """The pinned floors of one kind (tests/eval/floors/KIND.json); floors only go up."""
    return json.loads((FLOORS / f"{kind}.json").read_text())


@pytest.fixture(scope="session")
def assert_above_floors():
    """``assert_above_floors(kind, scores)`` fails naming every score below its floor."""

    def check(kind: str, scores: dict[str, float]) -> None:
        below = {name: (round(scores[name], 3), floor) for name, floor in floors(kind).items()
                 if scores[name] < floor}
        assert not below, f"{kind} scores below their floors (score, floor): {below}"

    return check
