"""The command line: `python -m indicators ...`."""
