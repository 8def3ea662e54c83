"""Knowledge as versioned data files (lexicons, actor lists, ontology tables) with their loaders and validators.

Every resource module checks its shipped data with the functions ``VALIDATORS`` names (each returns a list of
problems, empty when the data is sound); ``validate_all()`` runs them all, as ``tidings dict check`` does.
A new resource module adds its line to the table (``tests/resources/test_validators.py`` checks that every
module with a ``validate`` is listed); learned tables checked the same way are named by their full module.
"""
from __future__ import annotations

import importlib
from pathlib import Path

#: resource module → its validators of the shipped data (called without arguments)
VALIDATORS: dict[str, tuple[str, ...]] = {
    "actors": ("validate",),
    "amounts": ("validate",),
    "clean": ("validate",),
    "dates": ("validate",),
    "export": ("validate",),
    "grammar": ("validate",),
    "lexicon": ("validate", "validate_combinations"),
    "ontology": ("validate",),
    "places": ("validate",),
    "quotes": ("validate",),
    "tone": ("validate",),
    "tidings.learn.triggers": ("validate",),  # learned data outside this package: its full module name
}


def file_identity(path: Path) -> tuple[int, int]:
    """(size, mtime in ns) of a file, the key of caches read again when a file changes; (-1, -1) when it cannot
    be read (the reader then says why)."""
    try:
        stat = path.stat()
    except OSError:
        return -1, -1
    return stat.st_size, stat.st_mtime_ns


def validate_all() -> dict[str, list[str]]:
    """Problems in the shipped data, per resource (every list empty when all is sound). A validator that
    crashes on a broken file counts as one problem of its resource."""
    found: dict[str, list[str]] = {}
    for name, functions in VALIDATORS.items():
        module = importlib.import_module(name if "." in name else f"{__name__}.{name}")
        problems: list[str] = []
        for function in functions:
            try:
                problems += getattr(module, function)()
            except Exception as exc:  # a broken file must be reported, not stop the other checks
                problems.append(f"{function} failed: {type(exc).__name__}: {exc}")
        found[name] = problems
    return found
