"""The pipeline runs end to end and returns the output contract's shape."""
import tidings
from tidings.models import SCHEMA


def test_extract_returns_contract_shape():
    doc = tidings.extract("Russian officials met Ukrainian envoys in Geneva on Monday.", published="2021-12-30")
    out = doc.to_dict()
    assert out["schema"] == SCHEMA
    assert set(out) >= {"article", "actors", "mentions", "events", "quotes", "dates", "places", "amounts", "tone"}
    assert out["article"]["published"] == "2021-12-30"
