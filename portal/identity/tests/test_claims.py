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
