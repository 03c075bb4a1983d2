"""From an identity provider's claims to the portal's idea of a person.

Claim names come from `settings.IDENTITY_CLAIMS` (portal.identity.config.claim_names), so a
directory that calls the municipality `extension_kommun` can say so in the environment.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal import personnummer
from portal.models import Department, Municipality

from . import editor_groups
from .models import FOREIGN_IDENTIFIER_MAX_LENGTH, CitizenIdentity, ClaimGroup, EmployeeProfile
from .roles import NETWORKS, ROLES

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,49}")
EMPLOYEE_GROUP = "Medarbetare"


class LoginRefused(Exception):
    """The provider vouched for someone the portal cannot let in. `reason` is a code for the
    audit trail; `message` tells the person what happened and what to do, in Swedish."""

    def __init__(self, reason: str, message: str):
        super().__init__(reason)
        self.reason = reason
        self.message = message


def claims_of(sociallogin) -> dict:
    """The claims allauth got: those of the verified ID token (userinfo is not fetched)."""
    data = sociallogin.account.extra_data or {}
    return data.get("id_token") or data.get("userinfo") or data


def claim(claims: dict, setting: str):
    value = claims.get(settings.IDENTITY_CLAIMS[setting])
    # SAML attributes (docs/identity.md) arrive as lists even when single-valued.
    if isinstance(value, list) and len(value) == 1 and not setting.endswith("_ROLES_CLAIM"):
        return value[0]
    return value


# -- Citizens --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CitizenClaims:
    """Who a resident is by their e-ID: a Swedish number, a foreign e-ID's provisional
    identifier (prid, through the Swedish eIDAS node), or both when the node's
    identity-matching service bound the foreign e-ID to a Swedish number."""

    number: personnummer.PersonalIdentityNumber | None
    given_name: str
    family_name: str
    protected_identity: bool
    foreign_identifier: str = ""
    country: str = ""
    prid_persistence: str = ""

    @property
    def is_foreign(self) -> bool:
        return self.number is None


# Sweden Connect's prid: the ISO 3166 country code of the foreign e-ID, a colon, and the
# identifier the node made from the eIDAS person identifier (ELN-0611: letters, digits, '-').
# A few more safe characters are let through; nothing that could break a page or a log line.
PRID = re.compile(
    rf"(?P<country>[A-Z]{{2}}):[A-Za-z0-9._\-]{{1,{FOREIGN_IDENTIFIER_MAX_LENGTH - 3}}}"
)
PRID_PERSISTENCE = {"A", "B", "C"}
COUNTRY = re.compile(r"[A-Z]{2}")


def _swedish_number(raw) -> personnummer.PersonalIdentityNumber:
    try:
        # The profiles send twelve digits; anything else is refused rather than guessed at.
        if not re.fullmatch(r"[0-9]{12}", str(raw)):
            raise personnummer.InvalidPersonalIdentityNumber("expected twelve digits")
        return personnummer.parse(str(raw))
    except personnummer.InvalidPersonalIdentityNumber as error:
        raise LoginRefused(
            "invalid_personal_identity_number",
            _(
                "Personnumret som din e-legitimation skickade är inte ett giltigt personnummer "
                "eller samordningsnummer, så vi kan inte logga in dig."
            ),
        ) from error


def citizen_claims(claims: dict) -> CitizenClaims:
    """The resident of a login through the e-ID broker, or LoginRefused.

    A Swedish number (the Swedish OIDC profile's, or the one the eIDAS node's matching service
    bound to a foreign e-ID) makes them that Swedish person. Without one, a valid prid makes
    them a foreign e-ID person. Neither is refused.
    """
    raw = (
        claim(claims, "CITIZEN_OIDC_PERSONAL_IDENTITY_NUMBER_CLAIM")
        or claim(claims, "CITIZEN_OIDC_COORDINATION_NUMBER_CLAIM")
        or claim(claims, "CITIZEN_OIDC_MAPPED_PERSONAL_IDENTITY_NUMBER_CLAIM")
        or claim(claims, "CITIZEN_OIDC_MAPPED_COORDINATION_NUMBER_CLAIM")
    )
    prid = claim(claims, "CITIZEN_OIDC_PRID_CLAIM")
    number = _swedish_number(raw) if raw else None
    foreign_identifier = country = persistence = ""
    if prid:
        match = PRID.fullmatch(str(prid)) if isinstance(prid, str) else None
        if match is None:
            if number is None:
                raise LoginRefused(
                    "invalid_foreign_identifier",
                    _(
                        "Din utländska e-legitimation skickade en identitet som vi inte kan "
                        "läsa, så vi kan inte logga in dig."
                    ),
                )
        else:
            foreign_identifier = match.group(0)
            given_country = str(claim(claims, "CITIZEN_OIDC_COUNTRY_CLAIM") or "").strip()
            country = given_country.upper() if COUNTRY.fullmatch(given_country.upper()) else ""
            country = country or match.group("country")
            persistence = str(claim(claims, "CITIZEN_OIDC_PRID_PERSISTENCE_CLAIM") or "")
            persistence = persistence.strip().upper()
            if persistence not in PRID_PERSISTENCE:
                persistence = ""
    if number is None and not foreign_identifier:
        raise LoginRefused(
            "missing_personal_identity_number",
            _(
                "Din e-legitimation skickade inget personnummer eller samordningsnummer. Mina "
                "sidor och e-tjänsterna behöver ett av dem för att veta vem du är."
            ),
        )
    protected = claim(claims, "CITIZEN_OIDC_PROTECTED_IDENTITY_CLAIM")
    return CitizenClaims(
        number=number,
        given_name=str(claims.get("given_name") or "")[:150],
        family_name=str(claims.get("family_name") or "")[:150],
        protected_identity=protected is True or str(protected).lower() in {"true", "1", "yes"},
        foreign_identifier=foreign_identifier,
        country=country,
        prid_persistence=persistence,
    )


# The claims that identify the person: kept on CitizenIdentity only.
IDENTIFYING_CLAIMS = (
    "CITIZEN_OIDC_PERSONAL_IDENTITY_NUMBER_CLAIM",
    "CITIZEN_OIDC_COORDINATION_NUMBER_CLAIM",
    "CITIZEN_OIDC_MAPPED_PERSONAL_IDENTITY_NUMBER_CLAIM",
    "CITIZEN_OIDC_MAPPED_COORDINATION_NUMBER_CLAIM",
    "CITIZEN_OIDC_PRID_CLAIM",
    "CITIZEN_OIDC_EIDAS_PERSON_IDENTIFIER_CLAIM",
)


def strip_personal_identity_number(sociallogin) -> None:
    """Keep the number (or the foreign identity) in one place only (CitizenIdentity), not in
    allauth's copy of the token."""
    names = {settings.IDENTITY_CLAIMS[name] for name in IDENTIFYING_CLAIMS}
    data = sociallogin.account.extra_data or {}
    for part in (data, data.get("id_token"), data.get("userinfo")):
        if isinstance(part, dict):
            for name in names:
                part.pop(name, None)


def known_citizen(citizen: CitizenClaims) -> CitizenIdentity | None:
    """The resident the portal already knows as this person: by the Swedish number, else by
    the foreign identifier."""
    identities = CitizenIdentity.objects.select_related("user")
    if citizen.number is not None:
        known = identities.filter(personal_identity_number=citizen.number.normalised).first()
        if known:
            return known
    if citizen.foreign_identifier:
        return identities.filter(foreign_identifier=citizen.foreign_identifier).first()
    return None


@transaction.atomic
def apply_citizen_claims(user, citizen: CitizenClaims) -> CitizenIdentity:
    """Set the resident's identity to what this login's claims say.

    What the login does not bring is kept: a foreign e-ID person whom the matching service has
    bound to a Swedish number keeps their prid, and the reverse. A number or prid that already
    belongs to another identity is not moved (the login found that one when it could).
    """
    identity = CitizenIdentity.objects.select_for_update().filter(user=user).first()
    if identity is None:
        identity = CitizenIdentity(user=user)
    others = CitizenIdentity.objects.exclude(user=user)
    if citizen.number is not None:
        number = citizen.number.normalised
        if not others.filter(personal_identity_number=number).exists():
            identity.personal_identity_number = number
    prid = citizen.foreign_identifier
    if prid and not others.filter(foreign_identifier=prid).exists():
        identity.foreign_identifier = prid
        identity.country = citizen.country
        identity.prid_persistence = citizen.prid_persistence
    identity.given_name = citizen.given_name
    identity.family_name = citizen.family_name
    identity.protected_identity = citizen.protected_identity
    identity.save()
    return identity


# -- Employees -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmployeeClaims:
    municipality: Municipality
    department: Department | None
    roles: tuple[str, ...]
    network: str


def _slugs(value) -> list[str]:
    if isinstance(value, str):
        value = re.split(r"[\s,]+", value)
    if not isinstance(value, list | tuple):
        return []
    slugs = []
    for item in value:
        slug = str(item).strip().lower()
        if SLUG.fullmatch(slug) and slug not in slugs:
            slugs.append(slug)
    return slugs


def employee_claims(claims: dict) -> EmployeeClaims:
    slug = str(claim(claims, "EMPLOYEE_OIDC_MUNICIPALITY_CLAIM") or "").strip().lower()
    municipality = Municipality.objects.filter(slug=slug).first() if slug else None
    if municipality is None:
        raise LoginRefused(
            "unknown_municipality",
            _(
                "Ditt konto i kommunens katalog saknar en kommuntillhörighet som portalen "
                "känner igen. Kontakta IT-supporten i din kommun så rättar de kontot."
            ),
        )
    department_slug = str(claim(claims, "EMPLOYEE_OIDC_DEPARTMENT_CLAIM") or "").strip().lower()
    department = (
        Department.objects.filter(municipality=municipality, slug=department_slug).first()
        if department_slug
        else None
    )
    network = str(claim(claims, "EMPLOYEE_OIDC_NETWORK_CLAIM") or "").strip().lower()
    return EmployeeClaims(
        municipality=municipality,
        department=department,
        roles=tuple(_slugs(claim(claims, "EMPLOYEE_OIDC_ROLES_CLAIM"))),
        network=network if network in NETWORKS else "",
    )


def _claim_group(kind: str, value: str, name: str, permissions=()) -> Group:
    mapping = ClaimGroup.objects.select_related("group").filter(kind=kind, value=value).first()
    if mapping:
        return mapping.group
    group, created = Group.objects.get_or_create(name=name[:150])
    if created:
        for permission in permissions:
            app_label, codename = permission.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    ClaimGroup.objects.get_or_create(kind=kind, value=value, defaults={"group": group})
    return group


def employee_group() -> Group:
    group, created = Group.objects.get_or_create(name=EMPLOYEE_GROUP)
    if created:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="employee_portal", codename="access_employee_portal"
            )
        )
    return group


def groups_for(employee: EmployeeClaims) -> list[Group]:
    # Group names are stored: always in the portal's main language, whatever page the person
    # signed in from.
    with translation.override(settings.LANGUAGE_CODE):
        return _groups_for(employee)


def _groups_for(employee: EmployeeClaims) -> list[Group]:
    municipality = employee.municipality
    groups = [
        employee_group(),
        _claim_group(
            ClaimGroup.Kind.MUNICIPALITY,
            municipality.slug,
            _("Kommun – %(name)s") % {"name": municipality.short_name},
        ),
    ]
    if employee.department:
        department = employee.department
        groups.append(
            _claim_group(
                ClaimGroup.Kind.DEPARTMENT,
                f"{municipality.slug}/{department.slug}",
                _("Förvaltning – %(municipality)s – %(department)s")
                % {"municipality": municipality.short_name, "department": department.name},
            )
        )
    for slug in employee.roles:
        role = ROLES.get(slug)
        groups.append(
            _claim_group(
                ClaimGroup.Kind.ROLE,
                slug,
                _("Roll – %(name)s") % {"name": role.name if role else slug},
                role.permissions if role else (),
            )
        )
    if employee.network:
        groups.append(
            _claim_group(
                ClaimGroup.Kind.NETWORK,
                employee.network,
                _("Nätverk – %(name)s") % {"name": NETWORKS[employee.network]},
            )
        )
    # Editing roles also give the editor group of their scope: `redaktor` in Åmål is
    # "Redaktörer – Åmål", `granskare-dalsland` is "Granskare – Dalsland" (editor_groups).
    for scope_key, kind in editor_groups.editor_keys_for(municipality.slug, employee.roles):
        group = editor_groups.editor_group(scope_key, kind)
        if group is not None:
            groups.append(group)
    return groups


@transaction.atomic
def apply_employee_claims(user, employee: EmployeeClaims) -> tuple[list[str], list[str]]:
    """Set the profile and the single-sign-on groups to what the claims say.

    Returns the names of the groups added and removed. Groups that no claim manages (given by
    an administrator) are left as they are.
    """
    EmployeeProfile.objects.update_or_create(
        user=user,
        defaults={
            "municipality": employee.municipality,
            "department": employee.department,
            "roles": list(employee.roles),
            "network": employee.network,
        },
    )
    wanted = {group.pk: group for group in groups_for(employee)}
    managed = user.groups.filter(claim_mapping__isnull=False) | user.groups.filter(
        name=EMPLOYEE_GROUP
    )
    current = {group.pk: group for group in managed}
    added = [group for pk, group in wanted.items() if pk not in current]
    removed = [group for pk, group in current.items() if pk not in wanted]
    if added:
        user.groups.add(*added)
    if removed:
        user.groups.remove(*removed)
    return sorted(g.name for g in added), sorted(g.name for g in removed)
