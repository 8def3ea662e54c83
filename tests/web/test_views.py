"""The actor page (#/actor/<name or code>) and the quotes view (#/quotes) in a real Chromium: reached by
clicking, kept in the URL through a reload, their links followed, hostile stored text kept as text."""
from tests.web.conftest import HOSTILE_QUOTE, SHOTS

OWNED = "return window.__owned === undefined && document.querySelectorAll('main img, main script, main b').length"


def wait_text(browser, css, text, what):
    return browser.wait("const e = document.querySelector(arguments[0]); "
                        "return e && e.textContent.includes(arguments[1]) && e.textContent", css, text, what=what)


def test_an_actor_page_from_the_top_actors_to_a_counterpart_and_back(site):
    browser, base = site
    browser.get(base + "/?historical=1")
    browser.wait("return document.querySelectorAll('#actors tbody a.actor-link').length > 0", what="top actors")
    browser.run("[...document.querySelectorAll('#actors tbody tr')].find(r => r.textContent.startsWith('Russia'))"
                ".querySelector('a.actor-link').click()")
    wait_text(browser, "#actor-name", "Russia", "the Russia page")
    assert browser.url.endswith("#/actor/russia") and "historical=1" in browser.url
    assert browser.run("return document.getElementById('view-overview').hidden && "
                       "document.getElementById('filters').hidden")
    wait_text(browser, "#counterparts tbody", "Ukraine", "the counterparts")
    wait_text(browser, "#actor-events-count", "of 2", "the actor's events")  # background event included
    assert browser.run("return document.querySelectorAll('#network a').length") == 1
    assert "Dec 2021" in browser.run("return document.querySelector('#actor-chart-table tbody').textContent")
    wait_text(browser, "#actor-chart-note", "1 of the 2 events are not in the chart", "what the chart leaves out")
    wait_text(browser, "#quotes-by-count", "No quotes.", "no quotes by Russia")
    wait_text(browser, "#quotes-about-count", "of 2", "Putin's quotes naming Russia")
    assert "Vladimir Putin" in browser.run("return document.getElementById('quotes-about').textContent")
    assert "<b>Kyiv</b>" in browser.run("return document.querySelector('#actor-events tbody').textContent")
    assert browser.run(OWNED) == 0  # the hostile article's title and quote stayed text
    browser.screenshot(SHOTS / "actor-russia.png")
    browser.click("#network a circle")  # the counterpart's node opens its page
    wait_text(browser, "#actor-name", "Ukraine", "the Ukraine page")
    assert browser.url.endswith("#/actor/ukraine")
    browser.run("window.__before_reload = 1")
    browser.refresh()  # a reload keeps the page
    wait_text(browser, "#actor-name", "Ukraine", "the Ukraine page after reload")
    assert browser.run("return window.__before_reload === undefined")
    wait_text(browser, "#counterparts tbody", "Russia", "Ukraine's counterparts")
    browser.back()
    wait_text(browser, "#actor-name", "Russia", "back to Russia")


def test_an_actor_page_shows_quotes_by_and_about_it_as_text(site):
    browser, base = site
    browser.get(base + "/#/actor/vladimir-putin")
    wait_text(browser, "#actor-name", "Vladimir Putin", "Putin's page")
    by = wait_text(browser, "#quotes-by", "We will defend Kyiv", "quotes by Putin")
    assert HOSTILE_QUOTE in by and "<b>Kyiv</b>" in by  # the quote and the article's title, as text
    wait_text(browser, "#quotes-about-count", "No quotes.", "no quotes name Putin")
    assert browser.run(OWNED) == 0
    browser.screenshot(SHOTS / "actor-putin.png")
    browser.get(base + "/#/actor/Atlantis")
    message = browser.wait("const e = document.getElementById('actor-error'); return !e.hidden && e.textContent",
                           what="the unknown actor")
    assert "no actor, country or actor code called “Atlantis”" in message


def test_the_quotes_view_filters_by_speaker_and_keeps_it_in_the_url(site):
    browser, base = site
    browser.get(base + "/")
    browser.click("#nav-quotes")
    wait_text(browser, "#quotes-count", "of 3", "every quote")
    assert browser.url.endswith("#/quotes")
    browser.type("#qf-words", "defend")
    browser.click("#quote-filters button[type=submit]")
    wait_text(browser, "#quotes-count", "of 1", "the quotes with 'defend'")
    assert "words=defend" in browser.url
    browser.refresh()
    wait_text(browser, "#quotes-count", "of 1", "the filtered quotes after reload")
    assert browser.run("return document.getElementById('qf-words').value") == "defend"
    row = browser.run("return document.querySelector('#quotes tbody tr').textContent")
    assert HOSTILE_QUOTE in row and "<b>Putin</b>" in row and "<b>Kyiv</b>" in row
    assert browser.run(OWNED) == 0
    browser.screenshot(SHOTS / "quotes.png")
    browser.type("#qf-since", "yesterday")
    browser.click("#quote-filters button[type=submit]")
    message = browser.wait("const e = document.getElementById('qerr-since'); return !e.hidden && e.textContent",
                           what="the date error beside its field")
    assert "“yesterday” is not a date" in message
    browser.click("#quote-filters button[type=reset]")
    wait_text(browser, "#quotes-count", "of 3", "every quote again")
    browser.click("#quotes tbody a.article-link")  # the article opens in the overview's reader
    browser.wait("return !document.getElementById('article').hidden && "
                 "document.getElementById('article-meta').textContent.includes('id ')", what="the article")
    assert "#/" not in browser.url and "article=" in browser.url
    assert not browser.run("return document.getElementById('view-overview').hidden")


def test_an_actor_in_the_events_table_opens_its_page_by_keyboard(site):
    browser, base = site
    browser.get("about:blank")
    browser.get(base + "/")
    browser.wait("return document.querySelectorAll('#events tbody a.actor-link').length > 0", what="the events")
    browser.run("document.querySelector(\"#events tbody a.actor-link[aria-label^='Joe Biden']\").focus()")
    browser._session("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [
        {"type": "keyDown", "value": "\ue007"}, {"type": "keyUp", "value": "\ue007"}]}]})  # Enter
    wait_text(browser, "#actor-name", "Joe Biden", "Biden's page")
    assert browser.url.endswith("#/actor/joe-biden")
    assert browser.run("return document.activeElement.id") == "actor-name"  # focus moves to the new page
    wait_text(browser, "#counterparts tbody", "Vladimir Putin", "Biden's counterpart")
