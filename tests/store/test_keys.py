"""Ids and edit keys: random, long enough, stored as digests, compared in constant time."""

import pytest

from itinerary.store import keys


def test_ids_and_keys_are_random_and_long_enough():
    ids = {keys.new_id() for _ in range(1000)}
    made = {keys.new_key() for _ in range(1000)}
    assert len(ids) == len(made) == 1000
    assert all(len(i) == 24 and int(i, 16) >= 0 for i in ids)  # 96 bits, hex
    assert all(len(k) == 32 for k in made)  # 192 bits, URL-safe base64


def test_only_a_digest_is_kept_and_it_matches_its_key_alone():
    key = keys.new_key()
    stored = keys.digest(key)
    assert key not in stored and len(stored) == 64
    assert keys.matches(key, stored)
    assert not keys.matches(key[:-1] + ("A" if key[-1] != "A" else "B"), stored)
    assert not keys.matches(None, stored) and not keys.matches("", keys.digest(""))


@pytest.mark.parametrize(("token", "fits"), [
    ("5be38df7a98d4f77e001cbe8", True), ("8yJI28so2wx-_35t", True), ("", False),
    (None, False), ("../x", False), ("a b", False), ("x" * 65, False), ("é", False),
])
def test_a_links_text_is_checked_before_any_lookup(token, fits):
    assert keys.well_formed(token) is fits
