"""Words in Vietnamese and English, one module per feature; indicators.i18n merges them."""
