from django.apps import AppConfig


class PreviewsConfig(AppConfig):
    """Preview links: a draft shown to a reviewer without an account, through a secret,
    time-limited and revocable address (docs/preview-links.md)."""

    name = "portal.previews"
    label = "previews"
    verbose_name = "Förhandsvisningslänkar"
    default_auto_field = "django.db.models.BigAutoField"
