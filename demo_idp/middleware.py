"""Hands out a tampered ID token when a test identity asks for one.

The picker's form can set `TestIdentity.tamper_next_id_token`. The next token response for that
person then carries an ID token whose payload was changed after signing, as if altered in
transit: same header, same signature, different content. The portal must reject it.
"""

import base64
import json

from django.urls import reverse


def _b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unverified_claims(token: str) -> dict:
    """The payload of a JWS in compact form, read without checking anything."""
    try:
        claims = json.loads(_b64decode(token.split(".")[1]))
    except (IndexError, ValueError):
        return {}
    return claims if isinstance(claims, dict) else {}


def tamper_id_token(token: str) -> str:
    """The token with a changed payload and the original header and signature.

    The change is one an attacker would want: another name and, for an employee, the
    administrator role.
    """
    header, _payload, signature = token.split(".")
    claims = unverified_claims(token)
    claims["name"] = f"{claims.get('name', '')} (manipulerad)".strip()
    if isinstance(claims.get("roles"), list):
        claims["roles"] = sorted({*claims["roles"], "administrator"})
    payload = json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode()
    return ".".join([header, _b64encode(payload), signature])


class TamperIdTokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path != reverse("idp:oidc:token")
            or response.status_code != 200
            or not response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        try:
            body = json.loads(response.content)
        except ValueError:
            return response
        id_token = body.get("id_token") if isinstance(body, dict) else None
        if not isinstance(id_token, str):
            return response
        sub = unverified_claims(id_token).get("sub")
        # Imported here so that the functions above work without this project's settings.
        from .models import TestIdentity

        # Clearing the flag in the same query makes each request for tampering count once.
        if not TestIdentity.objects.filter(key=sub, tamper_next_id_token=True).update(
            tamper_next_id_token=False
        ):
            return response
        body["id_token"] = tamper_id_token(id_token)
        response.content = json.dumps(body)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
