"""The clean stage's debris tables load and validate; the validator catches broken tables."""
import copy

from tidings.resources import clean as debris_tables


def test_shipped_tables_are_valid():
    assert debris_tables.validate() == []
    compiled = debris_tables.debris()
    assert compiled.agencies["AP"] == "Associated Press" and "staff writer" in compiled.byline_roles


def test_validator_reports_each_kind_of_problem():
    data = copy.deepcopy(debris_tables.load_data())
    data["drop_lines"].append("(unclosed")
    data["drop_lines"].append(".*")
    data["inline"].append(data["inline"][0])
    data["link_block_headings"] = []
    data["agencies"]["XYZ"] = ""
    data["byline_roles"].append("staff")
    del data["byline_outlet_words"]
    problems = debris_tables.validate(data)
    for expected in ("does not compile", "matches the empty string", "duplicate pattern",
                     "'link_block_headings'", "agency 'XYZ'", "byline_roles has duplicates",
                     "missing byline_outlet_words"):
        assert any(expected in p for p in problems), (expected, problems)
