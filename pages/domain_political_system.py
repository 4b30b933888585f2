"""Domain page: Political system, its indicators against their targets."""

from dashboard.widgets import domain_page

domain_page("political_system")
