"""The bundled sample corpus reads and cleans without failure; only the French article is not English."""
import re

import pytest

from tidings.examples import corpus_path
from tidings.models import RawArticle
from tidings.stages import clean
from tidings.stages.ingest import iter_inputs

DEBRIS = re.compile(r"cookie|Advertisement|All rights reserved|©|Related Articles|Share on|Back to top|"
                    r"Reporting by|Editing by|\[|\]|\{\{|https?://|Getty Images|AP Photo|Tags:|Topics:", re.I)


@pytest.fixture(scope="module")
def documents():
    items = list(iter_inputs([corpus_path()]))
    assert all(isinstance(item, RawArticle) for item in items), [i for i in items if not isinstance(i, RawArticle)]
    return {raw.id: clean.run(raw) for raw in items}


def test_corpus_has_every_input_form(documents):
    assert len(documents) >= 24
    assert sum(i.startswith("html/") for i in documents) >= 8
    assert sum(i.startswith("txt/") for i in documents) >= 10
    assert sum("/" not in i for i in documents) >= 6  # batch.jsonl ids


def test_only_the_french_article_is_not_english(documents):
    languages = {doc.article.id: doc.article.language for doc in documents.values()}
    assert {i: lang for i, lang in languages.items() if lang != "en"} == {"txt/fr-macron-scholz-berlin": "fr"}


def test_every_article_is_dated_titled_and_clean(documents):
    for ident, doc in documents.items():
        article = doc.article
        assert re.fullmatch(r"20\d\d-\d\d-\d\d", article.published or ""), ident
        assert article.title, ident
        words = len(article.text.split())
        assert 280 <= words <= 600, (ident, words)
        assert "\n\n\n" not in article.text and article.text == article.text.strip(), ident
        assert all(p.strip() == p and p for p in article.text.split("\n\n")), ident
        assert not DEBRIS.search(article.text), (ident, DEBRIS.search(article.text))


def test_datelines_are_found_and_stripped(documents):
    for ident, doc in documents.items():
        assert doc.article.dateline, ident
        assert not doc.article.text.startswith(doc.article.dateline), ident


def test_syndicated_pair_is_a_near_duplicate(documents):
    first = documents["html/biden-putin-call"].article.text.split("\n\n")
    second = documents["txt/biden-putin-call-syndicated"].article.text.split("\n\n")
    normalise = lambda p: p.replace("’", "'").replace("“", '"').replace("”", '"')  # noqa: E731
    shared = {normalise(p) for p in first} & {normalise(p) for p in second}
    assert len(shared) >= len(first) - 2 and first[0] != second[0]


def test_cleaning_is_idempotent(documents):
    for ident, doc in documents.items():
        again = clean.run(RawArticle(id=ident, text=doc.article.text)).article
        assert again.text == doc.article.text, ident
