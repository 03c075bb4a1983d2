"""Migrate, and create the portal's two clients and the test persons."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from oauth2_provider.models import Application

from ... import persons

CALLBACK = "{portal}{language}/accounts/oidc/{provider_id}/login/callback/"


class Command(BaseCommand):
    help = "Prepare the django-oauth-toolkit test provider for the portal's sign-in tests."

    def add_arguments(self, parser):
        parser.add_argument(
            "--portal-url",
            action="append",
            dest="portal_urls",
            help="The portal's base URL (repeatable); default http://testserver, the test client.",
        )

    def handle(self, *args, portal_urls=None, **options):
        call_command("migrate", verbosity=0, interactive=False)
        portals = [url.rstrip("/") for url in (portal_urls or ["http://testserver"])]
        for provider_id, (client_id, secret) in persons.CLIENTS.items():
            redirect_uris = [
                CALLBACK.format(portal=portal, language=language, provider_id=provider_id)
                for portal in portals
                for language in ("", "/en")
            ]
            application = Application.objects.filter(client_id=client_id).first() or Application(
                client_id=client_id
            )
            application.name = f"Dalslandsportalen ({provider_id})"
            application.client_type = Application.CLIENT_CONFIDENTIAL
            application.authorization_grant_type = Application.GRANT_AUTHORIZATION_CODE
            application.client_secret = secret
            application.algorithm = Application.RS256_ALGORITHM
            application.redirect_uris = " ".join(redirect_uris)
            # The portal's page after a logout here (portal.identity.logout).
            application.post_logout_redirect_uris = " ".join(
                f"{portal}{language}/accounts/oidc/{provider_id}/logout/done/"
                for portal in portals
                for language in ("", "/en")
            )
            # The portal is the municipalities' own service: no consent screen.
            application.skip_authorization = True
            application.save()
        User = get_user_model()
        for username, claims in persons.PERSONS.items():
            user, _ = User.objects.get_or_create(username=username)
            user.first_name = claims.get("given_name", "")
            user.last_name = claims.get("family_name", "")
            user.email = claims.get("email", "")
            user.set_unusable_password()
            user.save()
