"""Registering a back-office system: its OAuth 2 application, its system account and a new
secret. The secret is returned once, to be shown once; django-oauth-toolkit stores its hash."""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from oauth2_provider.generators import generate_client_secret
from oauth2_provider.models import get_application_model

from .models import CaseApiClient


def _sync_user(client: CaseApiClient, user=None):
    """The system account the client acts as: named after the client, unable to sign in."""
    User = get_user_model()
    if user is None:
        user = User(username=f"case-api-{uuid.uuid4().hex[:12]}")
    user.first_name = client.name[:150]
    user.last_name = "(system)"
    user.is_active = False
    user.is_staff = False
    user.set_unusable_password()
    user.save()
    return user


@transaction.atomic
def save_client(client: CaseApiClient) -> str | None:
    """Save `client` (from the admin's form). A new client gets its OAuth 2 application and
    system account; returns the new secret then, else None."""
    Application = get_application_model()
    secret = None
    if client.pk is None:
        client.user = _sync_user(client)
        secret = generate_client_secret()
        client.application = Application.objects.create(
            name=client.name,
            user=client.user,
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
            client_secret=secret,
            hash_client_secret=True,
        )
    else:
        _sync_user(client, client.user)
        Application.objects.filter(pk=client.application_id).update(name=client.name)
        if not client.active:
            revoke_tokens(client)
    client.save()
    return secret


@transaction.atomic
def new_secret(client: CaseApiClient) -> str:
    """Replace the client's secret; the old one and every token it got stop working."""
    secret = generate_client_secret()
    application = client.application
    application.client_secret = secret
    application.hash_client_secret = True
    application.save()
    revoke_tokens(client)
    return secret


def revoke_tokens(client: CaseApiClient) -> None:
    from oauth2_provider.models import get_access_token_model

    get_access_token_model().objects.filter(application_id=client.application_id).delete()
