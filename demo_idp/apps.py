from django.apps import AppConfig


class DemoIdpConfig(AppConfig):
    name = "demo_idp"
    label = "demo_idp"
    verbose_name = "Demo-inloggning (OpenID Connect)"
    default_auto_field = "django.db.models.BigAutoField"
