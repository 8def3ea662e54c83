"""The browser tests' store and server: hand-built articles (ids with "/", hostile text, a background event)
served on 127.0.0.1 to one headless Chromium shared by the package's tests."""
import dataclasses
from pathlib import Path

import pytest

from tests.api.live import serve
from tests.storage.factories import KYIV, document, event, ref, save
from tests.web.webdriver import Browser, find_browser
from tidings.api import create_app
from tidings.models import Quote, SentenceRef, Trigger
from tidings.storage import Store

SHOTS = Path(__file__).resolve().parent / "screenshots"
TALKS = "Joe Biden and Vladimir Putin met in Geneva on Thursday, aides said."
EVIL = ("<script>window.__owned = 1</script><img src=x onerror=\"window.__owned = 2\"> Russian forces shelled "
        "Kyiv overnight, officials said.")
HOSTILE_QUOTE = "<img src=x onerror=\"window.__owned = 4\"> We will defend Kyiv"
IDS = {"talks": "news/2021/12/talks", "evil": "feeds/<img src=x onerror=alert(1)>/evil",
       "background": "archive/2014/crimea"}


def located(text, word, **kw):
    start = text.index(word)
    return dataclasses.replace(event(**kw), trigger=Trigger(word, start, start + len(word)),
                               sentence=SentenceRef(0, 0, len(text)))


@pytest.fixture(scope="package")
def site(tmp_path_factory):
    found = find_browser()
    if found is None:
        pytest.skip("browser tests need Debian's chromium and chromium-driver "
                    "(apt-get install chromium chromium-driver; `make test` does it when run as root)")
    db = tmp_path_factory.mktemp("browser") / "web.db"
    crimea = "In 2014 Russia annexed Crimea, officials recalled."
    evil = document(IDS["evil"], EVIL, title="<b>Kyiv</b> <script>window.__owned = 3</script>",
                    published="2021-12-28", source="<i>Courier</i>",
                    events=[located(EVIL, "shelled", type_="ASSAULT", cameo="195", actor="russia",
                                    recipient="ukraine", location=KYIV, date="2021-12-28")])
    evil.quotes = [Quote(HOSTILE_QUOTE, 0, 30, "direct", "said", dataclasses.replace(
        ref("vladimir-putin"), text="<b>Putin</b>", name="<b>Putin</b> <img src=x onerror=\"window.__owned = 5\">"),
        0, 5)]
    with Store.open(db) as store:
        save(store,
             document(IDS["talks"], TALKS, events=[located(TALKS, "met", type_="CONSULT", cameo="040",
                                                           actor="joe-biden", recipient="vladimir-putin")]),
             evil,
             document(IDS["background"], crimea, published="2021-12-27", events=[dataclasses.replace(
                 located(crimea, "annexed", type_="COERCE", cameo="172", actor="russia", recipient="ukraine",
                         date="2014", precision="year"), historical=True)]))
    browser = Browser(*found)
    try:
        with serve(create_app(db)) as url:
            yield browser, url
    finally:
        browser.quit()


