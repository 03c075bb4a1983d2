"""Create or update the demo provider's test identities and the portal's two clients.

Idempotent. Runs `migrate` first, so it is the one command a fresh database needs. Each run
resets the identities' claims to demo/idp/identities.toml (unless --keep-claims) and replaces the
clients' redirect URIs with those of the given portal URLs.
"""

import os
from urllib.parse import urlsplit

from allauth.idp.oidc.models import Client
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo_idp.identities import EIDAS_SCOPE, IDENTITIES, NATURAL_PERSON_NUMBER_SCOPE
from demo_idp.models import TestIdentity

DEFAULT_PORTAL_URL = "http://127.0.0.1:8000"

# Demo-only values, known to the portal's demo settings (portal/identity/config.py).
CLIENTS = [
    {
        "id": "dalslandsportalen-medarbetare",
        "name": "Dalslandsportalen, medarbetare",
        "secret_env": "DEMO_IDP_EMPLOYEE_CLIENT_SECRET",
        "secret": "demo-medarbetare-hemlighet",  # noqa: S105
        "kind": "employee",
        "provider_id": "medarbetare",
        "scopes": ["openid", "profile", "email"],
    },
    {
        "id": "dalslandsportalen-e-legitimation",
        "name": "Dalslandsportalen, e-legitimation",
        "secret_env": "DEMO_IDP_CITIZEN_CLIENT_SECRET",
        "secret": "demo-e-legitimation-hemlighet",  # noqa: S105
        "kind": "citizen",
        "provider_id": "e-legitimation",
        "scopes": ["openid", "profile", NATURAL_PERSON_NUMBER_SCOPE, EIDAS_SCOPE],
    },
]


def portal_base_url(value: str) -> str:
    """`scheme://host[:port]` of a portal URL; anything with a path other than / is refused."""
    parts = urlsplit(value.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise CommandError(f"--portal-url must be an http(s) URL, not {value!r}.")
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise CommandError(f"--portal-url must have no path, query or fragment: {value!r}.")
    return f"{parts.scheme}://{parts.netloc}"


def redirect_uris(provider_id: str, portal_urls: list[str]) -> list[str]:
    """allauth's openid_connect callback, with and without the English prefix, per portal."""
    return [
        f"{base}{prefix}/accounts/oidc/{provider_id}/login/callback/"
        for base in portal_urls
        for prefix in ("", "/en")
    ]


def post_logout_redirect_uris(provider_id: str, portal_urls: list[str]) -> list[str]:
    """Where the portal's logout comes back after ending the session here."""
    return [
        f"{base}{prefix}/accounts/oidc/{provider_id}/logout/done/"
        for base in portal_urls
        for prefix in ("", "/en")
    ]


class Command(BaseCommand):
    help = "Creates or updates the demo provider's test identities and the portal's clients."

    def add_arguments(self, parser):
        parser.add_argument(
            "--portal-url",
            action="append",
            dest="portal_urls",
            help=f"Base URL of a portal that signs in here; repeatable (default "
            f"{DEFAULT_PORTAL_URL}).",
        )
        parser.add_argument(
            "--keep-claims",
            action="store_true",
            help="Keep the claims changed through the picker instead of resetting them.",
        )

    def handle(self, *args, portal_urls, keep_claims, **options):
        bases = list(dict.fromkeys(portal_base_url(url) for url in portal_urls or []))
        bases = bases or [DEFAULT_PORTAL_URL]
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            for spec in CLIENTS:
                self._seed_client(spec, bases)
            self._seed_identities(keep_claims=keep_claims)
        self.stdout.write(
            f"{len(IDENTITIES)} testpersoner och {len(CLIENTS)} klienter för {', '.join(bases)}."
        )

    def _seed_client(self, spec: dict, bases: list[str]) -> None:
        client = Client.objects.filter(id=spec["id"]).first() or Client(id=spec["id"])
        client.name = spec["name"]
        client.type = Client.Type.CONFIDENTIAL
        client.set_secret(os.environ.get(spec["secret_env"]) or spec["secret"])
        client.set_scopes(spec["scopes"])
        # Granted when an authorize request names no scope at all.
        client.set_default_scopes(spec["scopes"])
        client.set_grant_types(
            [Client.GrantType.AUTHORIZATION_CODE, Client.GrantType.REFRESH_TOKEN]
        )
        client.set_response_types([Client.ResponseType.CODE])
        client.set_redirect_uris(redirect_uris(spec["provider_id"], bases))
        client.set_post_logout_redirect_uris(post_logout_redirect_uris(spec["provider_id"], bases))
        client.skip_consent = True
        client.allow_uri_wildcards = False
        client.data = {"kind": spec["kind"]}
        client.full_clean()
        client.save()

    def _seed_identities(self, *, keep_claims: bool) -> None:
        user_model = get_user_model()
        keys = [spec["key"] for spec in IDENTITIES]
        user_model.objects.filter(test_identity__isnull=False).exclude(
            test_identity__key__in=keys
        ).delete()
        for order, spec in enumerate(IDENTITIES):
            claims = spec["claims"]
            user, _ = user_model.objects.get_or_create(username=spec["key"])
            user.first_name = claims.get("given_name", "")
            user.last_name = claims.get("family_name", "")
            user.email = claims.get("email", "")
            user.set_unusable_password()
            user.save()
            identity = TestIdentity.objects.filter(key=spec["key"]).first()
            if identity is None:
                identity = TestIdentity(key=spec["key"])
            if identity.pk is None or not keep_claims:
                identity.claims = claims
                identity.tamper_next_id_token = False
            identity.user = user
            identity.kind = spec["kind"]
            identity.description = spec["description"]
            identity.order = order
            identity.save()
