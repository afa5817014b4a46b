"""The one ISO date rule, and date ranges as people write them."""

from datetime import date

import pytest

from itinerary.dates import format_range, iso_date
from itinerary.errors import DateError


@pytest.mark.parametrize(("text", "day"), [
    ("2022-10-05", date(2022, 10, 5)),
    ("1800-01-01", date(1800, 1, 1)),
    ("2100-12-31", date(2100, 12, 31)),
])
def test_iso_dates_in_range_are_read(text, day):
    assert iso_date(text) == day


@pytest.mark.parametrize(("text", "reason", "message"), [
    ("Oct 5, 2022", DateError.NOT_ISO, "expected an ISO date like 2022-10-05"),
    ("05/10/2022", DateError.NOT_ISO, "expected an ISO date like 2022-10-05"),
    ("2022-02-30", DateError.NOT_ISO, "expected an ISO date like 2022-10-05"),
    ("20221005", DateError.NOT_ISO, "expected an ISO date like 2022-10-05"),
    ("2022-10-05\n", DateError.NOT_ISO, "expected an ISO date like 2022-10-05"),
    ("", DateError.NOT_ISO, "expected an ISO date like 2022-10-05"),
    ("0202-10-05", DateError.OUT_OF_RANGE, "expected a date between 1800-01-01 and 2100-12-31"),
    ("2101-01-01", DateError.OUT_OF_RANGE, "expected a date between 1800-01-01 and 2100-12-31"),
])
def test_other_texts_are_refused_with_a_reason(text, reason, message):
    with pytest.raises(DateError) as caught:
        iso_date(text)
    assert (caught.value.reason, str(caught.value), caught.value.value) == (reason, message, text)


@pytest.mark.parametrize(("start", "end", "text"), [
    (date(2022, 10, 5), date(2022, 10, 5), "5 Oct 2022"),
    (date(2022, 10, 3), date(2022, 10, 4), "3–4 Oct 2022"),
    (date(2022, 9, 30), date(2022, 10, 2), "30 Sep – 2 Oct 2022"),
    (date(2022, 12, 30), date(2023, 1, 2), "30 Dec 2022 – 2 Jan 2023"),
])
def test_format_range(start, end, text):
    assert format_range(start, end) == text


