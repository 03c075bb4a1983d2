"""Signal receivers that write the audit trail.

Django's own signals cover every login, whatever form or provider it came through (allauth,
the Wagtail admin login, single sign-on later); allauth.mfa's signals cover second factors.
Connected in `AuditConfig.ready()`.
"""

import ipaddress

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import get_user_model
from django.contrib.auth import signals as auth_signals
from django.core.exceptions import PermissionDenied

from .models import AuthEvent, safe_username

# Keys under which a login form passes what the person typed; never the password.
LOGIN_KEYS = ("login", "username", "email")


def client_ip(request) -> str | None:
    """The address the request came from, as allauth's rate limits see it.

    That is REMOTE_ADDR: X-Forwarded-For is set by whoever sends the request and is trusted
    only when `ALLAUTH_TRUSTED_PROXY_COUNT` says how many proxies in front of the portal
    append to it (docs/operations.md).
    """
    if request is None:
        return None
    try:
        return str(ipaddress.ip_address(get_account_adapter(request).get_client_ip(request)))
    except (PermissionDenied, ValueError):  # no address, or not a valid one
        return None


def record(event, *, request=None, user=None, username="", **detail) -> AuthEvent:
    return AuthEvent.objects.create(
        event=event,
        user=user,
        username=safe_username(username),
        ip_address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "") if request is not None else "",
        detail=detail,
    )


def on_login_succeeded(sender, request, user, **kwargs):
    record(AuthEvent.Event.LOGIN_SUCCEEDED, request=request, user=user)


def on_login_failed(sender, credentials, request=None, **kwargs):
    typed = next((credentials[key] for key in LOGIN_KEYS if credentials.get(key)), "")
    username = safe_username(typed)
    user = None
    if username and username == typed:
        # Link the attempt to the account it was made against, so "all events of this user"
        # shows attacks on it too.
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    record(AuthEvent.Event.LOGIN_FAILED, request=request, user=user, username=username)


def on_logged_out(sender, request, user, **kwargs):
    if user is None:  # an anonymous session "logging out" is not an event
        return
    record(AuthEvent.Event.LOGGED_OUT, request=request, user=user)


def _authenticator_detail(authenticator) -> dict:
    return {"type": authenticator.type, "authenticator": authenticator.pk}


def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    record(
        AuthEvent.Event.MFA_ADDED,
        request=request,
        user=user,
        **_authenticator_detail(authenticator),
    )


def on_authenticator_removed(sender, request, user, authenticator, **kwargs):
    record(
        AuthEvent.Event.MFA_REMOVED,
        request=request,
        user=user,
        **_authenticator_detail(authenticator),
    )


def on_authenticator_reset(sender, request, user, authenticator, **kwargs):
    record(
        AuthEvent.Event.MFA_RESET,
        request=request,
        user=user,
        **_authenticator_detail(authenticator),
    )


def on_authenticator_used(
    sender, request, user, authenticator, reauthenticated=False, passwordless=False, **kwargs
):
    record(
        AuthEvent.Event.MFA_USED,
        request=request,
        user=user,
        reauthenticated=bool(reauthenticated),
        passwordless=bool(passwordless),
        **_authenticator_detail(authenticator),
    )


def on_mfa_failed(sender, request, user, authenticator=None, **kwargs):
    detail = _authenticator_detail(authenticator) if authenticator is not None else {}
    record(AuthEvent.Event.MFA_FAILED, request=request, user=user, **detail)


def connect():
    uid = "portal.audit"
    auth_signals.user_logged_in.connect(on_login_succeeded, dispatch_uid=f"{uid}.login")
    auth_signals.user_login_failed.connect(on_login_failed, dispatch_uid=f"{uid}.login_failed")
    auth_signals.user_logged_out.connect(on_logged_out, dispatch_uid=f"{uid}.logout")
    mfa_signals.authenticator_added.connect(on_authenticator_added, dispatch_uid=f"{uid}.mfa_add")
    mfa_signals.authenticator_removed.connect(
        on_authenticator_removed, dispatch_uid=f"{uid}.mfa_remove"
    )
    mfa_signals.authenticator_reset.connect(on_authenticator_reset, dispatch_uid=f"{uid}.mfa_reset")
    mfa_signals.authenticator_used.connect(on_authenticator_used, dispatch_uid=f"{uid}.mfa_use")
    mfa_signals.authentication_failed.connect(on_mfa_failed, dispatch_uid=f"{uid}.mfa_fail")
