"""Domain page: New rural development, its indicators against their targets."""

from dashboard.widgets import domain_page

domain_page("new_rural")
