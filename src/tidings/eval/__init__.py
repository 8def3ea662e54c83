"""Gold-data readers and scorers behind ``tidings eval KIND PATH``.

Each kind is a module ``tidings.eval.<kind>`` exposing
``evaluate(path, *, limit=None, pipeline=None) -> Report``. For ``corpus`` the path is a split of the
project's annotated corpus (``train``, ``dev`` or ``test``).
"""
KINDS = ("events", "quotes", "dates", "places", "corpus")
