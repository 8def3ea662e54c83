"""`pytest -m "not eval"` is the quick inner loop: every test that reads the gold data is marked eval."""
import subprocess
import sys

from tests.conftest import REPO


def collected(*args: str) -> set[str]:
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
                         cwd=REPO, capture_output=True, text=True, check=False).stdout
    return {line for line in out.splitlines() if "::" in line}


def test_the_quality_floors_are_marked_eval_and_left_out_of_the_inner_loop():
    marked = collected("-m", "eval", "tests/eval")
    assert {"tests/eval/test_events_floor.py::test_events_scores_stay_above_floors",
            "tests/eval/test_places_floor.py::test_places_scores_stay_above_floors",
            "tests/eval/test_actors_floor.py::test_actor_resolution_stays_above_floors"} <= marked
    assert not marked & collected("-m", "not eval", "tests/eval")
