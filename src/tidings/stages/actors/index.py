"""Name index over the actor KB: one trie-shaped regex finds every alias in a text, and a
bounded edit-distance search (rapidfuzz) finds misspelt person names."""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from tidings.resources.actors import ActorKB, load_kb

#: Target kinds an alias can point to.
COUNTRY, ADJECTIVE, PEOPLE_NOUN, CAPITAL, SEAT, ORG, PERSON = (
    "country", "adjective", "people_noun", "capital", "seat", "org", "person")


#: Misspelt names remembered per index (the same names recur across the articles of a batch).
FUZZY_CACHE_SIZE = 4096
#: Shortest misspelt word read as a country name or demonym ("Quatar", "Ethopia"); shorter words are one
#: edit from too many ordinary names ("Swain" / "Spain").
FUZZY_COUNTRY_MIN = 6


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
        for region in kb.regions:  # "British Columbians" → CAN (the longer name beats "British")
            for demonym in region.demonyms:
                self._add(demonym, Target(ADJECTIVE, region.country))
                for plural in _plurals(demonym):
                    self._add(plural, Target(PEOPLE_NOUN, region.country))
        for k, seat in enumerate(kb.seats):
            for alias in seat.aliases:
                self._add(alias, Target(SEAT, str(k), seat.sector))
        for org in kb.orgs.values():
            if org.code not in kb.tagged_only:
                for alias in org.aliases:
                    self._add(alias, Target(ORG, org.code, org.sector))
        searched = [p for p in kb.people.values() if p.id not in kb.tagged_only]
        for person in searched:
            for alias in (person.name, *person.aliases):
                self._add(alias, Target(PERSON, person.id))
        #: names of name-only people (resolved where the tagger finds a person's name, never searched for)
        self.tagged_names: dict[str, list[Target]] = defaultdict(list)
        for key in kb.tagged_only:
            if key in kb.people:
                for alias in (kb.people[key].name, *kb.people[key].aliases):
                    self.tagged_names[alias].append(Target(PERSON, key))
            else:
                for alias in kb.orgs[key].aliases:
                    self.tagged_names[alias].append(Target(ORG, key, kb.orgs[key].sector))
        self.role_words = frozenset(w for phrase in kb.roles for w in phrase.split() if w not in ("of", "the"))
        words = sorted(self.targets)
        self.regex = re.compile(r"(?<!\w)(?:" + _trie_pattern(words) + r")(?!\w)")
        self.surnames: dict[str, list[str]] = defaultdict(list)  # last word of a KB name → person ids
        for person in searched:
            self.surnames[person.name.split()[-1]].append(person.id)
        # folded person names and aliases by first letter, for the misspelling search
        pairs = {(fold(alias).lower(), person.id) for person in searched
                 for alias in (person.name, *person.aliases)}
        self._fuzzy: dict[str, tuple[list[str], list[str]]] = {}
        for key, pid in sorted(pairs):
            keys, pids = self._fuzzy.setdefault(key[:1], ([], []))
            keys.append(key)
            pids.append(pid)
        self._fuzzy_found: dict[str, tuple[str, ...]] = {}
        # folded country names, aliases and demonyms (of regions too) by first letter, for misspellings
        named = [(n, Target(COUNTRY, c.iso3)) for c in kb.countries.values() for n in (c.name, *c.aliases)]
        named += [(a, Target(ADJECTIVE, c.iso3)) for c in kb.countries.values() for a in c.adjectives]
        named += [(d, Target(ADJECTIVE, r.country)) for r in kb.regions for d in r.demonyms]
        self._country_names: dict[str, Target] = {}
        for name, target in named:
            if len(name) >= FUZZY_COUNTRY_MIN - 1:
                self._country_names.setdefault(fold(name).lower(), target)
        self._country_keys: dict[str, list[str]] = defaultdict(list)
        for key in self._country_names:
            self._country_keys[key[:1]].append(key)
        self._fuzzy_countries: dict[str, Target | None] = {}

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
        """Targets named exactly ``name``, name-only people included."""
        return tuple(self.targets.get(name, ())) + tuple(self.tagged_names.get(name, ()))

    def fuzzy_people(self, name: str) -> tuple[str, ...]:
        """Person ids, sorted, whose name or alias (accents and case aside, same first letter) is one edit from
        ``name`` (insertion, deletion, substitution, swap of neighbours); for names of 9 letters or more, also a
        letter dropped in one place and another added elsewhere ("Zelenksyy": two edits, one letter moved)."""
        key = fold(name).lower()
        if len(key) < 5:
            return ()
        if (cached := self._fuzzy_found.get(key)) is not None:
            return cached
        keys, pids = self._fuzzy.get(key[:1], ((), ()))
        limit = 1 if len(key) < 9 else 2
        # one deletion on each side at most (indel distance 2, lengths one apart at most), then within ``limit``
        hits = process.extract(key, keys, scorer=Indel.distance, score_cutoff=2, limit=None)
        found = tuple(sorted({pids[i] for alias, _, i in hits if abs(len(alias) - len(key)) <= 1
                              and OSA.distance(key, alias, score_cutoff=limit) <= limit}))
        if len(self._fuzzy_found) >= FUZZY_CACHE_SIZE:
            self._fuzzy_found.clear()
        self._fuzzy_found[key] = found
        return found

    def fuzzy_country(self, name: str) -> Target | None:
        """The country whose name, alias or demonym is one edit from ``name`` (two for 9 letters or more; same
        first letter, accents and case aside), when ``name`` has ``FUZZY_COUNTRY_MIN`` letters or more and exactly
        one country is that close."""
        key = fold(name).lower()
        if len(key) < FUZZY_COUNTRY_MIN:
            return None
        if key in self._fuzzy_countries:
            return self._fuzzy_countries[key]
        limit = 1 if len(key) < 9 else 2
        hits = process.extract(key, self._country_keys.get(key[:1], ()), scorer=OSA.distance, score_cutoff=limit,
                               limit=None)
        close = sorted((distance, alias) for alias, distance, _ in hits)
        # the closest form tells a name from a demonym
        found = self._country_names[close[0][1]] if len({self._country_names[a].key for _, a in close}) == 1 else None
        if len(self._fuzzy_countries) >= FUZZY_CACHE_SIZE:
            self._fuzzy_countries.clear()
        self._fuzzy_countries[key] = found
        return found


@functools.cache
def default_index() -> NameIndex:
    """The index over the packaged KB, built once per process."""
    return NameIndex(load_kb())
