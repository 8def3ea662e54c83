"""An injected slow stage for the time-budget tests: it hangs (busy, not sleeping) on one article id."""
from __future__ import annotations

import time

from tidings.models import Document

#: The article id the slow stage hangs on.
SLOW = "slow-one"
#: Seconds it hangs: longer than the budgets the tests give, short enough if a budget fails to stop it.
HANG_SECONDS = 4.0
#: Ids of the articles whose slow stage got to its end (what an interrupted stage never does).
finished: list[str] = []


def busy(seconds: float) -> None:
    """Pure-Python work (no sleeping) for ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(100))


def slow_stage(doc: Document) -> Document:
    """An annotation stage that hangs on ``SLOW``, swallowing ordinary exceptions as some stages do."""
    if doc.article.id == SLOW:
        try:
            busy(HANG_SECONDS)
        except Exception:  # the budget's interruption is not an ordinary exception: it gets through
            pass
        finished.append(doc.article.id)
    return doc
