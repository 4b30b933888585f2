"""Domain page: Tourism, its indicators against their targets."""

from dashboard.widgets import domain_page

domain_page("tourism")
