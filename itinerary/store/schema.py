"""The store's tables, in SQLAlchemy Core: a trip, and its versions.

A version is never changed once written: a save adds one, numbered one past the version it
started from, and the primary key (trip, number) lets only one save take each number. A
trip's row holds the digest of its edit key, which a new key replaces.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

trips = Table(
    "trips", metadata,
    Column("id", String(32), primary_key=True),
    Column("key_digest", String(64), nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
)

versions = Table(
    "versions", metadata,
    Column("trip_id", String(32), ForeignKey("trips.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("saved", DateTime(timezone=True), nullable=False),
    Column("title", Text, nullable=False),
    Column("origin", Text, nullable=False),  # where it came from: an article, an upload…
    Column("stops_csv", Text, nullable=False),
    Column("meetings_csv", Text, nullable=False),
    Column("stops", Integer, nullable=False),
    Column("changes", Text, nullable=False),  # what changed since the version before
)
