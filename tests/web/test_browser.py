"""The dashboard in a real headless Chromium against a server on 127.0.0.1: click-through from the events
table to articles whose ids hold "/", hostile article text that must stay text, the view kept in the URL,
errors beside their filter. Screenshots go to tests/web/screenshots/ (git-ignored).

Needs Debian's ``chromium`` and ``chromium-driver`` (``make test`` installs them when run as root);
without them every test here skips with a message.
"""
from urllib.parse import quote

from tests.web.conftest import IDS, SHOTS


def open_view(browser, url):
    browser.get(url)
    return browser.wait("const c = document.getElementById('events-count').textContent;"
                        "return c.includes(' of ') ? c : null;", what="the events table")


def test_click_through_from_the_table_to_an_article_whose_id_has_slashes(site):
    browser, base = site
    open_view(browser, base + "/")
    link = ("#events tbody a.article-link[href*='" + quote(IDS["talks"], safe="") + "']")
    browser.click(link)
    meta = browser.wait("const s = document.getElementById('article');"
                        "return !s.hidden && document.getElementById('article-meta').textContent;",
                        what="the article")
    assert "id news/2021/12/talks" in meta
    assert "met in Geneva" in browser.run("return document.getElementById('article-text').textContent")
    assert browser.run("return document.querySelector('#article-text .trigger').textContent") == "met"
    assert "article=" + quote(IDS["talks"], safe="") in browser.url
    browser.screenshot(SHOTS / "article-with-slashes.png")
    browser.get(browser.url)  # a reload restores the article
    assert "id news/2021/12/talks" in browser.wait(
        "return !document.getElementById('article').hidden && document.getElementById('article-meta').textContent",
        what="the article after reload")


def test_hostile_article_text_stays_text(site):
    browser, base = site
    open_view(browser, base + "/?article=" + quote(IDS["evil"], safe=""))
    browser.wait("return !document.getElementById('article').hidden && "
                 "document.getElementById('article-text').textContent.length > 0", what="the hostile article")
    assert browser.run("return window.__owned === undefined")
    assert browser.run("return document.querySelectorAll('main img, main script, main b, main i').length") == 0
    assert browser.run("return document.getElementById('article-title').textContent").startswith("<b>Kyiv</b>")
    assert "<script>" in browser.run("return document.getElementById('article-text').textContent")
    evidence = browser.run("return document.querySelector('#events tbody').textContent")
    assert "<img src=x" in evidence and "<i>Courier</i>" in evidence
    browser.screenshot(SHOTS / "hostile-article.png")


def test_filters_live_in_the_url_and_background_events_hide_by_default(site):
    browser, base = site
    count = open_view(browser, base + "/?country=Ukraine")
    assert "of 1 " in count + " " and "background events hidden" in count
    assert browser.run("return document.getElementById('f-country').value") == "Ukraine"
    browser.click("input[name=historical]")
    count = browser.wait("const c = document.getElementById('events-count').textContent;"
                         "return c.includes('of 2') ? c : null;", what="background events shown")
    assert "historical=1" in browser.url and "country=Ukraine" in browser.url
    assert "2014" in browser.run("return document.querySelector('#events tbody').textContent")
    browser.screenshot(SHOTS / "country-filter.png")


def test_clicking_an_actor_filters_the_view(site):
    browser, base = site
    open_view(browser, base + "/")
    browser.wait("return document.querySelectorAll('#actors tbody button').length > 0", what="top actors")
    browser.run("[...document.querySelectorAll('#actors tbody button')]"
                ".find(b => b.textContent === 'Joe Biden').click()")
    browser.wait("return location.search.includes('actor=joe-biden') && "
                 "document.getElementById('events-count').textContent.includes('of 1')", what="the actor filter")
    assert browser.run("return document.getElementById('f-actor').value") == "joe-biden"


def test_a_bad_country_is_explained_beside_its_field(site):
    browser, base = site
    open_view(browser, base + "/")
    browser.type("#f-country", "Atlantis")
    browser.click("#filters button[type=submit]")
    message = browser.wait("const e = document.getElementById('err-country');"
                           "return !e.hidden && e.textContent", what="the country error")
    assert "“Atlantis” is not a country" in message
    assert browser.run("return document.getElementById('f-country').getAttribute('aria-invalid')") == "true"
    browser.screenshot(SHOTS / "bad-country.png")


def test_the_latest_filter_wins(site):
    browser, base = site
    open_view(browser, base + "/")
    browser.run("const form = document.getElementById('filters');"
                "form.elements.country.value = 'USA'; form.requestSubmit();"
                "form.elements.country.value = 'UKR'; form.requestSubmit();")
    browser.wait("return document.getElementById('events-count').textContent.includes('of 1')", what="UKR view")
    assert browser.run("return document.querySelector('#events tbody').textContent").count("ASSAULT") == 1
    assert "country=UKR" in browser.url


def test_the_map_shades_countries_by_events_and_a_country_filters(site):
    browser, base = site
    open_view(browser, base + "/?historical=1")
    shapes = browser.wait("const n = document.querySelectorAll('#map path.country').length; return n > 150 && n",
                          what="the country shapes")
    assert shapes >= 170  # Natural Earth 110m, Antarctica left out
    shade = "return document.querySelector(`#map path[data-country='${arguments[0]}']`).getAttribute('class')"
    assert browser.run(shade, "RUS") == "country c5"  # the most events: every event involves Russia
    assert browser.run(shade, "UKR") != "country c0" and browser.run(shade, "BRA") == "country c0"
    assert "Russia" in browser.run("return document.querySelector('#countries-table tbody').textContent")
    browser.screenshot(SHOTS / "map.png")
    browser.run("document.querySelector(\"#map path[data-country='USA']\")"
                ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    browser.wait("return location.search.includes('country=USA') && "
                 "document.getElementById('events-count').textContent.includes('of 1')", what="the USA filter")
    # the map is redrawn from its own request, which may land after the events count
    browser.wait(shade.replace("return ", "return 'country c5 selected' === ", 1), "USA", what="the USA shade")
    assert "CONSULT" in browser.run("return document.querySelector('#events tbody').textContent")
