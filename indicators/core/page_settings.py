"""What the pages show, in one place: domain pages, overview cards, the detail page's first indicator."""

from __future__ import annotations

# Which model domains each domain page shows, in the report's order. Population sits
# with health: in Vietnam population work is a health-sector task.
DOMAIN_PAGES: dict[str, tuple[str, ...]] = {
    "economy": ("economy",),
    "society": ("education", "health", "population", "culture"),
    "poverty_jobs": ("poverty_jobs",),
    "defence_security": ("defence_security",),
    "political_system": ("political_system",),
    "new_rural": ("new_rural",),
    "tea": ("tea",),
    "tourism": ("tourism",),
}
# The overview's cards, in the order leaders asked for them.
HEADLINE: tuple[str, ...] = ("TEA_AREA", "TOURISTS", "POV_RATE", "NTM_COMMUNES", "INCOME_PC", "GTSX")
# The year the report states changes against ("so với năm 2015"): cards, tables, goal charts.
CHANGE_BASE_YEAR = 2015
# The indicator the detail page opens on: the report's first figure.
DEFAULT_INDICATOR = "GTSX"
