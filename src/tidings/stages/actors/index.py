"""Name index over the actor KB: one trie-shaped regex finds every alias in a text, and a
bounded edit-distance search finds misspelt person names."""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from tidings.resources.actors import ActorKB, load_kb

#: Target kinds an alias can point to.
COUNTRY, ADJECTIVE, PEOPLE_NOUN, CAPITAL, SEAT, ORG, PERSON = (
    "country", "adjective", "people_noun", "capital", "seat", "org", "person")


@dataclass(frozen=True)
class Target:
    kind: str
    key: str  # ISO3 for country kinds, seat index, org code or person id
    sector: str | None = None


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    text: str
    targets: tuple[Target, ...]


def fold(text: str) -> str:
    """Accent-free, apostrophe-normalised form used for fuzzy comparison."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _plurals(word: str) -> list[str]:
    """Plural people forms of a demonym: Israeli → Israelis, Frenchman → Frenchmen."""
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith(("an", "i", "ot", "ar", "ch", "k", "b", "e", "n", "t")) and not word.endswith("ese"):
        return [word + "s"]
    return []


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation shaped as a character trie (fast to scan, longest match preferred)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


class NameIndex:
    """Every alias of the KB, found case-sensitively as whole words."""

    def __init__(self, kb: ActorKB):
        self.kb = kb
        self.targets: dict[str, list[Target]] = defaultdict(list)
        for c in kb.countries.values():
            for name in (c.name, *c.aliases):
                self._add(name, Target(COUNTRY, c.iso3))
            for adj in c.adjectives:
                self._add(adj, Target(ADJECTIVE, c.iso3))
                for plural in _plurals(adj):
                    self._add(plural, Target(PEOPLE_NOUN, c.iso3))
            for noun in c.people_nouns:
                for form in (noun, *_plurals(noun)):
                    self._add(form, Target(PEOPLE_NOUN, c.iso3))
            for cap in c.capitals:
                self._add(cap, Target(CAPITAL, c.iso3, "GOV"))
        for k, seat in enumerate(kb.seats):
            for alias in seat.aliases:
                self._add(alias, Target(SEAT, str(k), seat.sector))
        for org in kb.orgs.values():
            for alias in org.aliases:
                self._add(alias, Target(ORG, org.code, org.sector))
        for person in kb.people.values():
            for alias in (person.name, *person.aliases):
                self._add(alias, Target(PERSON, person.id))
        self.role_words = frozenset(w for phrase in kb.roles for w in phrase.split() if w not in ("of", "the"))
        words = sorted(self.targets)
        self.regex = re.compile(r"(?<!\w)(?:" + _trie_pattern(words) + r")(?!\w)")
        self.surnames: dict[str, list[str]] = defaultdict(list)  # last word of a KB name → person ids
        for person in kb.people.values():
            self.surnames[person.name.split()[-1]].append(person.id)
        self._fuzzy: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for person in kb.people.values():
            for alias in {person.name, *person.aliases}:
                key = fold(alias).lower()
                for variant in _deletions(key):
                    self._fuzzy[variant].add((key, person.id))

    def _add(self, alias: str, target: Target) -> None:
        alias = re.sub(r"^the ", "", alias.strip())
        forms = {alias, alias.replace("'", "\u2019")}
        for form in forms:
            if target not in self.targets[form]:
                self.targets[form].append(target)

    def find(self, text: str) -> list[NameMatch]:
        """Leftmost-longest alias matches in ``text``."""
        return [NameMatch(m.start(), m.end(), m.group(), tuple(self.targets[m.group()]))
                for m in self.regex.finditer(text)]

    def exact(self, name: str) -> tuple[Target, ...]:
        return tuple(self.targets.get(name, ()))

    @functools.lru_cache(maxsize=4096)
    def fuzzy_people(self, name: str) -> tuple[str, ...]:
        """Person ids whose name or alias is one edit (two for long names) from ``name``, same first letter."""
        key = fold(name).lower()
        if len(key) < 5:
            return ()
        limit = 1 if len(key) < 9 else 2
        candidates = {hit for variant in _deletions(key) for hit in self._fuzzy.get(variant, ())}
        found = sorted(pid for alias, pid in candidates
                       if alias[:1] == key[:1] and edit_distance(key, alias, limit) <= limit)
        return tuple(dict.fromkeys(found))


def _deletions(key: str) -> set[str]:
    """``key`` and every string one deletion away (symmetric-deletion candidate lookup)."""
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count 1), stopping early above ``limit``."""
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@functools.cache
def default_index() -> NameIndex:
    """The index over the packaged KB, built once per process."""
    return NameIndex(load_kb())
