"""Alembic environment: one history for SQLite and PostgreSQL (batch mode on SQLite)."""

from alembic import context

from persistence.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
