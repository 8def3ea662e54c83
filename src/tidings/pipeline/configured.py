"""The annotation stages with their options taken from a :class:`~tidings.config.Config`.

Each stage stays a plain function of a Document; here it is bound to its options (``functools.partial``,
so a configured pipeline's stages still pickle). Resource files named by the configuration are read with
``env=False``: the configuration has already read the environment, with its precedence.
"""
from __future__ import annotations

import functools
import os
from collections.abc import Callable

from tidings.config import ActorsOptions, Config, EventsOptions
from tidings.models import Document
from tidings.resources import actors as actor_data
from tidings.resources import lexicon as lexicon_data
from tidings.stages import actors, amounts, coref, dates, events, places, quotes, tone
from tidings.stages.actors.index import NameIndex, default_index

StageFn = Callable[[Document], Document]


def annotators(config: Config) -> dict[str, StageFn]:
    """Every annotation stage by name, bound to ``config``'s options."""
    return {
        "actors": functools.partial(_actors, options=config.actors),
        "places": functools.partial(places.run, min_scan_population=config.places.min_scan_population,
                                    min_city_population=config.places.min_city_population),
        "coref": coref.run,
        "dates": dates.run,
        "quotes": functools.partial(quotes.run, min_unattributed_words=config.quotes.min_unattributed_words,
                                    max_quoted_share=config.quotes.max_quoted_share),
        "events": functools.partial(_events, options=config.events),
        "amounts": amounts.run,
        "tone": tone.run,
    }


def actor_index(files: tuple[str, ...]) -> NameIndex:
    """The name index over the packaged knowledge base and exactly ``files`` (no ``$TIDINGS_ACTORS``)."""
    if not files and not os.environ.get(actor_data.USER_ENV):
        return default_index()  # the same knowledge base: share the process-wide index
    return _index_over(files)


@functools.lru_cache(maxsize=8)
def _index_over(files: tuple[str, ...]) -> NameIndex:
    return NameIndex(actor_data.load_kb(files, env=False))


def _actors(doc: Document, *, options: ActorsOptions) -> Document:
    return actors.run(doc, index=actor_index(options.files), infer_countries=options.infer_countries)


def _events(doc: Document, *, options: EventsOptions) -> Document:
    lexicon = lexicon_data.load(options.lexicon_files, env=False)  # cached by each file's identity and mtime
    return events.run(doc, lexicon=lexicon, score=options.score, loose=options.loose)
