"""The exceptions tidings raises on purpose, importable from the top package (``tidings.BadInput`` ...).

Every one is a :class:`TidingsError`, so ``except tidings.TidingsError`` catches any of them while
programming errors (``TypeError`` for a wrong argument type, ...) still surface. The value errors are
also ``ValueError``\\ s, as they were before this module existed.

* :class:`BadInput` — an article that cannot be processed (empty, binary, nothing left after
  removing page debris, ...): ``tidings.extract("")``.
* :class:`QueryError` — a filter value a store query cannot use (bad date, unknown status or type).
* :class:`StoreError` — a store that is missing, not a tidings store, or of a newer schema.
* :class:`ExecutorError` — a batch executor that cannot run (unreachable Dask scheduler, ...).

This module imports nothing else of tidings: the packages that raise these errors import them from here.
"""
from __future__ import annotations

__all__ = ["TidingsError", "BadInput", "QueryError", "StoreError", "ExecutorError"]


class TidingsError(Exception):
    """Base class of the errors tidings raises on purpose, each with a one-line message."""


class BadInput(TidingsError, ValueError):
    """The input cannot become an article (empty, binary, undecodable, too large, ...)."""


class QueryError(TidingsError, ValueError):
    """A filter value the store cannot use (bad date, unknown status or event type, ...).

    ``allowed`` lists the values the filter accepts when they are a closed set (event types, countries).
    """

    def __init__(self, message: str, *, allowed: tuple[str, ...] | list[str] | None = None) -> None:
        super().__init__(message)
        self.allowed = list(allowed) if allowed is not None else None


class StoreError(TidingsError):
    """A store problem worth a one-line message (missing file, newer schema, ...)."""


class ExecutorError(TidingsError):
    """The executor cannot run (unknown engine, bad worker count, unreachable scheduler)."""
