"""The export code tables: FIPS country codes and CAMEO known groups."""
from tidings.resources.export import load_tables, validate


def test_tables_are_valid():
    assert validate() == []


def test_known_codes():
    tables = load_tables()
    assert tables.countries["DEU"].fips == "GM" and tables.countries["GBR"].fips == "UK"
    assert tables.known_groups["NATO"] == "NAT" and tables.known_groups["HRW"] == "HRW"


def test_validator_catches_bad_rows(tmp_path):
    (tmp_path / "fips.tsv").write_text("RUS\tRS\tRussia\nRUS\tRS\tRussia\nukr\tUP\tUkraine\n", encoding="utf-8")
    (tmp_path / "known_groups.tsv").write_text("NATO\tNAT\nNOSUCHORG\tXYZ\nUN\tunited\n", encoding="utf-8")
    problems = validate(tmp_path)
    assert any("RUS listed twice" in p for p in problems)
    assert any("'ukr'" in p for p in problems)
    assert any("NOSUCHORG" in p for p in problems)
    assert any("'united'" in p for p in problems)
