"""allauth's social-login adapter: who may come in through which provider.

* Accounts come from the providers (auto-signup, no form); the local signup stays closed.
* A citizen (provider `e-legitimation`) must bring a valid personnummer or samordningsnummer,
  or a foreign e-ID's identifier through the eIDAS node (docs/identity.md); an employee
  (provider `medarbetare`) a municipality the portal knows. Otherwise the login is
  refused with a page saying why, before any account exists.
* An employee account and a citizen account are never the same account: connecting one
  provider to an account of the other is refused.
* Every failure of the exchange with a provider (`portal.identity.views`) ends on allauth's
  error page through `on_authentication_error`, which names the reason in the audit trail.
"""

import logging
import re

import requests
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.providers.base.constants import AuthError
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.audit.models import AuthEvent
from portal.audit.receivers import record

from . import claims as claimkit
from . import id_tokens
from .config import CITIZEN, EMPLOYEE_PROVIDERS
from .logout import PENDING_SESSION_KEY
from .views import ProviderError

logger = logging.getLogger(__name__)


def refuse(request, provider_id: str, refusal: claimkit.LoginRefused):
    """End the login on a page that says why; write the refusal to the audit trail."""
    forget_id_token(request)
    record(
        AuthEvent.Event.LOGIN_REFUSED, request=request, provider=provider_id, reason=refusal.reason
    )
    logger.info("Login through %s refused: %s", provider_id, refusal.reason)
    response = render(
        request,
        "identity/login_refused.html",
        {
            "message": refusal.message,
            "provider_id": provider_id,
            "is_citizen": provider_id == CITIZEN,
        },
        status=403,
    )
    raise ImmediateHttpResponse(response)


def forget_id_token(request):
    """The ID token of a login that did not happen is not kept (portal.identity.logout)."""
    if getattr(request, "session", None) is not None:
        request.session.pop(PENDING_SESSION_KEY, None)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return True

    def is_auto_signup_allowed(self, request, sociallogin):
        return True

    def pre_social_login(self, request, sociallogin):
        provider_id = sociallogin.account.provider
        nonce = sociallogin.state.get("nonce")
        if nonce is not None:
            # The ID token must answer this login's authorization request (provider.py).
            try:
                id_tokens.check_nonce(claimkit.claims_of(sociallogin), nonce)
            except id_tokens.IdTokenError as error:
                raise ImmediateHttpResponse(
                    render_authentication_error(
                        request, sociallogin.provider, exception=ProviderError("id_token_nonce")
                    )
                ) from error
        if sociallogin.state.get("process") == "connect":
            refuse(
                request,
                provider_id,
                claimkit.LoginRefused(
                    "connect_refused",
                    _(
                        "Ett konto kan inte kopplas till en annan inloggning. Medarbetare loggar "
                        "in med kommunens konto och invånare med e-legitimation, var för sig."
                    ),
                ),
            )
        claims = claimkit.claims_of(sociallogin)
        try:
            if provider_id == CITIZEN:
                citizen = claimkit.citizen_claims(claims)
            elif provider_id in EMPLOYEE_PROVIDERS:
                claimkit.employee_claims(claims)
        except claimkit.LoginRefused as refusal:
            refuse(request, provider_id, refusal)
        if provider_id == CITIZEN:
            claimkit.strip_personal_identity_number(sociallogin)
            # Keep the number for the login that follows, in this object only.
            sociallogin._citizen = citizen
            if not sociallogin.is_existing:
                # The broker's subject for this person changed (a new broker, say, or a foreign
                # e-ID the eIDAS node has now bound to a Swedish number): the person is the one
                # we know by their number, else by their foreign identifier, not a new one.
                known = claimkit.known_citizen(citizen)
                if known:
                    sociallogin.connect(request, known.user)

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        if sociallogin.account.provider == CITIZEN:
            # A citizen account has no e-mail from e-ID; its username is derived from the name
            # (never from the number) by allauth's populate_username.
            user.email = ""
        return user

    def validate_disconnect(self, account, accounts):
        raise ValidationError(
            _("Inloggningen kommer från kommunens identitetstjänst och kan inte kopplas bort.")
        )

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        # A wrong or reused state, a provider down or slow, a token that fails its checks, a
        # provider that said no: all end on allauth's error page
        # (socialaccount/authentication_error.html), told which kind of failure it was; the
        # audit trail gets the reason, never the token.
        forget_id_token(request)
        reason = failure_reason(request, error, exception, extra_context or {})
        provider_id = getattr(getattr(provider, "app", None), "provider_id", "") or provider.id
        record(
            AuthEvent.Event.LOGIN_FAILED,
            request=request,
            provider=provider_id,
            reason=reason,
            exception=type(exception).__name__ if exception else "",
        )
        logger.info("Login through %s failed: %s", provider_id, reason)
        if extra_context is not None:
            extra_context["failure"] = {
                "reason": reason,
                "unavailable": reason in UNAVAILABLE,
                "cancelled": reason == "provider_access_denied",
                "is_citizen": provider_id == CITIZEN,
            }


# Failures where the provider, not the answer, is at fault: "try again later".
UNAVAILABLE = {
    "provider_timeout",
    "provider_unreachable",
    "discovery_error",
    "discovery_invalid",
    "provider_error",
    "id_token_key_set_unavailable",
}


def failure_reason(request, error, exception, extra_context) -> str:
    """A short, fixed name for why a login through a provider failed, for the audit trail."""
    if isinstance(exception, ProviderError):
        return exception.reason
    if isinstance(exception, requests.Timeout):
        return "provider_timeout"
    if isinstance(exception, requests.ConnectionError):
        return "provider_unreachable"
    if isinstance(exception, PermissionDenied):
        return "permission_denied"
    if exception is not None:
        return "provider_error"
    if error == AuthError.CANCELLED:
        return "cancelled"
    if "error" in request.GET:
        # The provider's own error code (RFC 6749 4.1.2.1), kept only if it looks like one.
        # Also when the provider left out the state, as some do when the person cancels.
        code = request.GET["error"]
        return "provider_" + (code if re.fullmatch(r"[a-z_]{1,40}", code) else "error")
    if "saml_errors" in extra_context:
        # The SAML response failed python3-saml's checks (signature, audience, conditions);
        # the log line names which.
        return "saml_response_invalid"
    if "state_id" in extra_context:
        # No state stashed under the id the callback brought: reused, forged or expired.
        return "state_invalid"
    return "no_code"
