from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search over live, public citizen pages."""

    name = "search"
    label = "site_search"
    verbose_name = "Sök"
