"""Toponym resolution: choose a gazetteer entry per name from priors and the article's context.

Score (in orders of magnitude, like log10 population) = prior (feature type, population,
how many alternate names GeoNames knows, capital status) + "X, Y" qualifier agreement
+ article context (how strongly each country and admin1 region figures in the article,
neighbouring countries, the dateline). Two passes: the first resolves every name from priors
and qualifiers alone to estimate the context, the second resolves again with it.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from tidings.resources.places import Gazetteer, GazetteerEntry, NameMatch, contains

from .detect import Toponym

FEATURE_PRIOR = {"country": 9.0, "region": 7.5, "water": 7.5, "admin1": 7.0, "other": 6.5}
PROMINENCE_WEIGHT = 0.8  # per log10 of the number of alternate names
CAPITAL_BONUS = 0.5
ALTERNATE_NAME_PENALTY = 0.4
QUALIFIER_AGREES, QUALIFIER_DISAGREES = 5.0, -3.0
COUNTRY_CONTEXT, NEIGHBOUR_CONTEXT, ADMIN1_CONTEXT = 2.5, 0.4, 1.0
#: How much one mention of each kind says about which countries the article is about.
CONTEXT_WEIGHT = {"country": 1.0, "admin1": 1.0, "city": 0.5, "region": 0.5, "water": 0.0, "other": 0.5}
DEMONYM_WEIGHT, DATELINE_WEIGHT = 0.5, 2.0


@dataclass
class Context:
    """Evidence about where the article is: country weights and admin1 regions named."""

    countries: Counter
    admin1: Counter

    def share(self, country: str | None) -> float:
        if not country or not self.countries:
            return 0.0
        return self.countries[country] / max(self.countries.values())

    def without(self, other: "Context") -> "Context":
        return Context(self.countries - other.countries, self.admin1 - other.admin1)


def resolve(toponyms: list[Toponym], gazetteer: Gazetteer, *, demonym_countries: list[str],
            dateline: list[GazetteerEntry]) -> list[GazetteerEntry | None]:
    """The chosen entry for each toponym (None when the gazetteer has none)."""
    candidates = [_candidates(t, gazetteer) for t in toponyms]
    empty = Context(Counter(), Counter())
    first = [_best(t, c, gazetteer, empty) for t, c in zip(toponyms, candidates)]
    base = Context(Counter(), Counter())
    for iso3 in demonym_countries:
        base.countries[iso3] += DEMONYM_WEIGHT
    for entry in dateline:
        base.countries[entry.country] += DATELINE_WEIGHT
        if entry.feature == "admin1":
            base.admin1[(entry.country, entry.admin1)] += DATELINE_WEIGHT
    contributions: dict[str, Context] = {}
    for toponym, entry in zip(toponyms, first):
        if entry is None:
            continue
        own = contributions.setdefault(toponym.text, Context(Counter(), Counter()))
        _add(own, entry)
        for qualifier in toponym.qualifiers[:1]:
            _add(own, qualifier)
    total = Context(base.countries.copy(), base.admin1.copy())
    for own in contributions.values():
        total.countries.update(own.countries)
        total.admin1.update(own.admin1)
    return [
        _best(t, c, gazetteer, total.without(contributions.get(t.text, empty)))
        for t, c in zip(toponyms, candidates)
    ]


def _add(context: Context, entry: GazetteerEntry) -> None:
    if entry.country:
        context.countries[entry.country] += CONTEXT_WEIGHT[entry.feature]
    if entry.admin1 and entry.country:
        context.admin1[(entry.country, entry.admin1)] += 1


def _candidates(toponym: Toponym, gazetteer: Gazetteer) -> list[NameMatch]:
    if toponym.fixed:
        return [NameMatch(e, True) for e in toponym.fixed]
    matches = gazetteer.lookup(toponym.text)
    if not matches and toponym.start > 0:
        matches = gazetteer.lookup("the " + toponym.text)
    return matches


def _best(toponym: Toponym, candidates: list[NameMatch], gazetteer: Gazetteer,
          context: Context) -> GazetteerEntry | None:
    if not candidates:
        return None
    return max(candidates, key=lambda m: score(m, toponym, gazetteer, context)).entry


def score(match: NameMatch, toponym: Toponym, gazetteer: Gazetteer, context: Context) -> float:
    """How likely ``match`` is the place ``toponym`` means."""
    entry = match.entry
    if entry.feature == "city":
        value = math.log10(max(entry.population, 1000)) + PROMINENCE_WEIGHT * math.log10(1 + entry.alternates)
        value += CAPITAL_BONUS if gazetteer.is_capital(entry) else 0.0
    else:
        value = FEATURE_PRIOR[entry.feature]
    if not match.primary:
        value -= ALTERNATE_NAME_PENALTY
    if toponym.qualifiers:
        value += QUALIFIER_AGREES if any(contains(q, entry) for q in toponym.qualifiers) else QUALIFIER_DISAGREES
    value += COUNTRY_CONTEXT * context.share(entry.country)
    neighbours = gazetteer.neighbours.get(entry.country or "", ())
    value += NEIGHBOUR_CONTEXT * max((context.share(n) for n in neighbours), default=0.0)
    if entry.feature == "city" and entry.admin1 and context.admin1[(entry.country, entry.admin1)]:
        value += ADMIN1_CONTEXT
    return value
