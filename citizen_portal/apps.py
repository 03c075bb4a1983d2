from django.apps import AppConfig


class CitizenPortalConfig(AppConfig):
    """Invånarportalen: information (step 1), forms (step 2) and, later, agencies (step 4)."""

    name = "citizen_portal"
    label = "citizen_portal"
    verbose_name = "Invånarportalen"
    default_auto_field = "django.db.models.BigAutoField"
