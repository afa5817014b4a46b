"""The tables the code uses are the tables the migrations make, on both back-ends."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from itinerary.store import database
from itinerary.store.schema import metadata


def test_the_migrations_make_the_schema(store_url):
    engine = database.connect(store_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []
