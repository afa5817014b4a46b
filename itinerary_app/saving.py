"""Saving and sharing: a trip kept in the store, opened by its view link or its edit link,
with its history of versions.

- Any trip can be saved and shared: Save gives a view link, which anyone may open, and an
  edit link, which holds the secret key and is shown once.
- The edit link opens the tables and saves new versions; a save begun from a version that
  is no longer the latest is refused, the edits staying in the tables, to save as a copy
  or to drop for the latest. A view link, or a wrong or old key, opens the same trip read
  only, and may save it only as a new trip: the store itself refuses the rest.
- The history lists every version and what it changed; any can be opened, and restored as
  a new version. A new key makes the old edit link stop working.

The session keeps the version it opened (`SAVED_LINK["opened"]`), so another person's save
does not replace the trip under one's edits.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from itinerary import config
from itinerary.errors import ItineraryError, StaleError
from itinerary.store import TripStore, open_store
from itinerary.store.keys import well_formed
from itinerary.store.links import KEY, SAVED, VERSION, edit_link, view_link
from itinerary.text import markdown as md
from itinerary_app.datasets import Dataset, SavedRef
from itinerary_app.messages import show_error
from itinerary_app.state import CONFLICT, SAVE_FAILED, SAVE_TOLD, SAVED_LINK, SOURCE

SAVED_SOURCE = "Saved trip"
ANYONE = "Anyone with the edit link can edit this trip. Keep it to yourself, or issue a new key."


def store() -> TripStore:
    """The store, once per server; opening it applies the migrations it lacks."""
    return _store(config.database_url())


@st.cache_resource(show_spinner="Opening the store of saved trips…", max_entries=4)
def _store(url: str) -> TripStore:
    return open_store(url)


def follow_link(params: dict) -> bool:
    """A link's `saved`, `key` and `version`: the saved trip to open. True when it names
    one."""
    trip_id = params.get(SAVED)
    if not isinstance(trip_id, str) or not trip_id:
        return False
    key = params.get(KEY) if isinstance(params.get(KEY), str) else None
    version = params.get(VERSION)
    number = int(version) if isinstance(version, str) and version.isdigit() else None
    SAVED_LINK.set({"id": trip_id, "key": key if well_formed(key) else None,
                    "version": number})
    SOURCE.set(SAVED_SOURCE)
    return True


def link_query() -> dict[str, str]:
    """The parameters that keep the saved trip in the page's URL."""
    link = SAVED_LINK.get()
    if not link or SOURCE.get() != SAVED_SOURCE:
        return {}
    return {SAVED: link["id"], **({KEY: link["key"]} if link.get("key") else {}),
            **({VERSION: str(link["version"])} if link.get("version") else {})}


def saved_dataset() -> Dataset | None:
    """The version of the saved trip the link names: the one this session opened, until
    it saves or reloads."""
    link = SAVED_LINK.get()
    number = link.get("version") or link.get("opened")
    opened = store().open(link["id"], number)
    if opened is None:
        st.warning("There is no saved trip at this link, or it has no such version.")
        return None
    if not link.get("version"):
        link["opened"] = opened.version.number
    return Dataset(f"saved:{link['id']}:{opened.version.number}", opened.trip,
                   saved=SavedRef(link["id"], opened.version.number, opened.latest),
                   origin=opened.version.origin)


def editable(dataset: Dataset) -> bool:
    """Whether this session holds the saved trip's edit key (asked of the store)."""
    link = SAVED_LINK.get()
    return bool(dataset.saved and link and link.get("key")
                and store().can_edit(dataset.saved.trip_id, link["key"]))


def base_url() -> str:
    """The page's own address, where the links lead (`links` drops its query)."""
    try:
        found = st.context.url
    except (AttributeError, RuntimeError):
        found = None
    return found or config.public_url()


def opened_at_start() -> ItineraryError | None:
    """Open the store as the page starts, so its migrations are applied then; a store that
    cannot open is told in the Save and share panel, and the rest of the page works."""
    try:
        store()
    except ItineraryError as exc:
        return exc
    return None


def save_panel(dataset: Dataset, down: ItineraryError | None = None, *,
               can_edit: bool = False) -> None:
    """The sidebar's Save and share: links, saving, the conflict, the history (`can_edit`:
    `editable(dataset)`, asked once per run); or why the store cannot be used (`down`)."""
    told, conflict = SAVE_TOLD.get(), CONFLICT.get()
    with st.sidebar.expander("Save and share", expanded=bool(told or conflict),
                             icon=":material/share:"):
        if down is not None:
            show_error(down)
            return
        _panel(dataset, told, conflict, can_edit)


def _panel(dataset: Dataset, told: dict | None, conflict: str, can_edit: bool) -> None:
    if told:
        _links(told, base_url())
    if conflict:
        st.error(md(conflict))
        row = st.container(horizontal=True)
        row.button("Save as a copy", key="save_copy", on_click=_guarded,
                   args=(_create, dataset))
        row.button("Reload the latest", key="reload_latest", on_click=_guarded,
                   args=(_reload,))
    elif can_edit:
        ref = dataset.saved
        st.caption(f"Version {ref.version} of {ref.latest}. {ANYONE}")
        st.button("Save a new version", key="save_version", type="primary",
                  on_click=_guarded, args=(_save, dataset))
    else:
        if dataset.saved:
            st.caption("Read only: this link has no edit key. Saving makes a new trip "
                       "of your own.")
        st.button("Save as a new trip" if dataset.saved else "Save and share",
                  key="save_new", type="primary", on_click=_guarded,
                  args=(_create, dataset))
    if can_edit:
        _history(dataset)


def _links(told: dict, base_url: str) -> None:
    st.success("Saved. The view link opens the trip for anyone; the edit link lets its "
               "holder change it, and is shown only now.")
    st.text_input("View link", view_link(base_url, told["id"]), key="view_link")
    if told.get("key"):
        st.text_input("Edit link", edit_link(base_url, told["id"], told["key"]),
                      key="edit_link")


def _guarded(action: object, *args: object) -> None:
    """A button's action, its failure told in the panel; the edits stay in the tables."""
    try:
        action(*args)  # type: ignore[operator]
    except StaleError as exc:
        CONFLICT.set(str(exc))
    except ItineraryError as exc:
        SAVE_TOLD.set(None)
        SAVE_FAILED.set(exc)


def _create(dataset: Dataset) -> None:
    saved = store().create(dataset.trip, origin=dataset.origin or "the dashboard")
    _opened(saved.trip_id, saved.key, saved.version)
    SAVE_TOLD.set({"id": saved.trip_id, "key": saved.key})


def _save(dataset: Dataset) -> None:
    link, ref = SAVED_LINK.get(), dataset.saved
    number = store().save(ref.trip_id, link["key"], dataset.trip, base=ref.version,
                          origin=dataset.origin)
    _opened(ref.trip_id, link["key"], number)
    SAVE_TOLD.set(None)


def _opened(trip_id: str, key: str | None, number: int) -> None:
    SAVED_LINK.set({"id": trip_id, "key": key, "version": None, "opened": number})
    SOURCE.set(SAVED_SOURCE)
    CONFLICT.set("")


def _reload() -> None:
    link = SAVED_LINK.get()
    _opened(link["id"], link.get("key"), store().open(link["id"]).latest)


def _history(dataset: Dataset) -> None:
    link, ref = SAVED_LINK.get(), dataset.saved
    versions = store().history(ref.trip_id, link["key"])
    st.markdown("**History**")
    frame = pd.DataFrame([{"Version": v.number, "Saved": v.saved.strftime("%Y-%m-%d %H:%M"),
                           "Stops": v.stops, "What changed": v.changes} for v in versions])
    st.dataframe(frame, hide_index=True, width="stretch", key="history_table",
                 height=min(300, 35 * (len(frame) + 1) + 3))
    numbers = [v.number for v in versions]
    chosen = st.selectbox("Open version", numbers, index=numbers.index(ref.version),
                          key=f"open_version::{ref.trip_id}::{ref.version}")
    if chosen != ref.version:
        link.update(version=None if chosen == numbers[0] else chosen, opened=chosen)
        st.rerun()
    if ref.version != ref.latest:
        st.button(f"Restore version {ref.version}", key="restore_version",
                  on_click=_guarded, args=(_restore, ref))
    st.button("New edit key", key="new_key", on_click=_guarded, args=(_rekey, ref),
              help="The edit link in use stops working; a new one is shown once.")


def _restore(ref: SavedRef) -> None:
    link = SAVED_LINK.get()
    number = store().restore(ref.trip_id, link["key"], ref.version, base=ref.latest)
    _opened(ref.trip_id, link["key"], number)


def _rekey(ref: SavedRef) -> None:
    link = SAVED_LINK.get()
    fresh = store().new_key(ref.trip_id, link["key"])
    _opened(ref.trip_id, fresh, ref.version)
    SAVE_TOLD.set({"id": ref.trip_id, "key": fresh})


def tell_failure() -> None:
    """A save's failure (a database down, a trip too large), told once."""
    exc = SAVE_FAILED.pop()
    if exc is not None:
        show_error(exc)
