"""Turns KB targets, role nouns and people into ``Actor`` records with stable ids.

Id convention: KB people keep their slug (``vladimir-putin``); unknown people get the slug
of their name; countries are ISO3 (``RUS``); a country's sector is ``RUS-GOV``; organisations
are their code (``NATO``); a sector with no country is its code alone (``REB``); a patron
("Moscow-backed") is appended as ``~RUS`` (``UKR-REB~RUS``).
"""
from __future__ import annotations

import re

from tidings.models import Actor
from tidings.resources.actors import ActorKB, Person, Tenure, slug

from .index import ADJECTIVE, CAPITAL, COUNTRY, ORG, PEOPLE_NOUN, PERSON, SEAT, NameIndex, Target

COUNTRY_KINDS = (COUNTRY, ADJECTIVE, PEOPLE_NOUN, CAPITAL, SEAT)
#: Sector of people out of office ("former President Obama").
ELITE = "ELI"


def day_of(published: str | None) -> str | None:
    """The ISO day of a publication date (``2021-12-30T10:00Z`` → ``2021-12-30``)."""
    if not published or not re.match(r"\d{4}", published):
        return None
    return published[:10]


class Resolver:
    """Builds actors from the KB, aware of the publication day for offices."""

    def __init__(self, kb: ActorKB, index: NameIndex):
        self.kb = kb
        self.index = index
        self.holders: dict[tuple[str, str], list[tuple[Tenure, Person]]] = {}  # (office, ISO3 or org code)
        for person in kb.people.values():
            for tenure in person.roles:
                for where in {w for w in (tenure.country, tenure.org) if w is not None}:
                    self.holders.setdefault((tenure.office, where), []).append((tenure, person))

    # --- countries, sectors, organisations ----------------------------------------------

    def country(self, iso3: str, sector: str | None = None, patron: str | None = None) -> Actor:
        c = self.kb.countries[iso3]
        if sector is None:
            return Actor(id=iso3 + (f"~{patron}" if patron else ""), name=c.name, kind="country", country=iso3,
                         patron=patron)
        adjective = c.adjectives[0] if c.adjectives else c.name
        return Actor(id=f"{iso3}-{sector}" + (f"~{patron}" if patron else ""),
                     name=f"{adjective} {self.kb.sectors[sector].noun}", kind="group", country=iso3,
                     sector=sector, patron=patron)

    def generic(self, sector: str, patron: str | None = None) -> Actor:
        noun = self.kb.sectors[sector].noun
        return Actor(id=sector + (f"~{patron}" if patron else ""), name=noun[:1].upper() + noun[1:], kind="group",
                     sector=sector, patron=patron)

    def org(self, code: str, patron: str | None = None) -> Actor:
        org = self.kb.orgs[code]
        kind = "organization" if org.kind == "organization" else "group"
        national = org.kind == "organization" and org.country is not None  # parties, state bodies
        return Actor(id=code + (f"~{patron}" if patron else ""), name=org.name, kind=kind, sector=org.sector,
                     org=code, country=org.country if national else None, patron=patron)

    def target(self, target: Target, *, sector: str | None = None, patron: str | None = None,
               day: str | None = None) -> Actor:
        """The actor a KB target stands for, optionally narrowed to a sector ("Russian" + troops)."""
        if target.kind == ORG:
            return self.org(target.key, patron)
        if target.kind == PERSON:
            return self.person(self.kb.people[target.key], day)
        if target.kind == SEAT:
            seat = self.kb.seats[int(target.key)]
            return self.country(seat.country, sector or seat.sector, patron)
        if target.kind == CAPITAL and sector is None:
            sector = target.sector
        return self.country(target.key, sector, patron)

    def country_of(self, target: Target, day: str | None = None) -> str | None:
        """The ISO3 country a target belongs to (``None`` for international bodies)."""
        if target.kind in (COUNTRY, ADJECTIVE, PEOPLE_NOUN, CAPITAL):
            return target.key
        if target.kind == SEAT:
            return self.kb.seats[int(target.key)].country
        if target.kind == ORG:
            return self.kb.orgs[target.key].country
        return self.person(self.kb.people[target.key], day).country

    def government_led_by(self, person: Person, sector: str) -> Actor | None:
        """The government a leader heads or headed ("the Biden administration" → USA-GOV): the leader's
        country, never ELI (the phrase names the government of that time)."""
        latest = sorted((t for t in person.roles if t.country), key=lambda t: t.start or "", reverse=True)
        iso = person.country or (latest[0].country if latest else None)
        return self.country(iso, sector) if iso else None

    # --- people -----------------------------------------------------------------------------

    def person(self, person: Person, day: str | None, *, former: bool = False) -> Actor:
        """A KB person with the country/sector of the office held on ``day`` (ELI once out of office)."""
        tenure = current_tenure(person, day)
        if tenure is not None and not former:
            return self._in_office(person, tenure)
        sector = ELITE if former or (day and any(t.ended_before(day) for t in person.roles)) else None
        return Actor(id=person.id, name=person.name, kind="person", country=person.country, sector=sector,
                     wikidata=person.wikidata)

    def acting_for(self, person: Person, org: str, day: str | None) -> Actor | None:
        """``person`` in their office of organisation ``org`` (the one held on ``day``, else the latest)."""
        tenures = [t for t in person.roles if t.org == org]
        if not tenures:
            return None
        return self._in_office(person, max(tenures, key=lambda t: (bool(day and t.active_on(day)), t.start or "")))

    def _in_office(self, person: Person, tenure: Tenure) -> Actor:
        org = self.kb.orgs.get(tenure.org or "")
        international = org is not None and org.kind == "organization" and org.country is None
        # In an international organisation's office the person acts for it, not for their nationality.
        country = None if international and tenure.country is None else (
            tenure.country or (org.country if org else None) or person.country)
        return Actor(id=person.id, name=person.name, kind="person", country=country, sector=tenure.sector,
                     org=tenure.org, wikidata=person.wikidata)

    def unknown_person(self, name: str, country: str | None, sector: str | None, org: str | None) -> Actor:
        return Actor(id=slug(name), name=name, kind="person", country=country, sector=sector, org=org)

    def office_holder(self, offices: tuple[str, ...], where: str, day: str | None) -> Person | None:
        """Who held one of ``offices`` in country or organisation ``where`` on ``day`` (latest start wins)."""
        if day is None:
            return None
        held = [(t, p) for office in offices for t, p in self.holders.get((office, where), ())
                if t.active_on(day)]
        if not held:
            return None
        return max(held, key=lambda tp: tp[0].start or "")[1]

    def latest_holders(self, pids: list[str], offices: set[str], day: str | None) -> list[str]:
        """Of ``pids``, who held one of ``offices`` on ``day``, else who held it most recently before."""
        def last_start(pid: str) -> str:
            starts = [t.start or "" for t in self.kb.people[pid].roles if t.office in offices
                      and (day is None or (t.start or "") <= day)]
            return max(starts, default="")

        active = [p for p in pids if any(t.office in offices and day and t.active_on(day)
                                         for t in self.kb.people[p].roles)]
        ranked = sorted((p for p in pids if last_start(p)), key=last_start, reverse=True)
        return active or ranked[:1]

    def rank_people(self, pids: list[str], day: str | None, offices: set[str], countries: set[str],
                    seen: set[str]) -> str:
        """Pick among same-named people: seen in the article, in office that day, matching the title."""

        def score(pid: str) -> tuple[int, int]:
            person = self.kb.people[pid]
            active = [t for t in person.roles if day and t.active_on(day)]
            points = 4 * (pid in seen) + 2 * bool(active)
            points += 2 * any(t.office in offices for t in person.roles) + bool(person.country in countries)
            return points, -len(person.roles)

        return max(pids, key=score)


def current_tenure(person: Person, day: str | None) -> Tenure | None:
    """The tenure active on ``day`` (latest start first); without a day, the latest open one."""
    if day is None:
        open_roles = [t for t in person.roles if t.end is None]
        return max(open_roles, key=lambda t: t.start or "", default=None)
    active = [t for t in person.roles if t.active_on(day)]
    return max(active, key=lambda t: t.start or "", default=None)


def is_countryish(target: Target) -> bool:
    return target.kind in COUNTRY_KINDS
