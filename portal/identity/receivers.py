"""After every login through a provider: the employee's groups and profile, or the citizen's
identity, set from the claims of that login."""

from allauth.account.models import EmailAddress
from allauth.account.signals import user_logged_in

from portal.audit.models import AuthEvent
from portal.audit.receivers import record

from . import claims as claimkit
from . import idle, logout
from .config import CITIZEN, EMPLOYEE_PROVIDERS


def on_user_logged_in(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is None:
        return
    provider_id = sociallogin.account.provider
    logout.remember_sign_in(request, user, sociallogin)
    if provider_id in EMPLOYEE_PROVIDERS:
        employee = claimkit.employee_claims(claimkit.claims_of(sociallogin))
        added, removed = claimkit.apply_employee_claims(user, employee)
        trust_addresses(user, sociallogin)
        if added or removed:
            record(
                AuthEvent.Event.ROLE_CHANGED,
                request=request,
                user=user,
                username=user.get_username(),
                provider=provider_id,
                added=added,
                removed=removed,
            )
    elif provider_id == CITIZEN:
        idle.start(request)
        citizen = getattr(sociallogin, "_citizen", None)
        if citizen is None:  # pragma: no cover - pre_social_login always sets it
            raise RuntimeError("citizen login without validated claims")
        claimkit.apply_citizen_claims(user, citizen)


def trust_addresses(user, sociallogin):
    """An address the provider vouches for at this login (portal.identity.provider) is
    verified on the account too, also for an account made before the operator trusted it:
    allauth.mfa lets nobody set up a second factor while an address is unverified."""
    verified = [address.email for address in sociallogin.email_addresses if address.verified]
    for email in verified:
        EmailAddress.objects.filter(user=user, email__iexact=email, verified=False).update(
            verified=True
        )


def connect():
    user_logged_in.connect(on_user_logged_in, dispatch_uid="identity_apply_claims")
