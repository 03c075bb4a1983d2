from django.apps import AppConfig


class IdentityConfig(AppConfig):
    """Single sign-on for employees and e-ID for citizens, through allauth's OpenID Connect
    client: who a person is, which groups their claims put them in, and their profile."""

    name = "portal.identity"
    label = "identity"
    verbose_name = "Identitet"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import logout, receivers

        receivers.connect()
        logout.connect()
