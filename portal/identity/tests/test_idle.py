"""A resident's session ends after 20 minutes without activity and after an absolute maximum
(issue 17, item 4), and what they were typing in an application is kept as a draft. The
warning in the browser is tested in Chromium (tests/e2e/test_idle_timeout.py)."""

import time
import uuid

import pytest

from eservices.models import Case
from eservices.tests.factories import EMMA, make_citizen, preschool_answers
from portal.audit.models import AuthEvent
from portal.identity import idle
from portal.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

APPLY_PRESCHOOL = "/e-tjanster/forskola/ansok/?kommun=amal"
DONE = "/accounts/oidc/e-legitimation/logout/done/"


@pytest.fixture
def emma(client):
    user = make_citizen("emma-idle", EMMA, "Emma", "Karlsson")
    client.force_login(user)
    client.get("/mina-sidor/")  # the first request starts the clocks
    return user


def idle_for(client, seconds, *, signed_in_ago=None):
    session = client.session
    now = time.time()
    session[idle.ACTIVITY_KEY] = int(now - seconds)
    if signed_in_ago is not None:
        session[idle.SIGNED_IN_KEY] = int(now - signed_in_ago)
    session.save()


def test_an_active_resident_stays_signed_in(client, emma, settings):
    idle_for(client, settings.CITIZEN_SESSION_IDLE_TIMEOUT - 60)

    response = client.get("/mina-sidor/")

    assert response.status_code == 200
    assert "Hej Emma!" in response.text
    # That request was activity: the clock starts again.
    assert idle.remaining(client.session)[0] > settings.CITIZEN_SESSION_IDLE_TIMEOUT - 5


def test_twenty_minutes_without_activity_end_the_session(client, emma):
    idle_for(client, 20 * 60 + 1)

    response = client.get("/mina-sidor/")

    assert response.status_code == 302
    assert response["Location"] == f"{DONE}?state=inaktiv"
    assert "_auth_user_id" not in client.session
    assert AuthEvent.objects.filter(
        event="logged_out", user=emma, detail__reason="idle_timeout"
    ).exists()
    page = client.get(response["Location"])
    assert "Du loggades ut eftersom du inte hade gjort något på 20 minuter" in page.text
    assert client.get("/mina-sidor/")["Location"].startswith("/mina-sidor/logga-in/")


def test_the_idle_time_is_a_setting(client, emma, settings):
    settings.CITIZEN_SESSION_IDLE_TIMEOUT = 5 * 60
    idle_for(client, 5 * 60 + 1)

    assert client.get("/mina-sidor/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_absolute_maximum_ends_even_an_active_session(client, emma, settings):
    idle_for(client, 10, signed_in_ago=settings.CITIZEN_SESSION_MAX_AGE + 1)

    response = client.get("/mina-sidor/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert AuthEvent.objects.filter(
        event="logged_out", user=emma, detail__reason="session_max_age"
    ).exists()


def test_asking_how_long_is_left_is_not_activity_but_continuing_is(client, emma, settings):
    idle_for(client, 600)

    status = client.get("/accounts/session/").json()

    assert status["signed_in"] is True
    assert status["idle_seconds_left"] >= settings.CITIZEN_SESSION_IDLE_TIMEOUT - 600 - 5
    assert status["idle_seconds_left"] <= settings.CITIZEN_SESSION_IDLE_TIMEOUT - 600
    assert idle.remaining(client.session)[0] <= settings.CITIZEN_SESSION_IDLE_TIMEOUT - 600

    continued = client.post("/accounts/session/").json()

    assert continued["idle_seconds_left"] >= settings.CITIZEN_SESSION_IDLE_TIMEOUT - 5


def test_asking_after_the_end_says_signed_out(client, emma):
    idle_for(client, 20 * 60 + 1)

    response = client.get("/accounts/session/")

    assert response.status_code == 401
    assert response.json() == {"signed_in": False, "logout_url": f"{DONE}?state=inaktiv"}


def test_an_application_sent_after_the_session_ran_out_is_kept_as_a_draft(client, emma):
    client.get(APPLY_PRESCHOOL)
    idle_for(client, 25 * 60)
    answers = preschool_answers()

    response = client.post(
        APPLY_PRESCHOOL,
        {"submission_key": str(uuid.uuid4()), "action": "submit", **answers},
    )

    assert response.status_code == 302
    assert response["Location"] == f"{DONE}?state=inaktiv-utkast"
    assert "_auth_user_id" not in client.session
    case = Case.objects.get(applicant=emma)
    assert case.status == Case.Status.DRAFT  # kept, never sent without the person
    assert case.data["child_name"] == answers["child_name"]
    page = client.get(response["Location"])
    assert "sparat som utkast" in page.text


def test_the_browsers_logout_after_an_unanswered_warning(client, emma):
    response = client.post("/accounts/session/logout/", {"utkast": "1"})

    assert response["Location"] == f"{DONE}?state=inaktiv-utkast"
    assert "_auth_user_id" not in client.session
    assert AuthEvent.objects.filter(detail__reason="idle_timeout", user=emma).exists()


def test_the_warning_is_on_a_residents_pages_only(client, emma):
    html = client.get("/mina-sidor/").text
    assert 'id="session-dialog"' in html
    assert 'data-warning="120"' in html

    client.logout()
    assert 'id="session-dialog"' not in client.get("/").text
    employee = UserFactory()
    client.force_login(employee)
    assert 'id="session-dialog"' not in client.get("/").text


def test_a_page_with_the_warning_is_never_kept_by_a_shared_cache(client, emma):
    response = client.get("/")

    assert 'id="session-dialog"' in response.text
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_an_employees_session_has_no_resident_timeout(client):
    employee = UserFactory()
    client.force_login(employee)
    session = client.session
    session[idle.ACTIVITY_KEY] = int(time.time() - 3600)
    session.save()

    assert client.get("/").status_code == 200
    assert "_auth_user_id" in client.session


def test_the_nightly_session_clean_up_removes_provider_sessions_no_session_can_outlive(settings):
    from datetime import timedelta

    from django.utils import timezone

    from portal.identity.sessions import ProviderSession
    from portal.scheduler import clear_sessions

    user = UserFactory()
    old = ProviderSession.objects.create(
        provider_id="e-legitimation",
        issuer="https://idp",
        subject="a",
        session_key="old",
        user=user,
    )
    ProviderSession.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    )
    recent = ProviderSession.objects.create(
        provider_id="e-legitimation",
        issuer="https://idp",
        subject="b",
        session_key="new",
        user=user,
    )

    clear_sessions()

    assert list(ProviderSession.objects.all()) == [recent]
