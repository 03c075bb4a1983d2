"""The authentication audit trail: what each login, logout and second-factor event leaves
behind, that nothing in it can be changed or removed, and who may read it in the admin."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.utils import timezone

from portal.audit.models import AppendOnlyError, AuthEvent
from portal.tests.factories import PASSWORD, UserFactory, sign_in_for_admin

LOGIN_URL = "/accounts/login/"
ADMIN_URL = "/admin/audit/"
Event = AuthEvent.Event


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts failed logins in the cache, which outlives each test's transaction."""
    cache.clear()
    yield
    cache.clear()


def log_in(client, login, password=PASSWORD, **extra):
    return client.post(LOGIN_URL, {"login": login, "password": password}, **extra)


@pytest.mark.django_db
def test_successful_login_records_user_ip_and_browser(client):
    user = UserFactory()

    response = log_in(
        client, user.username, REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT="Testläsare/1.0"
    )

    assert response.status_code == 302
    event = AuthEvent.objects.get(event=Event.LOGIN_SUCCEEDED, user=user)
    assert event.username == user.username
    assert event.ip_address == "192.0.2.10"
    assert event.user_agent == "Testläsare/1.0"


@pytest.mark.django_db
def test_forwarded_for_header_is_not_trusted(client):
    user = UserFactory()

    log_in(client, user.username, REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert AuthEvent.objects.get(user=user).ip_address == "192.0.2.10"


@pytest.mark.django_db
def test_forwarded_for_header_is_used_behind_a_declared_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    user = UserFactory()

    log_in(client, user.username, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert AuthEvent.objects.get(user=user).ip_address == "203.0.113.9"


@pytest.mark.django_db
def test_long_user_agent_is_truncated(client):
    user = UserFactory()

    log_in(client, user.username, HTTP_USER_AGENT="x" * 1000)

    assert AuthEvent.objects.get(user=user).user_agent == "x" * 255


@pytest.mark.django_db
def test_wrong_password_records_the_attempt_but_never_the_password(client):
    user = UserFactory()
    wrong = "fel-lösenord-som-inte-får-lagras"

    response = log_in(client, user.username, password=wrong)

    assert response.status_code == 200
    event = AuthEvent.objects.get(event=Event.LOGIN_FAILED)
    assert event.username == user.username
    assert event.user == user
    assert event.ip_address == "127.0.0.1"
    row = str(AuthEvent.objects.filter(pk=event.pk).values().get())
    assert wrong not in row
    assert "password" not in row


@pytest.mark.django_db
def test_failed_login_for_an_unknown_account_keeps_what_was_typed(client):
    log_in(client, "finns-inte", password="vadsomhelst")

    event = AuthEvent.objects.get(event=Event.LOGIN_FAILED)
    assert (event.username, event.user) == ("finns-inte", None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed", ["640823-3234", "6408233234", "196408233234", "19640823-3234", "121212+1212"]
)
def test_personal_identity_number_typed_as_login_is_hidden(client, typed):
    log_in(client, typed, password="vadsomhelst")

    event = AuthEvent.objects.get(event=Event.LOGIN_FAILED)
    assert event.username == "(personnummer dolt)"
    digits = typed.replace("-", "").replace("+", "")
    assert digits[-4:] not in str(AuthEvent.objects.filter(pk=event.pk).values().get())


@pytest.mark.django_db
def test_logout_is_recorded(client):
    user = UserFactory()
    log_in(client, user.username)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert AuthEvent.objects.filter(event=Event.LOGGED_OUT, user=user).count() == 1


@pytest.mark.django_db
def test_repeated_failed_logins_are_throttled(client):
    """allauth's default ("login_failed": 5 per account per 5 minutes) answers the sixth
    attempt with a form error, and does not even try the password."""
    user = UserFactory()
    for _ in range(5):
        response = log_in(client, user.username, password="fel-lösenord")
        assert "För många misslyckade inloggningsförsök" not in response.text

    response = log_in(client, user.username)  # even the right password

    assert response.status_code == 200
    assert "För många misslyckade inloggningsförsök. Försök igen senare." in response.text
    assert "_auth_user_id" not in client.session
    assert AuthEvent.objects.filter(event=Event.LOGIN_FAILED, user=user).count() == 5
    assert not AuthEvent.objects.filter(event=Event.LOGIN_SUCCEEDED, user=user).exists()


@pytest.mark.django_db
def test_second_factor_use_and_failure_are_recorded(client):
    user = UserFactory()
    secret = generate_totp_secret()
    authenticator = TOTP.activate(user, secret).instance
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))

    response = log_in(client, user.username)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not AuthEvent.objects.filter(event=Event.LOGIN_SUCCEEDED).exists()
    client.post("/accounts/2fa/authenticate/", {"code": "000000" if code != "000000" else "1"})
    client.post("/accounts/2fa/authenticate/", {"code": code})

    failed = AuthEvent.objects.get(event=Event.MFA_FAILED)
    used = AuthEvent.objects.get(event=Event.MFA_USED)
    assert failed.user == used.user == user
    assert used.detail == {
        "type": Authenticator.Type.TOTP,
        "authenticator": authenticator.pk,
        "reauthenticated": False,
        "passwordless": False,
    }
    assert AuthEvent.objects.filter(event=Event.LOGIN_SUCCEEDED, user=user).exists()


@pytest.mark.django_db
def test_adding_and_removing_a_second_factor_is_recorded(rf):
    from allauth.mfa import signals

    user = UserFactory()
    request = rf.post("/", REMOTE_ADDR="192.0.2.20")
    request.user = user
    authenticator = TOTP.activate(user, generate_totp_secret()).instance

    for signal in (
        signals.authenticator_added,
        signals.authenticator_reset,
        signals.authenticator_removed,
    ):
        signal.send(sender=Authenticator, request=request, user=user, authenticator=authenticator)

    events = AuthEvent.objects.filter(user=user).order_by("pk")
    assert [e.event for e in events] == [Event.MFA_ADDED, Event.MFA_RESET, Event.MFA_REMOVED]
    assert {e.ip_address for e in events} == {"192.0.2.20"}
    assert events[0].detail["type"] == Authenticator.Type.TOTP


@pytest.mark.django_db
def test_an_event_cannot_be_changed_or_deleted():
    event = AuthEvent.objects.create(event=Event.LOGIN_FAILED, username="någon")

    event.username = "någon annan"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuthEvent.objects.filter(pk=event.pk).update(username="någon annan")
    with pytest.raises(AppendOnlyError):
        AuthEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuthEvent.objects.all().delete()

    assert AuthEvent.objects.get(pk=event.pk).username == "någon"


@pytest.mark.django_db
def test_a_new_instance_cannot_overwrite_an_existing_row():
    from django.db import IntegrityError, transaction

    event = AuthEvent.objects.create(event=Event.LOGIN_FAILED, username="någon")

    with pytest.raises(IntegrityError), transaction.atomic():
        AuthEvent(pk=event.pk, event=Event.LOGIN_SUCCEEDED, username="förfalskad").save()

    assert AuthEvent.objects.get(pk=event.pk).username == "någon"


@pytest.mark.django_db
def test_events_outlive_the_user(client):
    user = UserFactory()
    log_in(client, user.username)
    username = user.username

    user.delete()

    event = AuthEvent.objects.get(event=Event.LOGIN_SUCCEEDED, username=username)
    assert event.user is None


# --- The admin ------------------------------------------------------------------------------


@pytest.fixture
def some_events(db):
    user = UserFactory()
    AuthEvent.objects.create(event=Event.LOGIN_SUCCEEDED, user=user, ip_address="192.0.2.1")
    AuthEvent.objects.create(event=Event.LOGIN_FAILED, username="inbrottstjuv")
    return user


@pytest.mark.django_db
def test_superuser_sees_the_trail_filtered(client, some_events):
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    response = client.get(ADMIN_URL, {"event": "login_failed"})

    assert response.status_code == 200
    assert "inbrottstjuv" in response.text
    assert "Misslyckad inloggning" in response.text
    assert "192.0.2.1" not in response.text


@pytest.mark.django_db
def test_trail_filters_by_user_and_date(client, some_events):
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    today = timezone.localdate().isoformat()

    response = client.get(
        ADMIN_URL, {"user": some_events.pk, "timestamp_from": today, "timestamp_to": today}
    )

    assert response.status_code == 200
    assert list(response.context["object_list"]) == list(some_events.auth_events.all())
    assert "192.0.2.1" in response.text
    assert "inbrottstjuv" not in response.text
    before = client.get(ADMIN_URL, {"timestamp_to": "2000-01-01"})
    assert list(before.context["object_list"]) == []


@pytest.mark.django_db
def test_the_trail_has_no_add_edit_or_delete_views(client, some_events):
    sign_in_for_admin(client, UserFactory(is_superuser=True))
    event = AuthEvent.objects.first()

    assert client.get(f"{ADMIN_URL}inspect/{event.pk}/").status_code == 200
    for url in ("new/", f"edit/{event.pk}/", f"delete/{event.pk}/", f"copy/{event.pk}/"):
        assert client.get(ADMIN_URL + url).status_code == 404
        assert client.post(ADMIN_URL + url).status_code == 404


@pytest.fixture
def admin_user_without_audit_access(db):
    editors = Group.objects.create(name="Testredaktörer")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    return UserFactory(groups=[editors])


@pytest.mark.django_db
def test_admin_user_without_the_permission_cannot_see_the_trail(
    client, some_events, admin_user_without_audit_access
):
    sign_in_for_admin(client, admin_user_without_audit_access)

    response = client.get(ADMIN_URL)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert "inbrottstjuv" not in client.get(ADMIN_URL, follow=True).text


@pytest.mark.django_db
def test_view_permission_grants_read_access(client, some_events, admin_user_without_audit_access):
    admin_user_without_audit_access.user_permissions.add(
        Permission.objects.get(content_type__app_label="audit", codename="view_authevent")
    )
    sign_in_for_admin(client, admin_user_without_audit_access)

    assert client.get(ADMIN_URL).status_code == 200


@pytest.mark.django_db
def test_the_trail_is_in_the_settings_menu_only_for_those_who_may_read_it(
    client, admin_user_without_audit_access
):
    sign_in_for_admin(client, admin_user_without_audit_access)
    assert ADMIN_URL not in client.get("/admin/").text

    sign_in_for_admin(client, UserFactory(is_superuser=True))
    assert ADMIN_URL in client.get("/admin/").text


@pytest.mark.django_db
def test_the_trail_says_in_words_why_a_sign_in_failed(client):
    from portal.audit.receivers import record

    record(AuthEvent.Event.LOGIN_FAILED, provider="medarbetare", reason="id_token_expired")
    record(AuthEvent.Event.LOGIN_FAILED, provider="medarbetare", reason="provider_server_error")
    record(AuthEvent.Event.LOGOUT_REFUSED, provider="e-legitimation", reason="logout_token_nonce")
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    listing = client.get(ADMIN_URL).text

    assert "ID-tokenen hade gått ut" in listing
    assert "Inloggningstjänsten svarade med felet server_error" in listing
    assert "Utloggningsbegäran godkändes inte: nonce" in listing
    event = AuthEvent.objects.get(detail__reason="id_token_expired")
    assert "ID-tokenen hade gått ut" in client.get(f"{ADMIN_URL}inspect/{event.pk}/").text
