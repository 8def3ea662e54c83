"""axe-core (vendored in tests/web/vendor/axe-core, MPL-2.0; injected by the test, never served) on every view
of the dashboard: no serious or critical violation. The full report of each view goes to
tests/web/screenshots/axe-<view>.json."""
import json
from pathlib import Path

import pytest

from tests.web.conftest import IDS, SHOTS

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
READY = {  # each view, and what shows it is drawn
    "overview": ("/?historical=1", "document.querySelectorAll('#map path.country').length > 150 && "
                                   "document.getElementById('events-count').textContent.includes(' of ')"),
    "article": ("/?article=" + IDS["talks"].replace("/", "%2F"),
                "!document.getElementById('article').hidden && "
                "document.getElementById('article-text').textContent.length > 0"),
    "actor": ("/?historical=1#/actor/russia", "document.querySelectorAll('#network a').length > 0 && "
                                               "document.getElementById('quotes-about-count').textContent"),
    "quotes": ("/#/quotes", "document.getElementById('quotes-count').textContent.includes(' of ')"),
    "bad-filter": ("/?country=Atlantis", "!document.getElementById('err-country').hidden"),
}
SERIOUS = ("serious", "critical")


def axe_report(browser) -> dict:
    """Inject axe-core into the page and run it on the whole document (every rule axe has for WCAG A/AA and best
    practices); the result's violations."""
    browser.run("document.querySelectorAll('details').forEach(d => d.open = true)")  # the tables beside charts
    browser.run(AXE.read_text(encoding="utf-8"))
    browser.timeouts(60_000)
    return browser.run_async(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "  nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}))}))"
        ".catch(e => done({error: String(e)}));")


@pytest.mark.parametrize("view", list(READY))
def test_no_serious_accessibility_violations(site, view):
    browser, base = site
    path, ready = READY[view]
    browser.get("about:blank")  # a fresh document for each view (a fragment alone would not load one)
    browser.get(base + path)
    browser.wait(f"return {ready}", what=f"the {view} view")
    report = axe_report(browser)
    assert "error" not in report, report
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"axe-{view}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
               for v in report["violations"] if v["impact"] in SERIOUS]
    assert serious == []
