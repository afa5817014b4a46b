"""The printable brief: the trip's title, dates, map, stops table and meetings, escaped."""

from datetime import date

import pytest

from itinerary.dashboard.brief import STOPS_LISTED, brief_html
from itinerary.model import Meeting, Stop, Trip


def test_title_dates_map_table_and_meetings(located_trip):
    html = brief_html(located_trip, b"\x89PNG")
    assert html.startswith("<h1>Itinerary</h1>"
                           "<p class='brief-dates'>3–7 Oct 2022 · 3 stops in 3 countries · "
                           "10 meetings</p><img class='brief-map'")
    assert "src='data:image/png;base64,iVBORw=='" in html
    assert html.count("<tr>") == 4  # the header and three stops
    assert "<td>2</td><td>Santiago, Chile</td><td>5 Oct 2022</td><td class='km'>4,229 km</td>" \
        in html
    assert html.count("<section class='brief-stop'>") == 3
    assert "<b>Pedro Castillo, President of Peru</b> · 6 Oct 2022" in html


@pytest.mark.parametrize("evil", ["<script>alert(1)</script>", "' onerror='x", "&amp;"])
def test_every_text_is_escaped(evil):
    trip = Trip((Stop("a", evil, "Peru", date(2022, 1, 1), date(2022, 1, 1)),),
                meetings=(Meeting("a", None, evil, summary=evil, quote=evil, quote_by=evil),),
                title=evil)
    html = brief_html(trip, None)
    assert evil not in html.replace("&amp;amp;", "")
    assert "<img" not in html


def test_no_stops_says_so():
    assert brief_html(Trip((), title="T"), None) == (
        "<h1>T</h1><p>No stops fall within the chosen dates.</p>")


def test_a_long_trip_lists_its_first_stops_and_counts_the_rest():
    stops = tuple(Stop(f"s{i}", f"P{i}", "Peru", date(2022, 1, 1), date(2022, 1, 1))
                  for i in range(STOPS_LISTED + 5))
    html = brief_html(Trip(stops), None)
    assert html.count("<tr>") == STOPS_LISTED + 1
    assert html.endswith("<p>…and 5 more stops; narrow the dates to print them.</p>")
