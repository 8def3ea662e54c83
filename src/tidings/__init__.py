"""tidings: offline political event data from news.

>>> import tidings
>>> doc = tidings.extract("Russia accused Ukraine of shelling Donetsk on Monday.", published="2021-12-30")
>>> doc.to_dict()["events"][0]["type"]
'ACCUSE'
"""
from __future__ import annotations

from tidings.models import Document, RawArticle

__version__ = "0.1.0"
__all__ = ["Document", "RawArticle", "extract", "__version__"]


def extract(
    text_or_html: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
) -> Document:
    """Run the whole pipeline on one article (HTML is detected) and return its Document."""
    from tidings.pipeline import default_pipeline
    from tidings.stages.ingest.readers import raw_from_string

    raw = raw_from_string(text_or_html, id=id, url=url, title=title, published=published)
    return default_pipeline().process(raw)
