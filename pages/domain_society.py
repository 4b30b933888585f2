"""Domain page: Education, health and culture, its indicators against their targets."""

from dashboard.widgets import domain_page

domain_page("society")
