"""allauth's social-login adapter: who may come in through which provider.

* Accounts come from the providers (auto-signup, no form); the local signup stays closed.
* A citizen (provider `e-legitimation`) must bring a valid personnummer or samordningsnummer;
  an employee (provider `medarbetare`) a municipality the portal knows. Otherwise the login is
  refused with a page saying why, before any account exists.
* An employee account and a citizen account are never the same account: connecting one
  provider to an account of the other is refused.
"""

import logging

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.audit.models import AuthEvent
from portal.audit.receivers import record

from . import claims as claimkit
from .config import CITIZEN, EMPLOYEE
from .models import CitizenIdentity

logger = logging.getLogger(__name__)


def refuse(request, provider_id: str, refusal: claimkit.LoginRefused):
    """End the login on a page that says why; write the refusal to the audit trail."""
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


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return True

    def is_auto_signup_allowed(self, request, sociallogin):
        return True

    def pre_social_login(self, request, sociallogin):
        provider_id = sociallogin.account.provider
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
            elif provider_id == EMPLOYEE:
                claimkit.employee_claims(claims)
        except claimkit.LoginRefused as refusal:
            refuse(request, provider_id, refusal)
        if provider_id == CITIZEN:
            claimkit.strip_personal_identity_number(sociallogin)
            # Keep the number for the login that follows, in this object only.
            sociallogin._citizen = citizen
            if not sociallogin.is_existing:
                # The broker's subject for this person changed (a new broker, say): the person
                # is the one we know by their number, not a new one.
                known = (
                    CitizenIdentity.objects.select_related("user")
                    .filter(personal_identity_number=citizen.number.normalised)
                    .first()
                )
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
        # A wrong state, a token that fails its checks, a provider that said no: all end on
        # allauth's error page (theme: socialaccount/authentication_error.html); the trail
        # gets the reason, never the token.
        record(
            AuthEvent.Event.LOGIN_FAILED,
            request=request,
            provider=getattr(getattr(provider, "app", None), "provider_id", "") or provider.id,
            reason=str(error or "unknown"),
            exception=type(exception).__name__ if exception else "",
        )
