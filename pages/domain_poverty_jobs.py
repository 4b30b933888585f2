"""Domain page: Poverty and jobs, its indicators against their targets."""

from dashboard.widgets import domain_page

domain_page("poverty_jobs")
