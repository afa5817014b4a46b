"""The store of saved trips: kept in a real database, shared by a view link and a secret
edit link, every version kept.

`open_store()` connects to ITINERARY_DATABASE_URL (SQLite in the user's data folder by
default, PostgreSQL when it names one), applies the migrations the database lacks, and
returns a `TripStore`. The modules: `database` (engines, migrations, failures), `schema`
(the tables), `keys` (ids and edit keys), `changes` (what a version changed), `saved` (the
store's operations).
"""

from __future__ import annotations

from itinerary.store.database import connect
from itinerary.store.saved import Opened, Saved, TripStore, Version

__all__ = ["Opened", "Saved", "TripStore", "Version", "open_store"]


def open_store(url: str | None = None) -> TripStore:
    return TripStore(connect(url))
