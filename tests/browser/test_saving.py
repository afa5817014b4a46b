"""Saving and sharing in a real browser: save a trip, open its edit link in another
window, edit and save a version, see the history and restore; two windows saving at once;
and two servers sharing one PostgreSQL, a trip saved in one opened by its link in the
other."""

from __future__ import annotations

import re

import pytest
from playwright import sync_api as playwright

from tests.browser.conftest import TIMEOUT_MS, Visit
from tests.browser.test_article import edit_cell, markers
from tests.postgres_server import Postgres
from tests.streamlit_server import Server

pytestmark = pytest.mark.browser
expect = playwright.expect


def sidebar(visit):
    return visit.page.get_by_test_id("stSidebar")


def save_panel(visit):
    """The sidebar's Save and share, opened."""
    panel = sidebar(visit).get_by_test_id("stExpander").filter(has_text="Save and share")
    if panel.locator("details[open]").count() == 0:
        panel.locator("summary").click()
    return panel


def save_new(visit) -> tuple[str, str]:
    """Save the trip shown; its view link and edit link, as the panel shows them."""
    save_panel(visit).get_by_role("button", name=re.compile("^Save (and share|as a new trip)$")
                                  ).click()
    view = sidebar(visit).get_by_label("View link")
    expect(view).to_have_value(re.compile(r"\?saved=[0-9a-f]{24}$"))
    return view.input_value(), sidebar(visit).get_by_label("Edit link").input_value()


def save_version(visit) -> None:
    save_panel(visit).get_by_role("button", name="Save a new version").click()


def caption(visit, text):
    """A line of the Save and share panel, the panel opened to read it."""
    return save_panel(visit).get_by_text(text)


def test_save_open_by_link_edit_history_and_restore(server, browser):
    first, second = Visit(browser), Visit(browser)
    try:
        first.open(server.url)
        view, edit = save_new(first)
        assert edit.startswith(view + "&key=")
        second.open(edit)
        expect(markers(second)).to_have_count(3)
        second.settled()
        edit_cell(second, 2, 2, "Lima", "Cusco")
        expect(second.frame.get_by_role("button", name=re.compile(r"^3\. Cusco, Peru"))
               ).to_have_count(1)
        second.settled()
        save_version(second)
        expect(caption(second, re.compile(r"^Version 2 of 2\."))).to_be_visible()
        expect(sidebar(second).get_by_test_id("stDataFrame")).to_be_visible()  # the history
        # The view link shows the latest version, read only.
        first.open(view)
        expect(first.frame.get_by_role("button", name=re.compile(r"^3\. Cusco, Peru"))
               ).to_have_count(1)
        expect(caption(first, re.compile("^Read only"))).to_be_visible()
        # Restore version 1 from the edit link's history.
        second.settled()
        opener = sidebar(second).get_by_test_id("stSelectbox").filter(has_text="Open version")
        opener.click()
        second.page.get_by_role("option", name="1", exact=True).click()
        expect(caption(second, re.compile(r"^Version 1 of 2\."))).to_be_visible()
        save_panel(second).get_by_role("button", name="Restore version 1").click()
        expect(caption(second, re.compile(r"^Version 3 of 3\."))).to_be_visible()
        expect(second.frame.get_by_role("button", name=re.compile(r"^3\. Lima, Peru"))
               ).to_have_count(1)
        assert not first.errors and not second.errors
    finally:
        first.close()
        second.close()


def test_two_windows_saving_at_once_lose_nothing(server, browser):
    windows = [Visit(browser) for _ in range(3)]
    try:
        windows[0].open(server.url)
        _, edit = save_new(windows[0])
        one, two = windows[1], windows[2]
        for window in (one, two):
            window.open(edit)
            window.settled()
        edit_cell(one, 0, 2, "Bogotá", "Medellín")
        # The edit is in (the map shows it) before Save is pressed: a run that the edit
        # starts after a first look at the page could otherwise still be under way.
        expect(one.frame.get_by_role("button", name=re.compile(r"^1\. Medellín"))
               ).to_have_count(1)
        one.settled()
        save_version(one)
        expect(caption(one, re.compile(r"^Version 2 of 2\."))).to_be_visible(
            timeout=TIMEOUT_MS)
        edit_cell(two, 2, 2, "Lima", "Cusco")
        expect(two.frame.get_by_role("button", name=re.compile(r"^3\. Cusco, Peru"))
               ).to_have_count(1)
        two.settled()
        save_version(two)
        expect(sidebar(two).get_by_text(re.compile("^version 2 was saved since you opened "
                                                   "version 1"))).to_be_visible()
        # The edits are still there, and go to a copy of their own.
        expect(two.frame.get_by_role("button", name=re.compile(r"^3\. Cusco, Peru"))
               ).to_have_count(1)
        save_panel(two).get_by_role("button", name="Save as a copy").click()
        expect(sidebar(two).get_by_label("View link")).to_have_value(re.compile(r"saved="))
    finally:
        for window in windows:
            window.close()


def test_two_servers_share_one_postgresql(browser):
    database = Postgres()
    servers = []
    visit = Visit(browser)
    try:
        url = database.url()
        servers = [Server(env={"ITINERARY_DATABASE_URL": url}) for _ in range(2)]
        visit.open(servers[0].url)
        view, _ = save_new(visit)
        visit.open(view.replace(servers[0].url, servers[1].url))
        expect(markers(visit)).to_have_count(3)
        expect(caption(visit, re.compile("^Read only"))).to_be_visible()
        assert not visit.errors
    finally:
        visit.close()
        for running in servers:
            running.stop()
        database.stop()
