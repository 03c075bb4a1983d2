from django.apps import AppConfig


class EmployeePortalConfig(AppConfig):
    """Medarbetarportalen: the employees' way in, never shown to anonymous visitors."""

    name = "employee_portal"
    label = "employee_portal"
    verbose_name = "Medarbetarportalen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import dashboard_cache

        dashboard_cache.connect()
