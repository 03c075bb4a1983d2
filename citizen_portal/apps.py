from django.apps import AppConfig


class CitizenPortalConfig(AppConfig):
    """Invånarportalen: information (step 1), forms and Mina sidor; the diary (step 2) and the
    agencies and life events (step 4) are its sub-apps `diary` and `agencies`."""

    name = "citizen_portal"
    label = "citizen_portal"
    verbose_name = "Invånarportalen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache

        cache.connect()
