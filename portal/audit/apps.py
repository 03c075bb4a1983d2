from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The append-only authentication audit trail (strategy 6.4: everything traceable)."""

    name = "portal.audit"
    label = "audit"
    verbose_name = "Granskningslogg"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers

        receivers.connect()
