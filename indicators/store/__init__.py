"""The store: versions, migrations, backup, seed, accounts, sessions and passwords."""
