"""Excel: the guard, isolated parsing, workbooks, validation, diff, stale, entry and missing figures."""
