"""Toponym resolution: choose a gazetteer entry per name from priors and the article's context.

Score (in orders of magnitude, like log10 population) = prior (feature type, population,
how many alternate names GeoNames knows, capital status) + "X, Y" qualifier agreement
+ article context (how strongly each country and admin1 region figures in the article,
neighbouring countries, the dateline). Two passes: the first resolves every name from priors
and qualifiers alone to estimate the context, the second resolves again with it. The publication's
country (its web address: ".ca", ".co.uk") counts like one mention of that country. Afterwards a name that is
also a state becomes the state where a governor's title or a list of states says so, and a county known only
by its state is placed among the towns of that state the article names.
"""
from __future__ import annotations

import dataclasses
import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tidings.resources import grammar
from tidings.resources.places import Gazetteer, GazetteerEntry, NameMatch, contains, distance_km, name_key

from .detect import Toponym

FEATURE_PRIOR = {"country": 10.0, "region": 7.5, "water": 7.5, "admin1": 7.5, "other": 6.5}
PROMINENCE_WEIGHT = 0.8  # per log10 of the number of alternate names
CAPITAL_BONUS = 0.5
ALTERNATE_NAME_PENALTY = 2.0
QUALIFIER_AGREES, QUALIFIER_DISAGREES = 5.0, -3.0
COUNTRY_CONTEXT, NEIGHBOUR_CONTEXT, ADMIN1_CONTEXT = 3.0, 0.4, 1.0
#: A city near another city the article names ("Edmonton" beside "Enfield" and "London").
PROXIMITY_BONUS, CANDIDATE_PROXIMITY_BONUS, PROXIMITY_KM = 1.5, 1.0, 150.0
#: A lower bound on the length of one degree of latitude (111.2 km on the mean sphere).
KM_PER_DEGREE_LATITUDE = 111.0
#: A first-pass city choice counts for its country only when it beats other countries' towns by this much.
CONFIDENT_MARGIN = 1.0
#: How much one mention of each kind says about which countries the article is about.
CONTEXT_WEIGHT = {"country": 1.0, "admin1": 1.0, "city": 0.5, "region": 0.5, "water": 0.0, "other": 0.5}
DEMONYM_WEIGHT, DATELINE_WEIGHT, SOURCE_WEIGHT = 0.5, 2.0, 1.0
#: Designators after which a region's name means the region ("Sichuan province"), not a town named like it.
REGION_DESIGNATORS = grammar.words("region_designators")
#: The smallest town that places a longer name the gazetteer does not know ("Air Berlin" at Berlin).
INNER_CITY_POPULATION = 100_000
#: How far the towns of a region the article names may lie from their middle to be one local area.
LOCAL_AREA_KM = 150.0
#: The smallest town of a county's name that places the county when the article names no town near it.
NAMESAKE_SEAT_POPULATION = 50_000


@dataclass
class Context:
    """Evidence about where the article is: country weights, admin1 regions, and cities
    (``anchors``: first-pass choices; ``grid``: every candidate city of every name, by 1° cell)."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)
    anchors: dict[str, list[GazetteerEntry]] = field(default_factory=dict)
    grid: dict[tuple[int, int], list[tuple[str, GazetteerEntry]]] = field(default_factory=dict)

    def share(self, country: str | None) -> float:
        """The country's part of all country evidence (0 to 1)."""
        if not country or not self.countries:
            return 0.0
        return self.countries[country] / sum(self.countries.values())

    def proximity(self, entry: GazetteerEntry, name: str) -> float:
        """Bonus for a city near a city chosen for another name, or (less) near a candidate of one."""
        if any(_close(entry, a) for other, anchors in self.anchors.items() if other != name for a in anchors):
            return PROXIMITY_BONUS
        cell_lat, cell_lon = int(math.floor(entry.lat)), int(math.floor(entry.lon))
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for other, candidate in self.grid.get((cell_lat + dlat, cell_lon + dlon), ()):
                    if other != name and _close(entry, candidate):
                        return CANDIDATE_PROXIMITY_BONUS
        return 0.0


def _close(a: GazetteerEntry, b: GazetteerEntry) -> bool:
    if a.geonames_id == b.geonames_id or abs(a.lat - b.lat) > PROXIMITY_KM / KM_PER_DEGREE_LATITUDE:
        return False  # a degree of latitude apart is already that many km: no trigonometry needed
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= PROXIMITY_KM


def resolve(toponyms: list[Toponym], gazetteer: Gazetteer, *, demonym_countries: list[str],
            dateline: list[GazetteerEntry], source_countries: Sequence[str] = ()) -> list[GazetteerEntry | None]:
    """The chosen entry for each toponym (None when the gazetteer has none); ``source_countries``: where the
    publication is (from its web address), which counts for an ambiguous name like a mention of the country."""
    candidates = [_candidates(t, gazetteer) for t in toponyms]
    prior = Context()
    context = Context()
    for iso3 in demonym_countries:
        _weigh(context.countries, iso3, DEMONYM_WEIGHT)
    for iso3 in source_countries:
        _weigh(context.countries, iso3, SOURCE_WEIGHT)
    for entry in dateline:
        if entry.country:
            _weigh(context.countries, entry.country, DATELINE_WEIGHT)
        if entry.feature == "admin1":
            _weigh(context.admin1, (entry.country, entry.admin1), DATELINE_WEIGHT)
    own: dict[str, Context] = {}
    for toponym, matches in zip(toponyms, candidates, strict=True):
        mine = own.setdefault(name_key(toponym.text), Context())
        for match in matches:
            if match.entry.feature == "city":
                cell = (int(math.floor(match.entry.lat)), int(math.floor(match.entry.lon)))
                context.grid.setdefault(cell, []).append((name_key(toponym.text), match.entry))
        ranked = sorted(matches, key=lambda m: -score(m, toponym, gazetteer, prior, ""))
        if not ranked:
            continue
        best = ranked[0].entry
        # a name shared by towns in several countries says little about the article's country
        rival = next((m for m in ranked[1:] if m.entry.country != best.country), None)
        confident = rival is None or best.feature != "city" or _margin(ranked[0], rival, toponym, gazetteer, prior)
        # a county or town whose namesakes lie in other regions says nothing yet about the article's region
        regional = next((m for m in ranked[1:] if (m.entry.country, m.entry.admin1) != (best.country, best.admin1)),
                        None)
        region_confident = regional is None or _margin(ranked[0], regional, toponym, gazetteer, prior)
        if not toponym.district_of:  # a district's first guess is not evidence: it may be any namesake
            mine.anchors.setdefault(name_key(toponym.text), []).append(best)
            _add(mine, best, confident, region_confident)
        for qualifier in toponym.qualifiers[:1]:
            _add(mine, qualifier, True)
    for mine in own.values():
        context.countries.update(mine.countries)
        context.admin1.update(mine.admin1)
        context.anchors.update(mine.anchors)
    chosen = [_best(t, c, gazetteer, _without(context, own.get(name_key(t.text))), name_key(t.text))
              for t, c in zip(toponyms, candidates, strict=True)]
    return _place_counties(_as_regions(toponyms, _one_sense(toponyms, chosen), gazetteer), gazetteer)


def _as_regions(toponyms: list[Toponym], chosen: list[GazetteerEntry | None],
                gazetteer: Gazetteer) -> list[GazetteerEntry | None]:
    """A name that is also a first-level region ("Washington", "New York") means the region when an office of
    it follows ("New York Gov.") or when it is listed beside regions of that country ("California or
    Washington"): the members of a list are of one kind."""
    out = list(chosen)
    for k, (toponym, entry) in enumerate(zip(toponyms, chosen, strict=True)):
        if entry is None or entry.feature == "admin1" or toponym.address:
            continue
        regions = [e for e in gazetteer.lookup_qualifier(toponym.text) if e.feature == "admin1"]
        listed = [chosen[k - 1]] if k and toponyms[k - 1].listed_next and not toponyms[k - 1].address else []
        if toponym.listed_next and k + 1 < len(chosen) and not toponyms[k + 1].address:
            listed.append(chosen[k + 1])
        listed_regions = [e for e in listed if e is not None and e.feature == "admin1"]
        if any(_close_to_region(entry, e) for e in listed_regions):
            continue  # "Washington, Maryland and Virginia": a capital beside the regions around it
        fits = [r for r in regions if (toponym.region_head and r.country == entry.country)
                or any(e.country == r.country for e in listed_regions)]
        if fits:
            out[k] = fits[0]
    return out


def _close_to_region(entry: GazetteerEntry, region: GazetteerEntry) -> bool:
    return distance_km(entry.lat, entry.lon, region.lat, region.lon) <= PROXIMITY_KM


def _place_counties(chosen: list[GazetteerEntry | None], gazetteer: Gazetteer) -> list[GazetteerEntry | None]:
    """Counties the gazetteer places only at their state's centre, placed closer: in the middle of the towns of
    that state the article names when they lie close together (local news names a county beside its towns),
    else at a large town of the county's name in that state ("Orange County" at Orange, California)."""
    towns: dict[tuple[str | None, str | None], dict[int | None, GazetteerEntry]] = {}
    for entry in chosen:
        if entry is not None and entry.feature == "city":
            towns.setdefault((entry.country, entry.admin1), {})[entry.geonames_id] = entry
    placed: list[GazetteerEntry | None] = []
    for entry in chosen:
        if entry is not None and gazetteer.at_region_centre(entry):
            entry = _county_place(entry, list(towns.get((entry.country, entry.admin1), {}).values()), gazetteer)
        placed.append(entry)
    return placed


def _county_place(county: GazetteerEntry, towns: list[GazetteerEntry], gazetteer: Gazetteer) -> GazetteerEntry:
    """``county`` moved to the middle of ``towns`` (its state's towns in the article) or to its namesake town."""
    if towns:
        lat, lon = statistics.fmean(t.lat for t in towns), statistics.fmean(t.lon for t in towns)
        if all(distance_km(lat, lon, t.lat, t.lon) <= LOCAL_AREA_KM for t in towns):
            return dataclasses.replace(county, lat=lat, lon=lon)
    seat = [m.entry for m in gazetteer.lookup(county.name.rsplit(" ", 1)[0]) if m.primary
            and m.entry.feature == "city" and (m.entry.country, m.entry.admin1) == (county.country, county.admin1)
            and m.entry.population >= NAMESAKE_SEAT_POPULATION]
    return dataclasses.replace(county, lat=seat[0].lat, lon=seat[0].lon) if seat else county


def _one_sense(toponyms: list[Toponym], chosen: list[GazetteerEntry | None]) -> list[GazetteerEntry | None]:
    """A name pinned once by its region ("born in Churchill, Man.") means the same place wherever else the
    article repeats it alone ("a Churchill doctor") or inside a longer name placed at it ("Churchill Hospital")."""
    pinned: dict[str, GazetteerEntry] = {}
    for toponym, entry in zip(toponyms, chosen, strict=True):
        if entry is not None and toponym.qualifiers and not toponym.district_of:
            pinned.setdefault(name_key(toponym.text), entry)
    return [_pinned_sense(t, e, pinned) if not t.qualifiers and not t.fixed and not t.district_of else e
            for t, e in zip(toponyms, chosen, strict=True)]


def _pinned_sense(toponym: Toponym, entry: GazetteerEntry | None,
                  pinned: dict[str, GazetteerEntry]) -> GazetteerEntry | None:
    """The pinned place of the name, or of the town a longer name was placed at when the name contains it."""
    key = name_key(toponym.text)
    if key in pinned:
        return pinned[key]
    inner = name_key(entry.name) if entry is not None and entry.feature == "city" else ""
    return pinned.get(inner, entry) if inner and f" {inner} " in f" {key} " else entry


def _without(context: Context, mine: Context | None) -> Context:
    """The context minus what a name itself contributed (a name is no evidence for itself)."""
    if mine is None:
        return context
    return Context(context.countries - mine.countries, context.admin1 - mine.admin1, context.anchors, context.grid)


def _margin(best: NameMatch, rival: NameMatch, toponym: Toponym, gazetteer: Gazetteer, prior: Context) -> bool:
    """Whether ``best`` beats ``rival`` by at least ``CONFIDENT_MARGIN`` on priors alone."""
    return score(best, toponym, gazetteer, prior, "") - score(rival, toponym, gazetteer, prior, "") >= CONFIDENT_MARGIN


def _weigh(counter: Counter, key: object, weight: float) -> None:
    """Add ``weight`` to the count of ``key``: evidence weights are fractional."""
    counter[key] += weight  # type: ignore[assignment]  # typeshed types Counter counts as int; any number works


def _add(context: Context, entry: GazetteerEntry, counts_for_country: bool, counts_for_region: bool = True) -> None:
    if entry.country and counts_for_country:
        _weigh(context.countries, entry.country, CONTEXT_WEIGHT[entry.feature])
    if entry.admin1 and entry.country and counts_for_region:
        context.admin1[(entry.country, entry.admin1)] += 1


def _candidates(toponym: Toponym, gazetteer: Gazetteer) -> list[NameMatch]:
    if toponym.fixed:
        return [NameMatch(e, True) for e in toponym.fixed]
    if toponym.district_of:
        named = gazetteer.lookup(toponym.district_of)
        regions = [m for m in named if m.entry.feature in ("admin1", "region")]
        if regions and name_key(toponym.text.split()[-1]) in REGION_DESIGNATORS:
            return regions  # "Sichuan province": the province itself
        return [m for m in named if m.entry.feature == "city"]
    matches = gazetteer.lookup(toponym.text) or gazetteer.lookup("the " + toponym.text)
    matches = matches or [NameMatch(e, True) for e in gazetteer.lookup_qualifier(toponym.text)]
    return matches or _inner_candidates(toponym.text, gazetteer)


def _inner_candidates(text: str, gazetteer: Gazetteer) -> list[NameMatch]:
    """For a name the gazetteer does not know, the places of the longest capitalised run of its words that it
    does ("West Virginia State" → West Virginia, "Far North Queensland" → Queensland); none for one word."""
    words = text.split()
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            part = words[first:first + size]
            if not all(w[:1].isupper() for w in part):
                continue
            name = " ".join(part)
            if gazetteer.is_stopword(name) or gazetteer.demonym(name):
                continue
            found = [m for m in gazetteer.lookup(name) if m.primary and (
                m.entry.feature != "city" or m.entry.population >= INNER_CITY_POPULATION)]
            if found:
                return found
    return []


def _best(toponym: Toponym, candidates: list[NameMatch], gazetteer: Gazetteer,
          context: Context, name: str) -> GazetteerEntry | None:
    if toponym.district_of:  # a district is placed at its namesake town only inside a region the article names
        candidates = [m for m in candidates if m.entry.feature != "city"
                      or context.admin1[(m.entry.country, m.entry.admin1)]
                      or any(contains(q, m.entry) for q in toponym.qualifiers)]
    qualifier = toponym.qualifiers[0] if toponym.qualifiers else None
    if qualifier is not None and not toponym.fixed and not any(
            contains(q, m.entry) for q in toponym.qualifiers for m in candidates):
        return qualifier  # "Churchill, Man.", a town too small for the gazetteer: placed in Manitoba
    if not candidates:
        return None
    return max(candidates, key=lambda m: score(m, toponym, gazetteer, context, name)).entry


def score(match: NameMatch, toponym: Toponym, gazetteer: Gazetteer, context: Context, name: str) -> float:
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
    return value + _context_bonus(entry, gazetteer, context, name)


def _context_bonus(entry: GazetteerEntry, gazetteer: Gazetteer, context: Context, name: str) -> float:
    """What the rest of the article says for ``entry``: its country, neighbours, region, nearby towns."""
    value = COUNTRY_CONTEXT * context.share(entry.country)
    neighbours = gazetteer.neighbours.get(entry.country or "", ())
    value += NEIGHBOUR_CONTEXT * max((context.share(n) for n in neighbours), default=0.0)
    if entry.feature == "admin1" and context.admin1[(entry.country, entry.admin1)]:
        value += ADMIN1_CONTEXT  # towns of the region are named too ("Atlanta ... Georgia")
    if entry.feature == "other" and entry.admin1 and context.admin1[(entry.country, entry.admin1)]:
        value += ADMIN1_CONTEXT  # "Adair County" in an article about towns of Kentucky
    if entry.feature == "city":
        # the admin1 region counts for its other towns, not for a seat of the same name ("Quebec")
        in_named_region = entry.admin1 and context.admin1[(entry.country, entry.admin1)]
        if in_named_region and name_key(entry.name) != name_key(entry.admin1):
            value += ADMIN1_CONTEXT
        value += context.proximity(entry, name)
    return value
