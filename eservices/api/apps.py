from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseApiConfig(AppConfig):
    name = "eservices.api"
    label = "case_api"
    verbose_name = _("Ärende-API för verksamhetssystem")
    default_auto_field = "django.db.models.BigAutoField"
