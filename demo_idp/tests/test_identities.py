"""The test identities are valid data: real departments, known roles, valid numbers."""

import pytest

from citizen_portal.demo_content.departments import DEPARTMENTS
from demo_idp.identities import (
    CITIZEN,
    COORDINATION_NUMBER_CLAIM,
    EMPLOYEE,
    IDENTITIES,
    MUNICIPALITIES,
    NETWORKS,
    PERSONAL_IDENTITY_NUMBER_CLAIM,
    PRID_CLAIM,
    ROLES,
    claims_for_scopes,
    masked_number,
    masked_prid,
)
from portal import personnummer

EMPLOYEES = [spec for spec in IDENTITIES if spec["kind"] == EMPLOYEE]
CITIZENS = [spec for spec in IDENTITIES if spec["kind"] == CITIZEN]
# Residents with a foreign e-ID through the eIDAS node carry a prid instead of a number.
SWEDISH_CITIZENS = [spec for spec in CITIZENS if PRID_CLAIM not in spec["claims"]]
EIDAS_CITIZENS = [spec for spec in CITIZENS if PRID_CLAIM in spec["claims"]]


def test_keys_are_unique():
    keys = [spec["key"] for spec in IDENTITIES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("spec", EMPLOYEES, ids=lambda spec: spec["key"])
def test_employee_claims_match_the_portals_data(spec):
    claims = spec["claims"]
    departments = {department["slug"] for department in DEPARTMENTS[claims["municipality"]]}
    assert claims["department"] in departments
    assert set(claims["roles"]) <= set(ROLES)
    assert claims["network"] in NETWORKS


def test_employees_cover_every_municipality_and_role():
    assert {spec["claims"]["municipality"] for spec in EMPLOYEES} == set(MUNICIPALITIES)
    assert {role for spec in EMPLOYEES for role in spec["claims"]["roles"]} == set(ROLES)


@pytest.mark.parametrize("spec", SWEDISH_CITIZENS, ids=lambda spec: spec["key"])
def test_citizen_numbers_are_valid_and_in_the_right_claim(spec):
    claims = spec["claims"]
    number_claims = [
        c for c in (PERSONAL_IDENTITY_NUMBER_CLAIM, COORDINATION_NUMBER_CLAIM) if c in claims
    ]
    assert len(number_claims) == 1, "the two number claims are mutually exclusive"
    number = personnummer.parse(claims[number_claims[0]])
    assert number.normalised == claims[number_claims[0]]
    assert number.is_coordination_number == (number_claims[0] == COORDINATION_NUMBER_CLAIM)


def test_claims_are_released_by_scope():
    claims = next(spec["claims"] for spec in CITIZENS if spec["key"] == "tolvan-tolvansson")
    assert PERSONAL_IDENTITY_NUMBER_CLAIM not in claims_for_scopes(claims, ["openid", "profile"])
    released = claims_for_scopes(claims, ["openid", "https://id.oidc.se/scope/naturalPersonNumber"])
    assert released == {PERSONAL_IDENTITY_NUMBER_CLAIM: "191212121212"}


def test_masked_number_hides_the_last_four_digits():
    assert masked_number("191212121212") == "19121212-****"


@pytest.mark.parametrize("spec", EIDAS_CITIZENS, ids=lambda spec: spec["key"])
def test_a_foreign_e_id_is_what_the_portal_lets_in_without_a_number(spec):
    from portal.identity import claims as claimkit

    claims = spec["claims"]
    assert not set(claims) & {PERSONAL_IDENTITY_NUMBER_CLAIM, COORDINATION_NUMBER_CLAIM}
    citizen = claimkit.citizen_claims(claims)
    assert citizen.is_foreign
    assert citizen.country == claims["country"] == claims[PRID_CLAIM][:2]


def test_there_is_a_foreign_e_id_test_person_and_its_claims_come_with_the_number_scope():
    (kari,) = EIDAS_CITIZENS
    scope = "https://id.oidc.se/scope/naturalPersonNumber"
    eidas = "https://id.swedenconnect.se/scope/eidasNaturalPersonIdentity"
    for scopes in (["openid", "profile", scope], ["openid", "profile", eidas]):
        assert claims_for_scopes(kari["claims"], scopes)[PRID_CLAIM] == "NO:05868907693"
    assert PRID_CLAIM not in claims_for_scopes(kari["claims"], ["openid", "profile"])
    assert masked_prid("NO:05868907693") == "NO:0586*******"
