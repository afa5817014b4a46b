"""Saved trips on both back-ends: create, open, save, stale saves, access, history,
restore, new keys, limits, and twenty processes saving one trip at once."""

import multiprocessing
from dataclasses import replace

import pytest

from itinerary.config import SEED_MEETINGS, SEED_STOPS
from itinerary.errors import AccessError, DataError, StaleError
from itinerary.model import Stop, Trip
from itinerary.sources.stops import load_trip
from itinerary.store import open_store
from itinerary.store.saved import NOT_ALLOWED


@pytest.fixture(scope="module")
def seed() -> Trip:
    return load_trip(SEED_STOPS, SEED_MEETINGS, title="Seed <b>*x*</b>")


def shorter(trip: Trip) -> Trip:
    return replace(trip, stops=trip.stops[:2],
                   meetings=tuple(m for m in trip.meetings if m.stop_id != "lima"))


def test_a_saved_trip_opens_as_it_was_saved(store, seed):
    saved = store.create(seed, origin="the built-in trip")
    assert len(saved.trip_id) == 24 and len(saved.key) == 32 and saved.version == 1
    opened = store.open(saved.trip_id)
    assert opened.trip == seed and opened.trip.title == "Seed <b>*x*</b>"
    assert [m.with_ for m in opened.trip.meetings] == [m.with_ for m in seed.meetings]
    assert (opened.latest, opened.version.number, opened.version.origin) == (
        1, 1, "the built-in trip")


def test_each_save_is_a_new_version_and_nothing_is_overwritten(store, seed):
    saved = store.create(seed, origin="upload")
    assert store.save(saved.trip_id, saved.key, shorter(seed), base=1, origin="edit") == 2
    assert store.open(saved.trip_id).latest == 2
    assert store.open(saved.trip_id, 1).trip == seed  # the first is still there
    assert [s.stop_id for s in store.open(saved.trip_id, 2).trip.stops] == ["bogota",
                                                                            "santiago"]


def test_a_save_from_an_old_version_is_refused(store, seed):
    saved = store.create(seed, origin="upload")
    store.save(saved.trip_id, saved.key, shorter(seed), base=1, origin="edit")
    with pytest.raises(StaleError) as caught:
        store.save(saved.trip_id, saved.key, seed, base=1, origin="edit")
    assert str(caught.value) == (
        "version 2 was saved since you opened version 1; your edits are still in the "
        "tables: save them as a copy, or reload the latest version")
    assert caught.value.latest == 2 and store.open(saved.trip_id).latest == 2


@pytest.mark.parametrize("which", ["none", "wrong", "old", "other trip's"])
def test_a_change_without_the_trips_own_key_is_refused(store, seed, which):
    saved = store.create(seed, origin="upload")
    other = store.create(seed, origin="upload")
    key = {"none": None, "wrong": "x" * 32, "old": saved.key,
           "other trip's": other.key}[which]
    if which == "old":
        store.new_key(saved.trip_id, saved.key)
    for change in (lambda: store.save(saved.trip_id, key, seed, base=1, origin="x"),
                   lambda: store.history(saved.trip_id, key),
                   lambda: store.restore(saved.trip_id, key, 1, base=1),
                   lambda: store.new_key(saved.trip_id, key)):
        with pytest.raises(AccessError) as caught:
            change()
        assert str(caught.value) == NOT_ALLOWED
    assert not store.can_edit(saved.trip_id, key)
    assert store.open(saved.trip_id).latest == 1


def test_history_tells_what_changed_and_a_restore_is_a_new_version(store, seed):
    saved = store.create(seed, origin="article")
    store.save(saved.trip_id, saved.key, shorter(seed), base=1, origin="edit")
    moved = replace(seed, stops=(replace(seed.stops[0], place="Medellín"), *seed.stops[1:]))
    store.save(saved.trip_id, saved.key, moved, base=2, origin="edit")
    assert store.restore(saved.trip_id, saved.key, 1, base=3) == 4
    history = store.history(saved.trip_id, saved.key)
    assert [(v.number, v.stops, v.changes) for v in history] == [
        (4, 3, "restored version 1"),
        (3, 3, "stops: 1 added, 1 edited; meetings: 4 added"),
        (2, 2, "stops: 1 removed; meetings: 4 removed"),
        (1, 3, "first version")]
    assert store.open(saved.trip_id).trip == seed


def test_a_new_key_replaces_the_old(store, seed):
    saved = store.create(seed, origin="upload")
    fresh = store.new_key(saved.trip_id, saved.key)
    assert fresh != saved.key
    assert store.can_edit(saved.trip_id, fresh) and not store.can_edit(saved.trip_id,
                                                                        saved.key)


@pytest.mark.parametrize("trip_id", ["nope", "0" * 24, "../../etc", "", "x" * 500])
def test_no_such_trip_opens_as_none(store, trip_id):
    assert store.open(trip_id) is None and not store.can_edit(trip_id, "k")


def test_a_trip_over_five_megabytes_is_refused(store, seed):
    stop = seed.stops[0]
    big = Trip(tuple(replace(stop, stop_id=f"s{i}", summary="x" * 1000)
                     for i in range(6000)), title="big")
    with pytest.raises(DataError) as caught:
        store.create(big, origin="upload")
    assert str(caught.value) == ("the trip: is 6.0 MB as CSV; expected at most 5 MB to "
                                 "save")


def _saver(url: str, trip_id: str, key: str, times: int, results) -> None:
    try:
        results.put(_saves(url, trip_id, key, times))
    except Exception as exc:  # told to the test at once, not after its queue's timeout
        results.put(exc)


def _saves(url: str, trip_id: str, key: str, times: int) -> tuple[list[int], int]:
    store = open_store(url)
    landed, refused = [], 0
    for _ in range(times):
        opened = store.open(trip_id)
        trip = replace(opened.trip, stops=(*opened.trip.stops[:1], replace(
            opened.trip.stops[1], summary=f"v{opened.latest + 1}"), *opened.trip.stops[2:]))
        try:
            landed.append(store.save(trip_id, key, trip, base=opened.latest, origin="race"))
        except StaleError:
            refused += 1
    return landed, refused


def test_twenty_processes_saving_at_once_lose_nothing_and_duplicate_nothing(store_url,
                                                                            seed):
    store = open_store(store_url)
    saved = store.create(seed, origin="race")
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_saver, args=(store_url, saved.trip_id, saved.key, 10,
                                                    results)) for _ in range(20)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert [o for o in outcomes if isinstance(o, Exception)] == []
    landed = sorted(n for numbers, _ in outcomes for n in numbers)
    assert sum(len(n) for n, _ in outcomes) + sum(r for _, r in outcomes) == 200
    assert landed == list(range(2, len(landed) + 2))  # none lost, none twice
    history = store.history(saved.trip_id, saved.key)
    assert [v.number for v in history] == list(range(len(landed) + 1, 0, -1))
    for number in landed:  # each version holds what its save sent
        assert store.open(saved.trip_id, number).trip.stops[1].summary == f"v{number}"


def test_stops_keep_their_extra_columns(store):
    trip = Trip((Stop("a", "Lima", "Peru", *[__import__("datetime").date(2022, 1, 1)] * 2,
                      extra={"evidence": "She = went", "traveler": "+X"}),), title="t")
    saved = store.create(trip, origin="article")
    assert store.open(saved.trip_id).trip.stops[0].extra == {"evidence": "She = went",
                                                             "traveler": "+X"}
