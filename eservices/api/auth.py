"""How a back-office system gets in: an OAuth 2 bearer token from django-oauth-toolkit's token
endpoint (client credentials), with the scope `cases`, of an active `CaseApiClient`.

Answers in the API are JSON; errors are problem details (RFC 9457,
`application/problem+json`). A request without a valid token gets 401 with
`WWW-Authenticate`, a token without the scope 403, a system over its limit 429.
"""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from oauth2_provider.oauth2_backends import get_oauthlib_core
from oauth2_provider.oauth2_validators import OAuth2Validator

from portal import throttle

from .models import CaseApiClient

SCOPE = "cases"
REALM = "cases"


class CaseApiValidator(OAuth2Validator):
    """django-oauth-toolkit's validator, giving tokens only by client credentials and only to
    the application of an active case API client."""

    def validate_grant_type(self, client_id, grant_type, client, request, *args, **kwargs):
        if grant_type != "client_credentials":
            return False
        registered = CaseApiClient.objects.filter(application_id=client.pk, active=True)
        if not registered.exists():
            return False
        return super().validate_grant_type(client_id, grant_type, client, request, *args, **kwargs)


def problem(status, title, detail="", **extra) -> JsonResponse:
    """An RFC 9457 problem details response."""
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/problem+json"
    return response


def _unauthorized(error="", description=""):
    response = problem(401, "Unauthorized", description or "A valid bearer token is required.")
    challenge = f'Bearer realm="{REALM}"'
    if error:
        challenge += f', error="{error}"'
        if description:
            challenge += f', error_description="{description}"'
    response["WWW-Authenticate"] = challenge
    return response


def authenticate(request):
    """(client, None) for a request with a valid token of an active client, else
    (None, the error response)."""
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("bearer "):
        return None, _unauthorized()
    core = get_oauthlib_core()
    valid, oauth_request = core.verify_request(request, scopes=[])
    if not valid:
        return None, _unauthorized("invalid_token", "The access token is invalid or expired.")
    client = (
        CaseApiClient.objects.select_related("municipality", "user", "application")
        .filter(application=oauth_request.client, active=True)
        .first()
    )
    if client is None:
        return None, _unauthorized("invalid_token", "The client is not active.")
    if SCOPE not in oauth_request.access_token.scope.split():
        response = problem(403, "Forbidden", f"The token lacks the scope {SCOPE}.")
        response["WWW-Authenticate"] = (
            f'Bearer realm="{REALM}", error="insufficient_scope", scope="{SCOPE}"'
        )
        return None, response
    return client, None


def _throttled(client) -> int | None:
    return throttle.hit_for(
        "case-api", f"client-{client.pk}", limit=settings.CASE_API_REQUESTS_PER_MINUTE, window=60
    )


def client_required(view):
    """The API's door: a bearer token of an active client with the scope, within its limit.
    The request then carries `client`, and `user` is the client's system account, so the
    service layer writes the history and the log under the system's name."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        client, error = authenticate(request)
        if error is not None:
            return error
        wait = _throttled(client)
        if wait is not None:
            response = problem(429, "Too Many Requests", "Wait a minute and try again.")
            response["Retry-After"] = str(wait)
            return response
        request.client = client
        request.user = client.user
        request.case_role = "system"
        now = timezone.now()
        if client.last_used_at is None or (now - client.last_used_at).total_seconds() > 60:
            CaseApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return csrf_exempt(never_cache(wrapped))
