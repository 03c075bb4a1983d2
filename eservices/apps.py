from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EservicesConfig(AppConfig):
    name = "eservices"
    verbose_name = _("E-tjänster")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import kinds

        # Every module of eservices/kinds/ registers its e-service.
        kinds.autodiscover()
        # Each registered e-service's case-handling permission exists after `migrate`.
        post_migrate.connect(
            kinds.post_migrate_permissions, sender=self, dispatch_uid="eservices_permissions"
        )
        # An e-service switched on or off, or moved, shows at once where it is read from
        # memory (views._eservice_for, portal/lookups.py).
        from django.db.models.signals import post_delete, post_save

        from portal import chrome

        from .models import EService

        post_save.connect(chrome.bump, sender=EService, dispatch_uid="eservices-chrome-save")
        post_delete.connect(chrome.bump, sender=EService, dispatch_uid="eservices-chrome-delete")
