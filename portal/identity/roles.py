"""The roles an employee's identity provider can put in the `roles` claim.

Each role becomes a group the first time someone has it; the permissions below are the group's
starting point, and administrators may change them in the admin afterwards. A role slug not
listed here still becomes a group, without permissions, so a new role in the directory shows
up in the admin for an administrator to decide on instead of being dropped silently.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    name: str
    description: str
    permissions: tuple[str, ...] = field(default=())


ADMIN_ACCESS = "wagtailadmin.access_admin"
# IT keeps the application catalogue of Medarbetarportalen and follows up the IT strategy.
APPLICATION_CATALOGUE = tuple(
    f"employee_portal.{action}_application" for action in ("view", "add", "change", "delete")
)
# IT publishes driftinformation (disruptions, planned maintenance) on the employee dashboard.
OPERATIONAL_NOTICES = tuple(
    f"employee_portal.{action}_operationalnotice" for action in ("view", "add", "change", "delete")
)
# Editors keep the document register of their own municipality (employee_portal.documents);
# the documents shared by all of Dalsland need `employee_documents.manage_shared_documents`.
DOCUMENT_REGISTER = tuple(
    f"employee_documents.{action}_registerdocument"
    for action in ("view", "add", "change", "delete")
)
# Editors choose the promoted results of the site search ("Rekommenderat", docs/search.md).
SEARCH_PROMOTIONS = tuple(
    f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")
)

# Handlers of the e-services' cases, in their own municipality (eservices.handler_views).
PLACEMENT_CASES = (
    "eservices.handle_preschool",
    "eservices.handle_end_place",
    "eservices.handle_school_choice",
)
BUILDING_PERMIT_CASES = ("eservices.handle_building_permit",)

ROLES: dict[str, Role] = {
    "larare": Role(_("Lärare"), _("Undervisar i förskoleklass, grundskola eller gymnasium.")),
    "socialsekreterare": Role(
        _("Socialsekreterare"), _("Handlägger ärenden inom individ- och familjeomsorgen.")
    ),
    "bygglovshandlaggare": Role(
        _("Bygglovshandläggare"),
        _("Handlägger ansökningar om bygglov, rivningslov och marklov."),
        BUILDING_PERMIT_CASES,
    ),
    "forskoleadministrator": Role(
        _("Förskoleadministratör"),
        _(
            "Handlägger ansökningar om och uppsägningar av plats i förskola och fritidshem samt "
            "skolval."
        ),
        PLACEMENT_CASES,
    ),
    "redaktor": Role(
        _("Redaktör"),
        _("Skriver och uppdaterar sidor och nyheter i portalen."),
        (ADMIN_ACCESS, *SEARCH_PROMOTIONS, *DOCUMENT_REGISTER),
    ),
    "granskare": Role(
        _("Granskare"),
        _("Granskar och godkänner andras ändringar innan de publiceras."),
        (ADMIN_ACCESS,),
    ),
    # With `redaktor` and `granskare`, these also put the employee in an editor group of their
    # own municipality, of Dalsland or of Medarbetarportalen (portal.identity.editor_groups).
    "nyhetsredaktor": Role(
        _("Nyhetsredaktör"),
        _("Skriver och publicerar nyheter för sin kommun utan granskning."),
        (ADMIN_ACCESS,),
    ),
    "redaktor-dalsland": Role(
        _("Redaktör för Dalsland"),
        _("Skriver och uppdaterar de sidor som är gemensamma för hela Dalsland."),
        (ADMIN_ACCESS,),
    ),
    "granskare-dalsland": Role(
        _("Granskare för Dalsland"),
        _("Granskar och godkänner ändringar i de sidor som är gemensamma för hela Dalsland."),
        (ADMIN_ACCESS,),
    ),
    "nyhetsredaktor-dalsland": Role(
        _("Nyhetsredaktör för Dalsland"),
        _("Skriver och publicerar nyheter för hela Dalsland utan granskning."),
        (ADMIN_ACCESS,),
    ),
    "redaktor-medarbetarportalen": Role(
        _("Redaktör för Medarbetarportalen"),
        _("Skriver och uppdaterar informationssidor i Medarbetarportalen."),
        (ADMIN_ACCESS,),
    ),
    "granskare-medarbetarportalen": Role(
        _("Granskare för Medarbetarportalen"),
        _("Granskar och godkänner ändringar i Medarbetarportalen."),
        (ADMIN_ACCESS,),
    ),
    "nyhetsredaktor-medarbetarportalen": Role(
        _("Nyhetsredaktör för Medarbetarportalen"),
        _("Skriver och publicerar nyheter i Medarbetarportalen utan granskning."),
        (ADMIN_ACCESS,),
    ),
    "it-drift": Role(
        _("IT-drift"),
        _("Driftar portalen och följer inloggningar i granskningsloggen."),
        (ADMIN_ACCESS, "audit.view_authevent", *APPLICATION_CATALOGUE, *OPERATIONAL_NOTICES),
    ),
    "registrator": Role(
        _("Registrator"),
        _("Tar emot och hanterar begäranden om allmänna handlingar i sin kommun."),
        (ADMIN_ACCESS, "diary.view_documentrequest", "diary.change_documentrequest"),
    ),
    # Group membership comes from the directory, so administrators see users and groups but do
    # not change them here (Wagtail's user form would also let them grant superuser status).
    "administrator": Role(
        _("Administratör"),
        _("Följer användare, grupper och inloggningar i administrationen."),
        (ADMIN_ACCESS, "auth.view_user", "auth.view_group", "audit.view_authevent"),
    ),
}

NETWORKS = {
    "administrativt": _("administrativt nätverk"),
    "pedagogiskt": _("pedagogiskt nätverk"),
}
