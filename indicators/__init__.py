"""Tam Đường indicators: the data model, the report's arithmetic and the versioned store."""
