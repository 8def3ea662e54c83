"""Who wrote a document (the coreference layer's document authors), on sentences written for the project."""
from __future__ import annotations

import pytest

from tidings.resources import quotes
from tidings.stages import coref

DOCUMENTS = quotes.load().document_nouns


def _token(doc, word: str, nth: int = 0) -> int:
    return [t.i for t in doc.parse.tokens if t.text == word][nth]


@pytest.mark.parametrize(("text", "document", "author"), [
    ("The ministry's statement said the talks had failed.", "statement", "ministry"),
    ("A report by the Commons health committee urged ministers to act.", "report", "committee"),
    ("A letter signed by 40 mayors urged the governor to resign.", "letter", "mayors"),
    ("The unions issued a statement attacking the plan.", "statement", "unions"),
])
def test_the_author_written_beside_a_document(build_doc, text, document, author):
    doc = build_doc(text, until="places")
    found = coref.document_author(doc.parse, _token(doc, document), DOCUMENTS)
    assert found is not None and doc.parse.tokens[found].text == author


def test_the_reader_of_a_document_is_not_its_author(build_doc):
    doc = build_doc("The minister received a letter from the mayors.", until="places")
    assert coref.document_author(doc.parse, _token(doc, "minister"), DOCUMENTS) is None  # no document at all
    found = coref.document_author(doc.parse, _token(doc, "letter"), DOCUMENTS)
    assert doc.parse.tokens[found].text == "mayors"


def test_a_document_named_again_has_the_author_of_its_first_mention(build_doc):
    doc = build_doc("The Commons health committee published a report on Monday. The report urged the Home Office "
                    "to act.", until="places")
    found = coref.earlier_author(doc.parse, _token(doc, "report", 1), DOCUMENTS)
    assert found is not None and doc.parse.tokens[found].text == "committee"


def test_an_indefinite_document_is_no_earlier_one(build_doc):
    doc = build_doc("The Commons health committee published a report on Monday. A report urged the Home Office "
                    "to act.", until="places")
    assert coref.earlier_author(doc.parse, _token(doc, "report", 1), DOCUMENTS) is None
