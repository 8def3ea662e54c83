"""Event dates: periods, lead-paragraph news and background."""
from __future__ import annotations

import datetime as dt

from tidings.stages.events import timing


def test_period_end_of_timeml_values():
    assert timing.period_end("2008") == dt.date(2008, 12, 31)
    assert timing.period_end("2021-02") == dt.date(2021, 2, 28)
    assert timing.period_end("2021-12-29") == dt.date(2021, 12, 29)
    assert timing.period_end("2021-W52") == dt.date(2022, 1, 2)
    assert timing.period_end("PXY") is None


def test_dated_last_week_is_news_and_old_year_is_history(build_doc):
    doc = build_doc("Somali troops attacked al-Shabaab bases on Monday. In 2011 Kenyan troops invaded Somalia.",
                    published="2021-12-30", until="events")
    recent, old = sorted(doc.events, key=lambda e: e.trigger.start)
    assert (recent.date, recent.historical) == ("2021-12-27", False)
    assert (old.date, old.date_precision, old.historical) == ("2011", "year", True)


def test_undated_event_outside_the_lead_stays_undated(build_doc):
    text = ("Officials met in Mogadishu on Monday.\n\nAnalysts said talks were slow.\n\n"
            "Turkish drones struck militant positions near Kismayo.")
    doc = build_doc(text, published="2021-12-30", until="events")
    (strike,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert strike.date is None and strike.date_precision == "unknown" and not strike.historical
