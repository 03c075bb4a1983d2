from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The shared core: the organisation, accounts, health and demo data."""

    name = "portal"
    label = "portal"
    verbose_name = "Dalslandsportalen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals
        from .cache import purge_before_other_tasks

        signals.connect()
        purge_before_other_tasks()
