"""The per-article wall-time budget: an article whose stages take longer fails ``time budget exceeded``.

Each article carries an :class:`ArticleClock`: the wall time its own stages have taken (cleaning, its
parse, its annotations), against the budget. Every stage is called through :func:`call_within` with what is
left of it. Where a timer signal can be used — the main thread of a POSIX process, which is where the
in-process and the local-process executors run the pipeline — the stage is interrupted as the budget runs
out (``setitimer`` + ``SIGALRM``; a regular-expression match in Python's ``re`` is interrupted too). Elsewhere
(another thread: a Dask worker, a web server's thread pool; Windows) the stage runs to its end and the clock
is checked right after it, so the article still fails, only later. Either way the article's partial work
is dropped: nothing of it reaches the store, and the other articles of the batch go on.
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from tidings.errors import TidingsError

#: Default wall-time budget of one article, in seconds (``None`` switches the budget off).
TIME_BUDGET = 60.0

T = TypeVar("T")


def check_limits(*, time_budget: float | None, max_chars: int | None, most_chars: int) -> None:
    """Refuse (ValueError) a time budget that is not a positive number of seconds or None, and a character
    limit outside 1..``most_chars`` (what the parser accepts; None stands for it)."""
    if time_budget is not None and not time_budget > 0:
        raise ValueError(f"time_budget must be a positive number of seconds or None, not {time_budget!r}")
    if max_chars is not None and not 0 < max_chars <= most_chars:
        raise ValueError(f"max_chars must be between 1 and {most_chars}, not {max_chars!r}")


class TimeBudgetExceeded(TidingsError):
    """An article spent longer than its wall-time budget in the pipeline."""


class _Alarm(BaseException):
    """Raised by the timer signal inside a stage; a BaseException, so that no stage's ``except Exception``
    swallows it on its way out (turned into :class:`TimeBudgetExceeded` by :func:`call_within`)."""


def can_interrupt() -> bool:
    """True when :func:`call_within` can interrupt a running stage here: a POSIX timer signal, the main
    thread (only it receives Python signal handlers), and no real-time timer already set by someone else."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))


def call_within(seconds: float | None, fn: Callable[..., T], *args, **kwargs) -> T:
    """``fn(*args, **kwargs)`` with at most ``seconds`` of wall time: :class:`TimeBudgetExceeded` is raised
    from inside it when they pass, where a timer signal can be used (:func:`can_interrupt`); elsewhere it
    runs to its end. ``None`` is no limit; ``seconds <= 0`` fails at once.

    A call, not a ``with`` block: the signal may ring at any instruction, and only a frame of this function
    both around the call and around the disarming can turn every ring, even one as ``fn`` returns, into
    TimeBudgetExceeded (a ``with`` block's exit runs outside it). The previous SIGALRM handler is put back
    and the timer cleared on the way out, whatever happens."""
    if seconds is None or not can_interrupt():
        if seconds is not None and seconds <= 0:
            raise TimeBudgetExceeded("time budget exceeded")
        return fn(*args, **kwargs)
    if seconds <= 0:
        raise TimeBudgetExceeded("time budget exceeded")
    armed = True

    def on_alarm(signum, frame) -> None:
        if armed:
            raise _Alarm

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)  # (a tiny limit may ring before fn starts)
            return fn(*args, **kwargs)
        finally:
            armed = False  # a ring handled from here on is ignored (the timer rings once)
    except _Alarm:  # in fn, or as it returned: either way the time is up
        raise TimeBudgetExceeded("time budget exceeded") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class ArticleClock:
    """The wall time one article's stages have taken, against its budget (``None``: no budget)."""

    def __init__(self, budget: float | None) -> None:
        self.budget = budget
        self.spent = 0.0

    def remaining(self) -> float | None:
        return None if self.budget is None else self.budget - self.spent

    def run(self, stage: Callable[..., T], *args, **kwargs) -> T:
        """``stage(*args, **kwargs)`` within what is left of the budget; the time it took is charged."""
        self.check()
        started = time.monotonic()
        try:
            result = call_within(self.remaining(), stage, *args, **kwargs)
        except TimeBudgetExceeded:
            self.spent += time.monotonic() - started
            raise TimeBudgetExceeded(self.reason()) from None
        self.charge(time.monotonic() - started)
        return result

    def charge(self, seconds: float) -> None:
        """Add ``seconds`` spent on this article elsewhere (its share of a batched parse), then check."""
        self.spent += seconds
        self.check()

    def check(self) -> None:
        """Raise :class:`TimeBudgetExceeded` when the article has used up its budget."""
        if self.budget is not None and self.spent > self.budget:
            raise TimeBudgetExceeded(self.reason())

    def reason(self) -> str:
        return f"time budget exceeded: {self.spent:.1f} s of wall time (limit {self.budget:g} s)"
