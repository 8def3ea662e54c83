"""Gold-data readers and scorers behind ``tidings eval KIND PATH``.

Each kind is a module ``tidings.eval.<kind>`` exposing
``evaluate(path, *, limit=None, pipeline=None) -> Report``.
"""
KINDS = ("events", "quotes", "dates", "places")
