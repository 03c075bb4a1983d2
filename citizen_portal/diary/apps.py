from django.apps import AppConfig


class DiaryConfig(AppConfig):
    """The public records diaries (diarier) of the five municipalities: step 2 of the staircase."""

    name = "citizen_portal.diary"
    label = "diary"
    verbose_name = "Diarium"
    default_auto_field = "django.db.models.BigAutoField"
