"""Alembic's environment: runs the revisions on the connection indicators.store.migrate hands over."""

from __future__ import annotations

from alembic import context

# indicators.store.migrate passes an open connection inside a transaction (with the write lock taken):
# every revision of one upgrade runs in that transaction, so a failure leaves the store as it was.
connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=None,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table instead
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
