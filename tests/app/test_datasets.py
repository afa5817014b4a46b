"""The data a page shows, and its identity."""

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from itinerary.config import BUNDLED_TRAVELS_DIR
from itinerary.dashboard.choices import RecordChoice
from itinerary.errors import DataError
from itinerary.sources.records import import_folder
from itinerary_app.datasets import compared_dataset, record_dataset


@pytest.fixture(scope="module")
def bundled():
    return import_folder(BUNDLED_TRAVELS_DIR)


def test_a_record_trip_is_keyed_by_its_source_traveller_and_day(bundled):
    one = record_dataset(bundled, "bundled:x", RecordChoice("rubio-marco", "2025-02-01"),
                         linkable=True)
    assert one.key == "record:bundled:x:rubio-marco:2025-02-01"
    assert one.trip.title == "Rubio · Central America, Feb 2025"
    assert (one.record, one.browsable, one.private) == (
        (RecordChoice("rubio-marco", "2025-02-01"),), True, False)
    upload = record_dataset(bundled, "abc", RecordChoice("rubio-marco", "all"), linkable=False)
    assert upload.record == () and not upload.browsable
    assert upload.trip.first_day == date(2025, 2, 1)


def test_a_trip_the_record_lacks_is_an_error_not_a_blank_page(bundled):
    with pytest.raises(DataError) as caught:
        record_dataset(bundled, "bundled:x", RecordChoice("rubio-marco", "1999-01-01"),
                       linkable=True)
    assert str(caught.value) == "bundled:x: holds no trip of rubio-marco starting 1999-01-01"


def test_trips_compared_count_and_are_keyed_by_each(bundled):
    choices = [RecordChoice("blinken-antony-j", "2022-10-03"),
               RecordChoice("rubio-marco", "2025-02-01")]
    both = compared_dataset(bundled, choices)
    assert both.compared == 2 and both.record == tuple(choices)
    assert both.key == "record:compare:blinken-antony-j@2022-10-03,rubio-marco@2025-02-01"


def uploading():
    import streamlit as st

    from itinerary_app.datasets import csv_dataset

    data = b"place,country,start_date\nLima,Peru,2022-10-06\n"
    shared = csv_dataset(data, "a.csv", None, None, "A")
    mine = csv_dataset(data, "a.csv", None, None, "A", private=True)
    st.write(f"{shared.key == mine.key} {shared.private} {mine.private} "
             f"{mine.trip.stops[0].place}")


def test_an_upload_is_the_users_own_the_servers_files_are_shared():
    at = AppTest.from_function(uploading).run()
    assert [m.value for m in at.markdown] == ["True False True Lima"]
    assert at.session_state["memo::upload"][1].stops[0].place == "Lima"
