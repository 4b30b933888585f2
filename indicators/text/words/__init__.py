"""Words in Vietnamese and English, one module per feature; indicators.text.i18n merges them."""
