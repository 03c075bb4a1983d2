"""allauth adapters and the second-factor rule for privileged work.

There is no self-signup: accounts come from the identity providers, and until single sign-on
is configured, administrators create them.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

SECOND_FACTOR_PATHS = ("/admin/",)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False


def needs_second_factor(user) -> bool:
    """Editors, approvers and administrators: everyone who may open the Wagtail admin."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def used_second_factor(request) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


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
                        "Administrationen kräver tvåstegsverifiering. Lägg till en "
                        "autentiseringsapp i mobilen för att fortsätta."
                    ),
                )
                return redirect("mfa_activate_totp")
            if not used_second_factor(request):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)
