"""The view link and the edit link."""

import pytest

from itinerary.store.links import edit_link, view_link


@pytest.mark.parametrize(("base", "version", "link"), [
    ("http://localhost:8501/", None, "http://localhost:8501/?saved=abc"),
    ("https://trips.example", 3, "https://trips.example/?saved=abc&version=3"),
    ("https://trips.example/app/?old=1#x", None, "https://trips.example/app/?saved=abc"),
])
def test_view_link(base, version, link):
    assert view_link(base, "abc", version) == link


def test_edit_link_holds_the_key():
    assert edit_link("http://h/", "abc", "k-_1") == "http://h/?saved=abc&key=k-_1"
