from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """The question "Var sidan till hjälp?" under every citizen page: residents' yes/no
    answers and short comments, the editors' report on them and the pages that did not help in
    the owners' content review reminders (docs/page-feedback.md)."""

    name = "citizen_portal.feedback"
    label = "feedback"
    verbose_name = "Sidfeedback"
    default_auto_field = "django.db.models.BigAutoField"
