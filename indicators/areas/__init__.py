"""Areas: the hierarchy, official lists, dates of change, adding up children and comparing them."""
