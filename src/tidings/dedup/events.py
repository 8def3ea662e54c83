"""Event clustering: mentions of one real-world occurrence, across articles, become one cluster.

Two events belong together when they share the PLOVER type, status, actor and recipient codes
(CAMEO-style: ``org`` or ``country+sector``, so "Putin" and "the Kremlin" agree; the text for
unresolved actors), fall within a date window (±1 day for day-precise dates, the same value
otherwise) and do not name different countries as their location. An event naming neither
actor nor recipient stays on its own. Counts per cluster (mentions, articles, sources) then
measure events, not copies.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tidings.dedup.near import normalize
from tidings.models import ActorRef, Event
from tidings.storage import Store
from tidings.storage.mapping import period_start

DAY_WINDOW = 1


def actor_code(ref: ActorRef | None) -> str | None:
    """A coarse actor code: ``NATO``, ``RUSGOV``, ``UKR``, else the actor id; None when unresolved."""
    if ref is None:
        return None
    if ref.org:
        return ref.org
    if ref.country:
        return ref.country + (ref.sector or "")
    return ref.actor_id


def actor_key(ref: ActorRef | None) -> str | None:
    """What two mentions must share to be the same party: the code, else the normalised text."""
    if ref is None:
        return None
    return actor_code(ref) or f"text:{normalize(ref.text)}"


def date_window(event: Event, days: int = DAY_WINDOW) -> tuple[str | None, str | None]:
    """The span of cluster dates this event may join (exact value unless day-precise)."""
    if event.date is None:
        return None, None
    if event.date_precision == "day":
        try:
            day = date.fromisoformat(event.date)
        except ValueError:
            return event.date, event.date
        return (day - timedelta(days=days)).isoformat(), (day + timedelta(days=days)).isoformat()
    return event.date, event.date


def cluster_columns(event: Event) -> dict[str, Any]:
    """The describing columns of a new cluster started by ``event``."""
    row: dict[str, Any] = {
        "type": event.type, "cameo": event.cameo, "mode": event.mode, "quad_class": event.quad_class,
        "goldstein": event.goldstein, "status": event.status, "historical": int(event.historical),
        "date": event.date, "date_last": event.date, "date_precision": event.date_precision,
        "day": period_start(event.date),
    }
    for role in ("actor", "recipient"):
        ref: ActorRef | None = getattr(event, role)
        row[f"{role}_code"] = actor_code(ref)
        row[f"{role}_key"] = actor_key(ref)
        for name in ("actor_id", "name", "country", "sector", "org"):
            row[f"{role}_{name}"] = getattr(ref, name) if ref else None
    location = event.location
    row.update(location_name=location.name if location else None,
               location_country=location.country if location else None,
               location_lat=location.lat if location else None,
               location_lon=location.lon if location else None)
    return row


def assign_cluster(store: Store, event: Event, *, days: int = DAY_WINDOW) -> int:
    """The key of the cluster ``event`` joins, creating one when no earlier mention matches."""
    if event.actor is None and event.recipient is None:  # nothing to tell two such occurrences apart
        return store.add_event_cluster(cluster_columns(event))
    date_from, date_to = date_window(event, days)
    candidates = store.event_cluster_candidates(
        type=event.type, status=event.status, actor_key=actor_key(event.actor),
        recipient_key=actor_key(event.recipient), date_from=date_from, date_to=date_to,
        date_precision=event.date_precision)
    country = event.location.country if event.location else None
    for candidate in candidates:
        if country is None or candidate["location_country"] in (None, country):
            return candidate["pk"]
    return store.add_event_cluster(cluster_columns(event))
