"""A small store of hand-built documents shared by the export tests."""
import pytest

from tests.storage.factories import GENEVA, KYIV, document, event, save
from tidings.storage import Store

TALKS = ("U.S. President Joe Biden and Russian President Vladimir Putin held talks in Geneva on Thursday, "
         "aides said, in a bid to cool tensions over the Russian troop build-up near Ukraine.")
TALKS_FOLLOW_UP = ("Biden and Putin met in Geneva on Thursday, the White House said, adding that the\tleaders "
                   "would speak again in January.\nNATO said it was watching the border closely.")
SHELLING = ("Russian forces shelled the outskirts of Kyiv overnight, Ukrainian officials said on Tuesday. "
            "The alliance accused Moscow of targeting civilians; Russia invaded Crimea in 2014.")


@pytest.fixture(scope="package")
def store(tmp_path_factory):
    undated = event("ASSAULT", "190", "russia", "ukraine", date=None, index=2)
    historical = event("COERCE", "173", "russia", "ukraine", date=None, index=3)
    historical.historical = True
    docs = [
        document("talks-wire", TALKS, source="Wire", events=[
            event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA)]),
        document("talks-herald", TALKS_FOLLOW_UP, source="Herald", title="Leaders | meet # in Geneva", events=[
            event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA, index=1)]),
        document("shelling-courier", SHELLING, source=None, published="2021-12-28", events=[
            event("ASSAULT", "195", "russia", "ukraine", location=KYIV, date="2021-12-28"),
            event("ACCUSE", "112", "nato", "russia", date="2021-12", precision="month", index=1),
            undated, historical]),
    ]
    with Store.open(tmp_path_factory.mktemp("export") / "export.db") as store:
        assert save(store, *docs).stored == 3
        yield store
