"""The side panel's Markdown: an overview, or one stop with its meetings, escaped."""

from dataclasses import replace
from datetime import date

import pytest

from itinerary.dashboard.panel import md, overview, stop_details


@pytest.mark.parametrize(("text", "shown"), [
    ("$240 million", r"\$240 million"),
    ("**bold** <b>x</b>", r"\*\*bold\*\* \<b\>x\</b\>"),
    ("[a](javascript:alert(1))", r"\[a\]\(javascript\:alert\(1\)\)"),
    (":red[x]", r"\:red\[x\]"),
])
def test_markdown_from_data_is_escaped(text, shown):
    assert md(text) == shown


def test_overview_summarises_the_visible_trip(trip, located_trip):
    text = overview(located_trip)
    assert text.startswith("**3–7 Oct 2022** · 3 stops in 3 countries · 10 meetings  \n")
    assert "About 6,688 km travelled between them." in text
    assert "3. **Lima, Peru**, 6–7 Oct 2022" in text
    assert "Widen the date range" in overview(trip.between(date(2023, 1, 1), date(2023, 1, 1)))


def test_stop_details_list_each_meeting(located_trip):
    text = stop_details(located_trip, located_trip.stop("lima"))
    assert text.startswith("### 3. Lima, Peru\n**6–7 Oct 2022**")
    assert "#### Meetings (4)" in text
    assert "**Pedro Castillo, President of Peru** · 6 Oct 2022" in text
    assert "> “very productive” — Pedro Castillo" in text
    assert r"\$240 million" in text


def test_stop_details_say_when_a_place_is_approximate(located_trip):
    lima = replace(located_trip.stop("lima"), precision="country")
    assert "placed at the country's centre" in stop_details(located_trip, lima)


def test_the_overview_counts_only_what_is_shown(located_trip):
    text = overview(located_trip.between(date(2022, 10, 5), date(2022, 10, 5)))
    assert text.startswith("**5 Oct 2022** · 1 stop in 1 country · 2 meetings")
    assert "2. **Santiago, Chile**, 5 Oct 2022" in text
