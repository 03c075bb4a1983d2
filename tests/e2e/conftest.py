"""Fixtures of the browser tests only; the others are in tests/conftest.py."""

import pytest

from .editors import PASSWORD


@pytest.fixture
def member(django_db_blocker):
    """A committed user with an authenticator app in one editor group; removed afterwards."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    created = []

    def make(username, group_name):
        with django_db_blocker.unblock():
            group = Group.objects.filter(name=group_name).first()
            assert group, f"{group_name} is missing: the demo seeder makes it (editor_groups)"
            user = get_user_model().objects.create_user(
                username, f"{username}@example.org", PASSWORD, first_name=username
            )
            user.groups.add(group)
            secret = generate_totp_secret()
            TOTP.activate(user, secret)
            created.append(user)
        return user, secret

    yield make
    with django_db_blocker.unblock():
        for user in created:
            user.delete()
