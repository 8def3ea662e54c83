"""English grammar as data: closed word classes and named classes of dependency labels, one definition each.

Data: ``data/grammar/<class>.txt`` — one file per word class (``#`` comment lines say what the class holds,
then whitespace-separated lower-case words or lemmas, in file order where order matters; a ``# within:
<class>`` line makes it a named sub-class that the validator keeps inside the other);
``data/grammar/dependency_labels.tsv`` — named classes of dependency labels (``class``, ``labels``,
``meaning``), each label one of ``data/grammar/parser_labels.txt`` (the English parser's label set).
Stages read a class by name (``words("future_auxiliaries")``, ``labels("subjects")``); verbs of saying
live with the other attribution cues in ``data/quotes/cues.json``.
"""
from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from tidings.resources.tone import read_words

DATA = Path(__file__).parent / "data" / "grammar"
LABELS_FILE = "dependency_labels.tsv"
INVENTORY_FILE = "parser_labels.txt"
_WORD = re.compile(r"^'?[a-z]+(?:[-'][a-z]+)*$")
_WITHIN = "# within:"


def word_class_names(folder: Path = DATA) -> list[str]:
    """The names of the shipped word classes (one ``.txt`` file each; the parser inventory is not one)."""
    return sorted(p.stem for p in folder.glob("*.txt") if p.name != INVENTORY_FILE)


@functools.cache
def sequence(name: str) -> tuple[str, ...]:
    """The words of one class in file order (for classes where the first listed wins)."""
    path = DATA / f"{name}.txt"
    if not path.is_file():
        raise KeyError(f"no word class {name!r} (known: {', '.join(word_class_names())})")
    words = tuple(read_words(path))
    problems = _word_problems(name, words)
    if problems:
        raise ValueError("invalid word class: " + "; ".join(problems))
    return words


def words(name: str) -> frozenset[str]:
    """The words of one class, e.g. ``words("future_auxiliaries")`` (raises KeyError for an unknown class)."""
    return frozenset(sequence(name))


def labels(name: str) -> frozenset[str]:
    """The dependency labels of one named class, e.g. ``labels("subjects")``."""
    return frozenset(label_sequence(name))


def label_sequence(name: str) -> tuple[str, ...]:
    """The labels of one class in table order (for classes where the first listed wins)."""
    table = _label_table()
    if name not in table:
        raise KeyError(f"no dependency label class {name!r} (known: {', '.join(sorted(table))})")
    return table[name]


def parser_labels() -> frozenset[str]:
    """Every label the English parser assigns."""
    return frozenset(read_words(DATA / INVENTORY_FILE))


@functools.cache
def _label_table() -> dict[str, tuple[str, ...]]:
    rows = _read_label_rows()
    problems = _label_problems(rows, parser_labels())
    if problems:
        raise ValueError("invalid dependency label classes: " + "; ".join(problems))
    return {row["class"]: tuple(row["labels"].split()) for row in rows}


def _read_label_rows(folder: Path = DATA) -> list[dict[str, str]]:
    with (folder / LABELS_FILE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _word_problems(name: str, items: tuple[str, ...] | list[str]) -> list[str]:
    problems = [f"{name}: {w!r} is not a lower-case word" for w in items if not _WORD.match(w)]
    if not items:
        problems.append(f"{name}: empty word class")
    if len(items) != len(set(items)):
        problems.append(f"{name}: duplicate entries")
    return problems


def _label_problems(rows: list[dict[str, str]], inventory: frozenset[str]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for row in rows:
        name, members = row.get("class") or "", (row.get("labels") or "").split()
        if not name or not members or not (row.get("meaning") or "").strip():
            problems.append(f"{LABELS_FILE}: row {name!r} needs a class, labels and a meaning")
        if name in seen:
            problems.append(f"{LABELS_FILE}: class {name!r} defined twice")
        seen.add(name)
        if len(members) != len(set(members)):
            problems.append(f"{LABELS_FILE}: {name}: duplicate labels")
        problems.extend(f"{LABELS_FILE}: {name}: {label!r} is not a label of the parser"
                        for label in members if label not in inventory)
    return problems


def within(name: str, folder: Path = DATA) -> str | None:
    """The class a word class is a named sub-class of (its ``# within:`` line), if any."""
    for line in (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(_WITHIN):
            return line[len(_WITHIN):].strip()
    return None


def validate(folder: Path = DATA) -> list[str]:
    """Problems in the grammar data (default: the shipped files; empty list when they are sound)."""
    problems: list[str] = []
    names = word_class_names(folder)
    for name in names:
        items = read_words(folder / f"{name}.txt")
        problems += _word_problems(name, items)
        outer = within(name, folder)
        if outer is not None and outer not in names:
            problems.append(f"{name}: within unknown class {outer!r}")
        elif outer is not None:
            problems += [f"{name}: {w!r} is not in {outer}" for w in items
                         if w not in read_words(folder / f"{outer}.txt")]
    inventory = frozenset(read_words(folder / INVENTORY_FILE))
    if not inventory:
        problems.append(f"{INVENTORY_FILE}: empty")
    problems += _label_problems(_read_label_rows(folder), inventory)
    return problems
