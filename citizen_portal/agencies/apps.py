from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    """Step 4 of the staircase: the register of county, regional, state and EU agencies, the
    life-event guides that link them with the municipalities' services, and the link check that
    keeps every external link on the site working."""

    name = "citizen_portal.agencies"
    label = "agencies"
    verbose_name = "Myndigheter och livshändelser"
    default_auto_field = "django.db.models.BigAutoField"
