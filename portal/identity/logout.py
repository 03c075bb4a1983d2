"""Logging out at both ends: the portal and the identity provider.

On a shared library computer the next person must not be signed in with the last person's
e-ID. So logging out of the portal also ends the session at the provider, and a provider that
ends its session (or is told to by the person elsewhere) can end the portal's.

* **RP-initiated logout** (OpenID Connect RP-Initiated Logout 1.0): when the provider announces
  an `end_session_endpoint`, the portal's logout sends the browser there with the ID token of the
  sign-in as `id_token_hint`, the client ID and the registered `post_logout_redirect_uri`
  (`/accounts/oidc/<provider>/logout/done/`), which says that both are logged out. The ID token
  is kept in the portal session only (server-side) from sign-in to logout.
* **Back-channel logout** (OpenID Connect Back-Channel Logout 1.0): the provider POSTs a signed
  `logout_token` to `/accounts/oidc/<provider>/logout/backchannel/`. It is checked like an ID
  token (signature with the provider's keys, `iss`, `aud`, `iat`, `exp`) plus the logout
  token's own rules (the back-channel `events` member, `sid` or `sub`, no `nonce`, `jti` not
  seen before), and the portal sessions of that provider session (`sid`) or of that person
  (`sub`) end at once.

Every step is written to the audit trail. Nothing here can make a logout fail: a provider that
does not answer means the portal session still ends, and the person is told what to do.
"""

import logging
from urllib.parse import urlencode

import jwt
import requests
from allauth.account.views import LogoutView
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.contrib.auth import user_logged_out
from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.audit.models import AuthEvent
from portal.audit.receivers import record

from . import id_tokens
from .config import CITIZEN
from .sessions import ProviderSession

logger = logging.getLogger(__name__)

# The sign-in through a provider, in the portal session: {"provider_id", "id_token"}.
SESSION_KEY = "identity.provider_login"
# Between the token exchange and the login it leads to (portal.identity.views).
PENDING_SESSION_KEY = "identity.pending_id_token"

BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout"
LOGOUT_TOKEN_CLAIMS = ["iss", "aud", "iat", "exp", "jti", "events"]


def remember_sign_in(request, user, sociallogin) -> None:
    """At sign-in through an OpenID Connect provider: keep the raw ID token in the session for
    the logout, and which provider session this portal session belongs to."""
    id_token = request.session.pop(PENDING_SESSION_KEY, None)
    if not id_token:
        return  # SAML, or allauth's headless token login: nothing to log out with
    provider_id = sociallogin.account.provider
    claims = id_tokens_claims(sociallogin)
    request.session[SESSION_KEY] = {"provider_id": provider_id, "id_token": id_token}
    if not request.session.session_key:
        request.session.save()
    ProviderSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "provider_id": provider_id,
            "issuer": str(claims.get("iss", ""))[:500],
            "subject": str(claims.get("sub", ""))[:255],
            "sid": str(claims.get("sid") or "")[:255],
            "user": user,
        },
    )


def id_tokens_claims(sociallogin) -> dict:
    data = sociallogin.account.extra_data or {}
    return data.get("id_token") or {}


def forget_sign_in(sender, request, user, **kwargs) -> None:
    """Django's `user_logged_out`, before the session is emptied: the row goes with it."""
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        ProviderSession.objects.filter(session_key=session.session_key).delete()


def connect():
    user_logged_out.connect(forget_sign_in, dispatch_uid="identity_forget_sign_in")


# --- RP-initiated logout --------------------------------------------------------------------


def provider_logout_url(request, *, state: str = "") -> str | None:
    """Where the browser ends the session at the provider, or None when it cannot. `state`
    comes back to the page that says the person is logged out (why: portal.identity.idle)."""
    signed_in = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not signed_in or not request.user.is_authenticated:
        return None
    provider_id = signed_in["provider_id"]
    from .views import VerifiedOpenIDConnectAdapter

    try:
        adapter = VerifiedOpenIDConnectAdapter(request, provider_id)
        endpoint = adapter.openid_config.get("end_session_endpoint")
        client_id = adapter.get_provider().app.client_id
    except (SocialApp.DoesNotExist, requests.RequestException, Exception) as error:  # noqa: BLE001
        # The provider cannot be asked: the portal session still ends (the page says so).
        logger.warning("No logout at %s: %s", provider_id, type(error).__name__)
        done = reverse("identity_logged_out", kwargs={"provider_id": provider_id})
        return f"{done}?{urlencode({'lokal': 1, **({'state': state} if state else {})})}"
    if not isinstance(endpoint, str) or not endpoint.startswith(("https://", "http://")):
        return None
    query = urlencode(
        {
            "id_token_hint": signed_in["id_token"],
            "client_id": client_id,
            "post_logout_redirect_uri": request.build_absolute_uri(
                reverse("identity_logged_out", kwargs={"provider_id": provider_id})
            ),
            "ui_locales": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
            **({"state": state} if state else {}),
        }
    )
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{query}"


class PortalLogoutView(LogoutView):
    """allauth's logout, which then ends the session at the provider the person signed in
    through. A `next` address is followed only when there is no provider session to end."""

    def get_redirect_url(self) -> str:
        return provider_logout_url(self.request) or super().get_redirect_url()


logout = never_cache(PortalLogoutView.as_view())


@never_cache
def logged_out(request, provider_id):
    """The registered `post_logout_redirect_uri`: the provider has ended its session too."""
    from .idle import IDLE_DRAFT_STATE, IDLE_STATE

    state = request.GET.get("state", "")
    return render(
        request,
        "identity/logged_out.html",
        {
            "is_citizen": provider_id == CITIZEN,
            "provider_logout_failed": request.GET.get("lokal") == "1",
            "idle": state in (IDLE_STATE, IDLE_DRAFT_STATE),
            "draft_saved": state == IDLE_DRAFT_STATE,
            "idle_minutes": settings.CITIZEN_SESSION_IDLE_TIMEOUT // 60,
        },
    )


# --- Back-channel logout --------------------------------------------------------------------


class LogoutTokenError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def verify_logout_token(token: str, *, openid_config, client_id: str) -> dict:
    """The claims of a logout token, checked as Back-Channel Logout 1.0, 2.6 says."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise LogoutTokenError("malformed") from error
    # 2.4: a logout token may be typed; a token typed as something else is not one.
    typ = header.get("typ")
    if typ is not None and str(typ).lower() not in ("logout+jwt", "jwt"):
        raise LogoutTokenError("wrong_type")
    try:
        claims = id_tokens.verify_signed_token(
            token, openid_config=openid_config, client_id=client_id, required=LOGOUT_TOKEN_CLAIMS
        )
    except id_tokens.IdTokenError as error:
        raise LogoutTokenError(error.reason) from error
    events = claims.get("events")
    if not isinstance(events, dict) or not isinstance(events.get(BACKCHANNEL_EVENT), dict):
        raise LogoutTokenError("events")
    if not claims.get("sid") and not claims.get("sub"):
        raise LogoutTokenError("missing_sid_and_sub")
    if "nonce" in claims:
        # An ID token replayed as a logout token.
        raise LogoutTokenError("nonce")
    # A token seen before is not acted on again (2.6 point 10): remember its jti until it
    # expires (and at least for the clock skew).
    lifetime = max(int(claims["exp"]) - int(claims["iat"]), 0) + settings.OIDC_CLOCK_SKEW_SECONDS
    replay_key = f"identity:logout-jti:{claims['iss']}:{claims['jti']}"
    if not cache.add(replay_key, True, min(lifetime, 24 * 60 * 60)):
        raise LogoutTokenError("replayed")
    return claims


def end_sessions(provider_id: str, issuer: str, *, sid: str = "", sub: str = "") -> int:
    """End the portal sessions of a provider session (`sid`) or of a person (`sub`)."""
    rows = ProviderSession.objects.filter(provider_id=provider_id, issuer=issuer)
    rows = rows.filter(sid=sid) if sid else rows.filter(subject=sub)
    if sid and sub:
        rows = rows.filter(subject=sub)
    store_class: type[SessionBase] = import_string(settings.SESSION_ENGINE + ".SessionStore")
    ended = 0
    for row in list(rows):
        store_class(session_key=row.session_key).delete()
        row.delete()
        ended += 1
    return ended


def _backchannel_error(reason: str, status: int = 400) -> HttpResponse:
    response = JsonResponse(
        {"error": "invalid_request", "error_description": reason}, status=status
    )
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
@require_POST
def backchannel_logout(request, provider_id):
    """The provider's POST of a `logout_token` (application/x-www-form-urlencoded)."""
    from .views import VerifiedOpenIDConnectAdapter

    token = request.POST.get("logout_token", "")
    if not token:
        return _backchannel_error("logout_token_missing")
    try:
        adapter = VerifiedOpenIDConnectAdapter(request, provider_id)
        app = adapter.get_provider().app
        openid_config = adapter.openid_config
    except SocialApp.DoesNotExist:
        return _backchannel_error("unknown_provider", 404)
    except Exception as error:  # noqa: BLE001 - the provider's own metadata is unusable
        logger.warning("Back-channel logout from %s: %s", provider_id, type(error).__name__)
        return _backchannel_error("provider_unavailable", 503)
    try:
        claims = verify_logout_token(token, openid_config=openid_config, client_id=app.client_id)
    except LogoutTokenError as error:
        record(
            AuthEvent.Event.LOGOUT_REFUSED,
            request=request,
            provider=provider_id,
            reason=f"logout_token_{error.reason}",
        )
        return _backchannel_error(f"logout_token_{error.reason}")
    ended = end_sessions(
        provider_id,
        claims["iss"],
        sid=str(claims.get("sid") or ""),
        sub=str(claims.get("sub") or ""),
    )
    record(
        AuthEvent.Event.LOGGED_OUT,
        request=request,
        provider=provider_id,
        reason="backchannel_logout",
        sessions=ended,
    )
    response = HttpResponse(status=200)
    response["Cache-Control"] = "no-store"
    return response
