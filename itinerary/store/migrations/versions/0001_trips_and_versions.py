"""Trips and their versions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trips",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("key_digest", sa.String(64), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "versions",
        sa.Column("trip_id", sa.String(32), sa.ForeignKey("trips.id"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("saved", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("stops_csv", sa.Text, nullable=False),
        sa.Column("meetings_csv", sa.Text, nullable=False),
        sa.Column("stops", sa.Integer, nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("versions")
    op.drop_table("trips")
