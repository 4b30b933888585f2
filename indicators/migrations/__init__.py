"""Alembic revisions of the store's schema: the baseline release, then one file per change."""
