"""Words in Vietnamese and English, one module per set of key prefixes; indicators.text.i18n merges them."""
