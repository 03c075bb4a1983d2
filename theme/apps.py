from django.apps import AppConfig


class ThemeConfig(AppConfig):
    """Presentation only: base templates, components, CSS and JS."""

    name = "theme"
    label = "theme"
    verbose_name = "Tema"
