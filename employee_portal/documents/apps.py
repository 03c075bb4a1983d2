from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployeeDocumentsConfig(AppConfig):
    name = "employee_portal.documents"
    label = "employee_documents"
    verbose_name = _("Dokumentregister")
    default_auto_field = "django.db.models.BigAutoField"
