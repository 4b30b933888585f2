"""Domain page: Defence and security, its indicators against their targets."""

from dashboard.widgets import domain_page

domain_page("defence_security")
