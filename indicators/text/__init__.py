"""Words: vi/en word tables, numbers as people write them, labels, tables and cards."""
