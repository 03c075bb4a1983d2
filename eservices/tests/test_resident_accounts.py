"""Retention of residents' accounts (eservices.resident_accounts): an account not signed in for
RESIDENT_ACCOUNT_RETENTION_DAYS goes with its identity and e-ID link, unless a case keeps it;
employees' accounts are never touched; the next e-ID sign-in makes a new account."""

import datetime
import io

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from eservices import resident_accounts
from eservices.models import Case, EService, Kind
from eservices.resident_accounts import purge_inactive_residents
from portal import scheduler
from portal.audit.models import AuthEvent
from portal.identity import claims as claimkit
from portal.identity.config import CITIZEN
from portal.identity.models import CitizenIdentity, EmployeeProfile
from portal.models import Municipality
from portal.personal_data import portal_holdings
from portal.tests.factories import UserFactory

from .factories import EMMA, JONAS, TOLVAN, make_citizen

pytestmark = pytest.mark.django_db

User = get_user_model()
PNR = "https://id.oidc.se/claim/personalIdentityNumber"


def ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def last_seen(user, days: int | None, joined: int = 2000):
    """Joined `joined` days ago and last signed in `days` ago (None: never since)."""
    User.objects.filter(pk=user.pk).update(
        last_login=None if days is None else ago(days), date_joined=ago(joined)
    )
    return user


def resident(username="kalle", number=TOLVAN, days=400):
    return last_seen(make_citizen(username, number, "Kalle", "Karlsson"), days)


def exists(user) -> bool:
    return User.objects.filter(pk=user.pk).exists()


def draft(applicant, **fields):
    eservice = EService.objects.get(kind=Kind.PRESCHOOL, municipality__slug="amal")
    return Case.objects.create(
        eservice=eservice, municipality=eservice.municipality, applicant=applicant, **fields
    )


def test_an_inactive_resident_without_cases_goes_with_identity_and_e_id_link():
    kalle = resident()
    SocialAccount.objects.create(user=kalle, provider=CITIZEN, uid="broker-subject-kalle")
    EmailAddress.objects.create(user=kalle, email="kalle@example.se")
    AuthEvent.objects.create(event=AuthEvent.Event.LOGIN_SUCCEEDED, user=kalle)

    assert purge_inactive_residents() == 1

    assert not exists(kalle)
    assert not CitizenIdentity.objects.filter(personal_identity_number=TOLVAN).exists()
    assert not SocialAccount.objects.filter(uid="broker-subject-kalle").exists()
    assert not EmailAddress.objects.filter(email="kalle@example.se").exists()
    # The audit trail outlives the account: the row stays, by username, without the link.
    event = AuthEvent.objects.get(username="kalle", event=AuthEvent.Event.LOGIN_SUCCEEDED)
    assert event.user is None


def test_one_who_never_signed_in_again_counts_from_when_the_account_was_made():
    old = last_seen(make_citizen("gammal", EMMA, "Emma", "Karlsson"), None, joined=400)
    new = last_seen(make_citizen("ny", JONAS, "Jonas", "Karlsson"), None, joined=10)

    assert purge_inactive_residents() == 1

    assert not exists(old)
    assert exists(new)


def test_a_resident_signed_in_within_the_retention_period_stays(settings):
    settings.RESIDENT_ACCOUNT_RETENTION_DAYS = 30
    recent = resident("nyligen", EMMA, days=29)
    gone = resident("borta", JONAS, days=31)

    assert purge_inactive_residents() == 1

    assert exists(recent)
    assert not exists(gone)


@pytest.mark.parametrize("status", [Case.Status.DRAFT, Case.Status.SUBMITTED, Case.Status.CLOSED])
def test_a_resident_who_is_the_applicant_of_a_case_or_a_draft_stays(status):
    kalle = resident()
    draft(kalle, status=status)

    assert purge_inactive_residents() == 0

    assert exists(kalle)


def test_a_resident_who_is_the_co_applicant_of_a_case_stays():
    emma = make_citizen("emma", EMMA, "Emma", "Karlsson")
    jonas = resident("jonas", JONAS)
    draft(emma, status=Case.Status.SUBMITTED, co_applicant=jonas, co_applicant_number=JONAS)

    assert purge_inactive_residents() == 0

    assert exists(jonas)


@pytest.mark.parametrize("kind", ["staff", "superuser", "employee"])
def test_an_employee_inactive_for_years_stays_even_with_a_citizen_identity(kind):
    user = resident(days=3000)
    if kind == "employee":
        EmployeeProfile.objects.create(
            user=user, municipality=Municipality.objects.get(slug="amal")
        )
    else:
        User.objects.filter(pk=user.pk).update(**{f"is_{kind}": True})

    assert purge_inactive_residents() == 0

    assert exists(user)


def test_an_inactive_user_without_a_citizen_identity_stays():
    user = last_seen(UserFactory(), 3000)

    assert purge_inactive_residents() == 0

    assert exists(user)


def test_the_count_covers_every_batch_and_a_second_run_finds_nothing(monkeypatch):
    monkeypatch.setattr(resident_accounts, "BATCH_SIZE", 2)
    numbers = [f"1900010100{n:02d}" for n in range(5)]  # not the demo residents
    users = [resident(f"invanare{n}", number) for n, number in enumerate(numbers)]

    assert purge_inactive_residents() == 5

    assert not any(exists(user) for user in users)
    assert purge_inactive_residents() == 0


def test_each_run_is_in_the_audit_trail_by_count_without_personal_data():
    resident()

    purge_inactive_residents()

    event = AuthEvent.objects.get(event=AuthEvent.Event.PURGED, detail__kind=resident_accounts.KIND)
    assert event.detail["count"] == 1
    assert TOLVAN not in str(event.detail) and "Kalle" not in str(event.detail)


def test_the_resident_who_signs_in_again_after_deletion_gets_a_fresh_account():
    kalle = resident()
    SocialAccount.objects.create(user=kalle, provider=CITIZEN, uid="broker-subject-kalle")
    purge_inactive_residents()
    citizen = claimkit.citizen_claims(
        {PNR: TOLVAN, "given_name": "Kalle", "family_name": "Karlsson"}
    )

    # As the sign-in does (portal.identity.adapter and receivers): the person is not known any
    # more, allauth makes a new user, and the login's claims give it its identity.
    assert not SocialAccount.objects.filter(provider=CITIZEN, uid="broker-subject-kalle").exists()
    assert claimkit.known_citizen(citizen) is None
    again = UserFactory(username="kalle")
    identity = claimkit.apply_citizen_claims(again, citizen)

    assert identity.personal_identity_number == TOLVAN
    assert identity.user != kalle


def test_the_scheduler_runs_the_purge_daily():
    jobs = {job.name: job for job in scheduler.load_jobs()}

    job = jobs["purge_resident_accounts"]
    assert job.func is purge_inactive_residents
    assert job.at == datetime.time(3, 30)


def test_the_command_purges_and_says_how_many():
    kalle = resident()
    out = io.StringIO()

    call_command("purge_resident_accounts", stdout=out)

    assert not exists(kalle)
    assert "1" in out.getvalue()


def test_the_data_protection_report_states_the_rule(settings):
    settings.RESIDENT_ACCOUNT_RETENTION_DAYS = 200

    row = next(row for row in portal_holdings() if row.order == 900)

    assert "200 dagar" in row.retention
    assert "RESIDENT_ACCOUNT_RETENTION_DAYS" in row.configured
