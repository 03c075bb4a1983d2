"""From claims to groups, profile and identity: what every login through a provider applies."""

import pytest
from django.contrib.auth.models import Group

from portal.identity import claims as claimkit
from portal.identity.models import ClaimGroup, EmployeeProfile
from portal.models import Department
from portal.tests.factories import UserFactory

PNR = "https://id.oidc.se/claim/personalIdentityNumber"
COORDINATION = "https://id.oidc.se/claim/coordinationNumber"

TEACHER_IN_AMAL = {
    "municipality": "amal",
    "department": "barn-och-utbildning",
    "roles": ["larare"],
    "network": "pedagogiskt",
}


def group_names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


@pytest.mark.django_db
def test_an_employee_gets_municipality_department_role_and_network_groups():
    user = UserFactory()

    added, removed = claimkit.apply_employee_claims(user, claimkit.employee_claims(TEACHER_IN_AMAL))

    department = Department.objects.get(municipality__slug="amal", slug="barn-och-utbildning")
    expected = {
        "Medarbetare",
        f"Kommun – {department.municipality.short_name}",
        f"Förvaltning – {department.municipality.short_name} – {department.name}",
        "Roll – Lärare",
        "Nätverk – pedagogiskt nätverk",
    }
    assert group_names(user) == expected
    assert set(added) == expected and removed == []
    assert user.has_perm("employee_portal.access_employee_portal")
    profile = EmployeeProfile.objects.get(user=user)
    assert (profile.municipality.slug, profile.department, profile.roles, profile.network) == (
        "amal",
        department,
        ["larare"],
        "pedagogiskt",
    )


@pytest.mark.django_db
def test_a_role_gone_from_the_claims_removes_its_group_but_not_groups_given_by_hand():
    user = UserFactory()
    by_hand = Group.objects.create(name="Krisledningsgruppen")
    user.groups.add(by_hand)
    claimkit.apply_employee_claims(
        user, claimkit.employee_claims({**TEACHER_IN_AMAL, "roles": ["larare", "redaktor"]})
    )
    assert "Roll – Redaktör" in group_names(user)

    added, removed = claimkit.apply_employee_claims(user, claimkit.employee_claims(TEACHER_IN_AMAL))

    # The role's group, and the editor group of Åmål it gave (test_editor_groups.py).
    assert removed == ["Redaktörer – Åmål", "Roll – Redaktör"] and added == []
    assert "Roll – Redaktör" not in group_names(user)
    assert {"Krisledningsgruppen", "Roll – Lärare"} <= group_names(user)


@pytest.mark.django_db
def test_the_editor_role_opens_the_admin_and_the_teacher_role_does_not():
    editor, teacher = UserFactory(), UserFactory()

    claimkit.apply_employee_claims(
        editor, claimkit.employee_claims({**TEACHER_IN_AMAL, "roles": ["redaktor"]})
    )
    claimkit.apply_employee_claims(teacher, claimkit.employee_claims(TEACHER_IN_AMAL))

    assert editor.has_perm("wagtailadmin.access_admin")
    assert not teacher.has_perm("wagtailadmin.access_admin")


@pytest.mark.django_db
def test_roles_may_come_as_a_string_in_any_case_and_odd_values_are_dropped():
    employee = claimkit.employee_claims(
        {**TEACHER_IN_AMAL, "roles": "larare, Redaktor <script>", "network": "wifi"}
    )

    assert employee.roles == ("larare", "redaktor")
    assert employee.network == ""


@pytest.mark.django_db
def test_an_unknown_role_becomes_a_group_without_permissions():
    user = UserFactory()

    claimkit.apply_employee_claims(
        user, claimkit.employee_claims({**TEACHER_IN_AMAL, "roles": ["kurator"]})
    )

    group = ClaimGroup.objects.get(kind="role", value="kurator").group
    assert group.name == "Roll – kurator"
    assert not group.permissions.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("municipality", [None, "", "goteborg"])
def test_an_employee_without_a_known_municipality_is_refused(municipality):
    with pytest.raises(claimkit.LoginRefused) as refused:
        claimkit.employee_claims({**TEACHER_IN_AMAL, "municipality": municipality})

    assert refused.value.reason == "unknown_municipality"


@pytest.mark.django_db
def test_an_unknown_department_is_left_out_not_refused():
    employee = claimkit.employee_claims({**TEACHER_IN_AMAL, "department": "finns-inte"})

    assert employee.municipality.slug == "amal" and employee.department is None


def test_a_citizen_with_a_personnummer():
    citizen = claimkit.citizen_claims(
        {PNR: "191212121212", "given_name": "Tolvan", "family_name": "Tolvansson"}
    )

    assert citizen.number.normalised == "191212121212"
    assert citizen.number.masked == "19121212-****"
    assert (citizen.given_name, citizen.family_name) == ("Tolvan", "Tolvansson")
    assert citizen.protected_identity is False


def test_a_citizen_with_a_samordningsnummer_in_its_own_claim():
    citizen = claimkit.citizen_claims({COORDINATION: "197010632391", "protected_identity": True})

    assert citizen.number.is_coordination_number
    assert citizen.protected_identity is True


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({}, "missing_personal_identity_number"),
        ({PNR: ""}, "missing_personal_identity_number"),
        ({PNR: "191212121213"}, "invalid_personal_identity_number"),  # check digit
        ({PNR: "121212-1212"}, "invalid_personal_identity_number"),  # not the profile's form
        ({PNR: "191213121212"}, "invalid_personal_identity_number"),  # month 13
    ],
)
def test_a_citizen_without_a_valid_number_is_refused(claims, reason):
    with pytest.raises(claimkit.LoginRefused) as refused:
        claimkit.citizen_claims(claims)

    assert refused.value.reason == reason
    for value in claims.values():
        if value:
            assert value not in refused.value.message


@pytest.mark.django_db
def test_group_names_are_swedish_whatever_language_the_login_came_in():
    from django.utils import translation

    user = UserFactory()

    with translation.override("en"):
        claimkit.apply_employee_claims(
            user, claimkit.employee_claims({**TEACHER_IN_AMAL, "roles": ["socialsekreterare"]})
        )

    assert "Roll – Socialsekreterare" in group_names(user)


# --- Foreign e-ID through the Swedish eIDAS node (Sweden Connect's claims) -------------------

PRID = "https://id.swedenconnect.se/claim/prid"
PRID_PERSISTENCE = "https://id.swedenconnect.se/claim/pridPersistence"
EIDAS_PERSON_IDENTIFIER = "https://id.swedenconnect.se/claim/eidasPersonIdentifier"
MAPPED_PNR = "https://id.swedenconnect.se/claim/mappedPersonalIdentityNumber"
MAPPED_COORDINATION = "https://id.swedenconnect.se/claim/mappedCoordinationNumber"
KARI = {
    PRID: "NO:05868907693",
    PRID_PERSISTENCE: "A",
    EIDAS_PERSON_IDENTIFIER: "NO/SE/05868907693",
    "given_name": "Kari",
    "family_name": "Nordmann",
    "birthdate": "1989-06-05",
}


def test_a_foreign_e_id_without_a_swedish_number_is_let_in_by_its_prid():
    citizen = claimkit.citizen_claims(KARI)

    assert citizen.is_foreign and citizen.number is None
    assert citizen.foreign_identifier == "NO:05868907693"
    assert (citizen.country, citizen.prid_persistence) == ("NO", "A")
    assert (citizen.given_name, citizen.family_name) == ("Kari", "Nordmann")


def test_the_country_claim_wins_over_the_prid_prefix_and_odd_values_are_dropped():
    assert claimkit.citizen_claims({**KARI, "country": "dk"}).country == "DK"
    odd = claimkit.citizen_claims({**KARI, "country": "Norge", PRID_PERSISTENCE: "Z"})
    assert (odd.country, odd.prid_persistence) == ("NO", "")


@pytest.mark.parametrize("claim_name", [MAPPED_PNR, MAPPED_COORDINATION])
def test_a_mapped_swedish_number_makes_the_foreign_e_id_that_swedish_person(claim_name):
    number = "191212121212" if claim_name == MAPPED_PNR else "197010632391"
    citizen = claimkit.citizen_claims({**KARI, claim_name: number})

    assert not citizen.is_foreign
    assert citizen.number.normalised == number
    assert citizen.foreign_identifier == "NO:05868907693"  # kept, to find the person by it too


def test_the_oidc_se_number_comes_first_and_a_number_alone_works_as_before():
    citizen = claimkit.citizen_claims({PNR: "191212121212", MAPPED_PNR: "196408233234"})

    assert citizen.number.normalised == "191212121212"
    assert citizen.foreign_identifier == "" and citizen.country == ""


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({**KARI, PRID: "no:05868907693"}, "invalid_foreign_identifier"),  # lower-case country
        ({**KARI, PRID: "NOR:05868907693"}, "invalid_foreign_identifier"),
        ({**KARI, PRID: "NO:"}, "invalid_foreign_identifier"),
        ({**KARI, PRID: "NO05868907693"}, "invalid_foreign_identifier"),
        ({**KARI, PRID: "NO:0586 8907693"}, "invalid_foreign_identifier"),
        ({**KARI, PRID: "NO:<script>"}, "invalid_foreign_identifier"),
        ({**KARI, PRID: "NO:" + "1" * 62}, "invalid_foreign_identifier"),  # too long
        ({**KARI, PRID: ["NO:1", "SE:2"]}, "invalid_foreign_identifier"),
        ({**KARI, MAPPED_PNR: "191212121213"}, "invalid_personal_identity_number"),
        ({**KARI, PRID: ""}, "missing_personal_identity_number"),
        ({EIDAS_PERSON_IDENTIFIER: "NO/SE/05868907693"}, "missing_personal_identity_number"),
    ],
)
def test_a_foreign_e_id_without_a_valid_identity_is_refused(claims, reason):
    with pytest.raises(claimkit.LoginRefused) as refused:
        claimkit.citizen_claims(claims)

    assert refused.value.reason == reason


def test_the_longest_prid_allowed_fits_the_identity():
    from portal.identity.models import CitizenIdentity

    prid = "NO:" + "1" * 61
    assert claimkit.citizen_claims({**KARI, PRID: prid}).foreign_identifier == prid
    assert CitizenIdentity._meta.get_field("foreign_identifier").max_length >= len(prid)


@pytest.mark.django_db
def test_a_foreign_e_id_person_gets_an_identity_with_the_prid_and_no_number():
    user = UserFactory()

    identity = claimkit.apply_citizen_claims(user, claimkit.citizen_claims(KARI))

    identity.refresh_from_db()
    assert identity.personal_identity_number is None
    assert (identity.foreign_identifier, identity.country) == ("NO:05868907693", "NO")
    assert identity.prid_persistence == "A"
    assert identity.is_foreign and identity.number is None
    assert identity.masked_number == "NO:0586*******"
    assert "05868907693" not in str(identity)


@pytest.mark.django_db
def test_the_known_person_is_found_by_number_first_then_by_prid():
    from portal.identity.models import CitizenIdentity

    swede = UserFactory()
    CitizenIdentity.objects.create(user=swede, personal_identity_number="191212121212")
    foreigner = UserFactory()
    claimkit.apply_citizen_claims(foreigner, claimkit.citizen_claims(KARI))

    assert claimkit.known_citizen(claimkit.citizen_claims(KARI)).user == foreigner
    mapped = claimkit.citizen_claims({**KARI, MAPPED_PNR: "191212121212"})
    assert claimkit.known_citizen(mapped).user == swede
    assert claimkit.known_citizen(claimkit.citizen_claims({PNR: "196408233234"})) is None


@pytest.mark.django_db
def test_a_number_bound_later_is_added_and_the_prid_kept():
    user = UserFactory()
    claimkit.apply_citizen_claims(user, claimkit.citizen_claims(KARI))

    mapped = claimkit.citizen_claims({**KARI, MAPPED_PNR: "196408233234"})
    identity = claimkit.apply_citizen_claims(user, mapped)

    identity.refresh_from_db()
    assert identity.personal_identity_number == "196408233234"
    assert identity.foreign_identifier == "NO:05868907693"
    assert not identity.is_foreign


@pytest.mark.django_db
def test_a_prid_that_belongs_to_another_identity_is_not_moved():
    from portal.identity.models import CitizenIdentity

    first = UserFactory()
    claimkit.apply_citizen_claims(first, claimkit.citizen_claims(KARI))
    swede = UserFactory()
    CitizenIdentity.objects.create(user=swede, personal_identity_number="196408233234")

    mapped = claimkit.citizen_claims({**KARI, MAPPED_PNR: "196408233234"})
    identity = claimkit.apply_citizen_claims(swede, mapped)

    assert identity.foreign_identifier is None  # still the first identity's, no error
    assert CitizenIdentity.objects.get(user=first).foreign_identifier == "NO:05868907693"


@pytest.mark.django_db
def test_an_identity_needs_a_number_or_a_foreign_identifier_and_each_is_unique():
    from django.db import IntegrityError, transaction

    from portal.identity.models import CitizenIdentity

    with pytest.raises(IntegrityError), transaction.atomic():
        CitizenIdentity.objects.create(user=UserFactory(), given_name="Ingen")
    CitizenIdentity.objects.create(user=UserFactory(), foreign_identifier="NO:1")
    with pytest.raises(IntegrityError), transaction.atomic():
        CitizenIdentity.objects.create(user=UserFactory(), foreign_identifier="NO:1")
    # Several foreign e-ID persons have no number: NULL, not a shared empty value.
    CitizenIdentity.objects.create(user=UserFactory(), foreign_identifier="DE:2")
    assert CitizenIdentity.objects.filter(personal_identity_number__isnull=True).count() == 2


def test_the_foreign_identity_is_removed_from_allauths_copy_of_the_token():
    class Account:
        extra_data = {"id_token": {**KARI, MAPPED_PNR: "191212121212", "sub": "kari"}}

    class Login:
        account = Account()

    claimkit.strip_personal_identity_number(Login())

    assert Account.extra_data["id_token"] == {
        PRID_PERSISTENCE: "A",
        "given_name": "Kari",
        "family_name": "Nordmann",
        "birthdate": "1989-06-05",
        "sub": "kari",
    }
