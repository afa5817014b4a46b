"""Saving and sharing through AppTest: save, the view link and the edit link, editing and
saving versions, two editors at once, history and restore, new keys, hostile titles and a
failing database."""

import pytest

from tests.app.driver import app, errors, markers, title
from tests.app.test_article import editing
from tests.app.test_editor import edit

SEED = ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]


@pytest.fixture(autouse=True)
def own_store(monkeypatch, tmp_path):
    monkeypatch.setenv("ITINERARY_DATABASE_URL", f"sqlite:///{tmp_path / 'trips.sqlite'}")


def links(at):
    fields = {t.label: t.value for t in at.sidebar.text_input}
    return fields.get("View link"), fields.get("Edit link")


def saved_built_in():
    at = app().run()
    at.sidebar.button(key="save_new").click().run()
    view, edit_ = links(at)
    return at, view, edit_


def query(link):
    """A link's parameters, as a page opened by it gets them."""
    return dict(part.split("=", 1) for part in link.split("?", 1)[1].split("&"))


def caption(at):
    return " ".join(c.value for c in at.sidebar.caption)


def test_save_gives_a_view_link_and_an_edit_link_and_opens_the_trip_by_it():
    at, view, edit_link = saved_built_in()
    assert not at.exception and not errors(at)
    assert query(edit_link)["saved"] == query(view)["saved"] and len(query(edit_link)["key"]) == 32
    assert at.sidebar.radio[0].value == "Saved trip"
    assert dict(at.query_params) == {"saved": query(view)["saved"],
                                     "key": query(edit_link)["key"]}
    assert markers(at) == SEED
    assert "Version 1 of 1. Anyone with the edit link can edit this trip." in caption(at)


def test_the_view_link_opens_the_trip_read_only():
    _, view, _ = saved_built_in()
    at = app(query(view)).run()
    assert markers(at) == SEED and title(at) == "Blinken · Colombia, Chile and Peru, Oct 2022"
    assert not editing(at).value
    assert "Read only: this link has no edit key." in caption(at)
    assert [b.key for b in at.sidebar.button] == ["save_new"]


@pytest.mark.parametrize("key", ["x" * 32, "<script>", "", "k" * 500])
def test_a_wrong_key_opens_the_trip_read_only_and_tells_nothing_more(key):
    _, view, _ = saved_built_in()
    at = app({**query(view), "key": key}).run()
    assert not errors(at) and markers(at) == SEED
    assert "Read only" in caption(at)


def test_the_edit_link_opens_the_tables_and_saves_versions_with_their_history():
    _, _, edit_link = saved_built_in()
    at = app(query(edit_link)).run()
    assert editing(at).value
    at = edit(at, "stops", {2: {"place": "Cusco"}})
    at.sidebar.button(key="save_version").click().run()
    assert not errors(at)
    assert markers(at)[2] == "3. Cusco, Peru"
    assert "Version 2 of 2." in caption(at)
    (history,) = [d.value for d in at.sidebar.dataframe]
    assert list(history["Version"]) == [2, 1]
    assert list(history["What changed"]) == ["stops: 1 edited", "first version"]


def refused_second_editor():
    """Two sessions open one edit link; the first saves, then the second."""
    _, _, edit_link = saved_built_in()
    first, second = app(query(edit_link)).run(), app(query(edit_link)).run()
    first = edit(first, "stops", {0: {"place": "Medellín"}})
    first.sidebar.button(key="save_version").click().run()
    second = edit(second, "stops", {2: {"place": "Cusco"}})
    second.sidebar.button(key="save_version").click().run()
    return edit_link, second


def test_two_editors_at_once_lose_nothing():
    edit_link, second = refused_second_editor()
    assert errors(second) == [
        "version 2 was saved since you opened version 1; your edits are still in the "
        "tables: save them as a copy, or reload the latest version"]
    assert markers(second)[2] == "3. Cusco, Peru"  # the edits are still there
    second.sidebar.button(key="save_copy").click().run()
    copy, _ = links(second)
    assert query(copy)["saved"] != query(edit_link)["saved"]
    assert markers(second)[2] == "3. Cusco, Peru" and not errors(second)
    again = app(query(edit_link)).run()
    assert markers(again)[0] == "1. Medellín, Colombia"  # the first editor's version


def test_reload_the_latest_after_a_refusal():
    _, second = refused_second_editor()
    second.sidebar.button(key="reload_latest").click().run()
    assert markers(second) == ["1. Medellín, Colombia", *SEED[1:]]
    assert "Version 2 of 2." in caption(second) and not errors(second)


def test_an_old_version_opens_and_is_restored_as_a_new_one():
    _, _, edit_link = saved_built_in()
    at = app(query(edit_link)).run()
    at = edit(at, "stops", {2: {"place": "Cusco"}})
    at.sidebar.button(key="save_version").click().run()
    at.sidebar.selectbox(key=next(s.key for s in at.sidebar.selectbox
                                  if s.label == "Open version")).set_value(1).run()
    assert markers(at) == SEED and "Version 1 of 2." in caption(at)
    at.sidebar.button(key="restore_version").click().run()
    assert markers(at) == SEED and "Version 3 of 3." in caption(at)


def test_an_older_version_opens_by_its_link():
    _, view, edit_link = saved_built_in()
    at = app(query(edit_link)).run()
    at = edit(at, "stops", {2: {"place": "Cusco"}})
    at.sidebar.button(key="save_version").click().run()
    assert markers(app({**query(view), "version": "1"}).run()) == SEED
    assert markers(app(query(view)).run())[2] == "3. Cusco, Peru"


def test_a_new_key_makes_the_old_edit_link_read_only():
    _, _, edit_link = saved_built_in()
    at = app(query(edit_link)).run()
    at.sidebar.button(key="new_key").click().run()
    _, fresh = links(at)
    assert query(fresh)["key"] != query(edit_link)["key"]
    assert "Read only" in caption(app(query(edit_link)).run())
    assert "Version 1 of 1." in caption(app(query(fresh)).run())


def test_no_trip_at_the_link_is_told():
    at = app({"saved": "0" * 24}).run()
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "There is no saved trip at this link, or it has no such version."]


def test_a_hostile_title_is_escaped_when_opened_by_its_link(monkeypatch):
    at = app().run()
    at.sidebar.radio[0].set_value("Itinerary CSV").run()
    at.sidebar.file_uploader[0].set_value(("**x** [l](http://e) · z.csv",
                                           b"place,country,start_date\nLima,Peru,2022-10-06\n",
                                           "text/csv")).run()
    at.sidebar.button(key="save_new").click().run()
    view, _ = links(at)
    again = app(query(view)).run()
    # Who comes from before the " · " of the title kept: escaped, then where and when.
    assert again.title[0].value == r"\*\*x\*\* \[l\]\(http\://e\) · Peru, Oct 2022"


def test_a_store_that_cannot_open_is_told_in_its_panel_and_the_page_works(monkeypatch,
                                                                          tmp_path):
    (tmp_path / "damaged.sqlite").write_bytes(b"not a database" * 500)
    monkeypatch.setenv("ITINERARY_DATABASE_URL", f"sqlite:///{tmp_path / 'damaged.sqlite'}")
    at = app().run()
    assert not at.exception and markers(at) == SEED
    assert errors(at) == ["the database could not be opened: its file is damaged"]
    assert not at.sidebar.button


def test_a_failing_database_is_told_and_the_edits_stay(monkeypatch, tmp_path):
    _, _, edit_link = saved_built_in()
    at = app(query(edit_link)).run()
    at = edit(at, "stops", {2: {"place": "Cusco"}})
    path = tmp_path / "trips.sqlite"
    monkeypatch.setenv("ITINERARY_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    at.sidebar.button(key="save_version").click().run()
    assert not at.exception
    assert errors(at) == ["the database could not save: it is read-only"]
    assert markers(at)[2] == "3. Cusco, Peru"
