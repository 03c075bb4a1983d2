"""allauth adapters and the second-factor rule for privileged work.

There is no self-signup: accounts come from the identity providers, and until single sign-on
is configured, administrators create them.
"""

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.core import context
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

# The admin, and the handlers' case views of the e-services (eservices.handler_views), with
# their English-prefixed addresses.
SECOND_FACTOR_PATHS = ("/admin/", "/handlaggning/", "/en/handlaggning/")


def case_handling_permissions() -> list[str]:
    """The permissions that let someone work on residents' cases. Each app with cases names
    its own through the hook `register_case_handling_permissions` (eservices: one per
    e-service), so a new e-service's handlers need a second factor like the others."""
    from wagtail import hooks

    return [
        permission
        for permissions_of in hooks.get_hooks("register_case_handling_permissions")
        for permission in permissions_of()
    ]


def user_display(user) -> str:
    """How the portal names a signed-in person: their name, else their username."""
    return user.get_full_name() or user.get_username()


def single_sign_on_configured(request) -> bool:
    from allauth.socialaccount.adapter import get_adapter as get_social_adapter

    from portal.identity.config import EMPLOYEE_PROVIDERS

    adapter = get_social_adapter()
    apps = [
        *adapter.list_apps(request, provider="openid_connect"),
        *adapter.list_apps(request, provider="saml"),
    ]
    return any(app.provider_id in EMPLOYEE_PROVIDERS for app in apps)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def pre_login(self, request, user, **kwargs):
        """With single sign-on on, a password opens the portal only to the break-glass
        administrators (superusers, docs/roles.md); everyone else signs in through their
        municipality's identity provider, where their account is kept up to date."""
        through_provider = bool((kwargs.get("signal_kwargs") or {}).get("sociallogin"))
        if not through_provider and not user.is_superuser and single_sign_on_configured(request):
            from allauth.account.internal.stagekit import clear_login

            from portal.audit.models import AuthEvent
            from portal.audit.receivers import record

            clear_login(request)
            record(
                AuthEvent.Event.LOGIN_REFUSED,
                request=request,
                user=user,
                username=user.get_username(),
                reason="password_login_not_allowed",
            )
            messages.error(
                request,
                _(
                    "Lösenordsinloggningen är bara till för reservadministratörer. Logga in med "
                    "kommunens konto i stället."
                ),
            )
            return redirect(request.get_full_path())
        return super().pre_login(request, user, **kwargs)

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A sign-in through the identity provider a moment ago counts as confirming it is them.

        allauth asks again (password, or a code by e-mail) before a second factor is added or
        removed. Someone who signs in by single sign-on has no password here, and has just
        proved who they are at their identity provider: within the reauthentication timeout
        that is enough, as a password typed a moment ago would be.
        """
        request = context.request
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.has_usable_password():
            # The latest sign-in through the provider, not the latest record: setting up a
            # second factor records one after it (count_new_factor_as_used).
            records = get_authentication_records(request, user)
            signed_in = [r for r in records if r.get("method") == "socialaccount"]
            last = signed_in[-1] if signed_in else {}
            if (
                last.get("method") == "socialaccount"
                and time.time() - last.get("at", 0) < account_settings.REAUTHENTICATION_TIMEOUT
            ):
                return False
        return super().is_reauthentication_required(app=app, **kwargs)


def count_new_factor_as_used(sender, request, user, authenticator, **kwargs):
    """Setting up a factor proves the person holds it (they typed its code or touched the key),
    so it counts as used in this session: they are not asked for it again on the next page."""
    if getattr(request, "session", None) is not None and (
        authenticator.type != Authenticator.Type.RECOVERY_CODES
    ):
        record_authentication(request, user, method="mfa", type=authenticator.type)


def needs_second_factor(user) -> bool:
    """Editors, approvers and administrators: everyone who may open the Wagtail admin; and
    the handlers of e-service cases, who read residents' personal data."""
    if not user.is_authenticated:
        return False
    if user.has_perm("wagtailadmin.access_admin"):
        return True
    return any(user.has_perm(permission) for permission in case_handling_permissions())


def used_second_factor(request) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def confirmation_view(user) -> str:
    """Where a user confirms their second factor: with a passkey if they have one (the page
    offers their other factors too), otherwise with a code from the app or a recovery code."""
    if Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).exists():
        return "mfa_reauthenticate_webauthn"
    return "mfa_reauthenticate"


class RequireSecondFactorMiddleware:
    """The Wagtail admin opens only to a privileged user who signed in with a second factor
    (strategy 6.4).

    Without a second factor set up, the user is led to set up TOTP (an authenticator app); with
    one set up but not used in this session (a session from before it was added, say), they
    confirm it first. Checked on every request, so no admin view can forget it. Privileged
    sessions also end after `PRIVILEGED_SESSION_IDLE_TIMEOUT` seconds without a request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        privileged = needs_second_factor(request.user)
        if privileged:
            # A privileged session ends after a while without activity (sliding expiry).
            request.session.set_expiry(settings.PRIVILEGED_SESSION_IDLE_TIMEOUT)
        if privileged and request.path.startswith(SECOND_FACTOR_PATHS):
            if not is_mfa_enabled(request.user):
                messages.info(
                    request,
                    _(
                        "Administrationen och handläggningen kräver tvåstegsverifiering. Lägg "
                        "till en autentiseringsapp i mobilen för att fortsätta."
                    ),
                )
                return redirect("mfa_activate_totp")
            if not used_second_factor(request):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(confirmation_view(request.user))}?{query}")
        return self.get_response(request)
