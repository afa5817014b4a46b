"""The side panel's Markdown: an overview, or one stop with its meetings, escaped."""

import re
from dataclasses import replace
from datetime import date

from itinerary.dashboard.panel import overview, stop_details, topic_counts


def test_overview_summarises_the_visible_trip(trip, located_trip):
    text = overview(located_trip)
    assert text.startswith("**3–7 Oct 2022** · 3 stops in 3 countries · 10 meetings  \n")
    assert "About 6,688 km travelled between them." in text
    assert "3. **Lima, Peru**, 6–7 Oct 2022" in text
    assert "Widen the date range" in overview(trip.between(date(2023, 1, 1), date(2023, 1, 1)))


def seen(markdown):
    """Escaped Markdown as the reader sees it: each backslash escape as its character."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_stop_details_list_each_meeting(located_trip):
    raw = stop_details(located_trip, located_trip.stop("lima"))
    text = seen(raw)
    assert text.startswith("### 3. Lima, Peru\n**6–7 Oct 2022**")
    assert "#### Meetings (4)" in text
    assert "**Pedro Castillo, President of Peru** · 6 Oct 2022" in text
    assert "> “very productive” — Pedro Castillo" in text
    assert r"\$240 million" in raw


def test_stop_details_say_when_a_place_is_approximate(located_trip):
    lima = replace(located_trip.stop("lima"), precision="country")
    assert ("Map position placed at the country's centre: the place itself was not found."
            in seen(stop_details(located_trip, lima)))


def test_the_overview_counts_only_what_is_shown(located_trip):
    text = overview(located_trip.between(date(2022, 10, 5), date(2022, 10, 5)))
    assert text.startswith("**5 Oct 2022** · 1 stop in 1 country · 2 meetings")
    assert "2. **Santiago, Chile**, 5 Oct 2022" in text


def test_a_stop_says_how_it_was_reached(located_trip):
    assert "**6–7 Oct 2022**  \nFrom Santiago: about 2,459 km, the next day" in seen(
        stop_details(located_trip, located_trip.stop("lima")))
    assert "From " not in stop_details(located_trip, located_trip.stop("bogota"))


def test_meetings_follow_the_chosen_dates_and_undated_ones_say_so(located_trip):
    shown = located_trip.between(date(2022, 10, 7), date(2022, 10, 7))
    text = stop_details(located_trip, located_trip.stop("lima"), shown)
    assert "#### Meetings (3)" in text and "Pedro Castillo, President" not in text
    assert "**César Landa, Foreign Minister of Peru** · _date not given_" in text


def test_a_kept_maker_of_cards_gives_each_stop_the_card_made_anew(located_trip):
    from itinerary.dashboard.cards import Cards

    shown = located_trip.between(date(2022, 10, 5), date(2022, 10, 7))
    made = Cards(located_trip, shown)
    for stop_id in ("santiago", "lima", "santiago"):  # the second card from what it learnt
        stop = located_trip.stop(stop_id)
        assert stop_details(located_trip, stop, shown, made) == stop_details(
            located_trip, stop, shown)


def test_a_record_stop_shows_its_traveller_and_a_note_of_its_source():
    from itinerary.model import Stop, Trip

    stop = Stop("4089", "Bogota", "Colombia", date(2022, 10, 3), date(2022, 10, 4),
                summary="Met President Petro.",
                extra={"traveler": "Antony John Blinken", "role": "secretary",
                       "trip": "2022-10 Colombia, Chile, Peru", "source_id": "4089",
                       "note": "kept"})
    text = stop_details(Trip((stop,)), stop)
    assert "**Traveller:** Antony John Blinken, Secretary of State" in text
    assert "- **note:** kept" in text
    assert "traveler" not in text and "source\\_id" not in text and "2022\\-10" not in text
    assert seen(text).endswith("_Record 4089 of the Office of the Historian's travels._")


def test_topics_are_counted_for_what_is_shown(located_trip):
    assert topic_counts(located_trip)[:2] == [("migration", 4), ("diplomacy", 4)]
    assert topic_counts(located_trip.between(date(2022, 10, 5), date(2022, 10, 5))) == [
        ("trade", 2), ("democracy and human rights", 1), ("climate", 1), ("diplomacy", 1)]
