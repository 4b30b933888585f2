"""The store: versions, migrations, backup, seed, accounts, sessions and passwords."""

# The rounds' tables join the store's one MetaData on any import of the store, so the schema check
# (the model against the newest revision) and every reader see the whole schema.
from indicators.store import round_tables as round_tables
from indicators.store import thread_tables as thread_tables
