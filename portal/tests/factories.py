import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from portal.models import Department, Municipality

PASSWORD = "ett-långt-testlösenord"


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"testanvandare{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """A sixth, made-up municipality: the seeded five keep their real codes and slugs."""

    slug = factory.Sequence(lambda n: f"testkommun-{n}")
    name = factory.Sequence(lambda n: f"Testkommun {n}")
    short_name = factory.Sequence(lambda n: f"Test {n}")
    municipality_code = factory.Sequence(lambda n: f"{9000 + n:04d}")
    website = factory.LazyAttribute(lambda m: f"https://{m.slug}.example.org")
    email = factory.LazyAttribute(lambda m: f"kommun@{m.slug}.example.org")
    phone = "0500-100 00"
    postal_address = "Box 1, 999 99 Testby"

    class Meta:
        model = Municipality


class DepartmentFactory(factory.django.DjangoModelFactory):
    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Testförvaltningen {n}")
    slug = factory.Sequence(lambda n: f"testforvaltningen-{n}")

    class Meta:
        model = Department


def sign_in_for_admin(client, user):
    """Sign `user` in the way the admin requires: password, then the code of an authenticator
    app (set up here if the user has none), through allauth's real login flow."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
    )
    from allauth.mfa.utils import decrypt
    from django.urls import reverse

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        authenticator = TOTP.activate(user, generate_totp_secret()).instance
    secret = decrypt(authenticator.data["secret"])

    client.logout()
    response = client.post(reverse("account_login"), {"login": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the password step did not pass"
    assert response["Location"] == reverse("mfa_authenticate"), response["Location"]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302, "the second factor was not accepted"
    return client


def group_with_page_permissions(name, page, *actions):
    """A group that may open the admin and has these page permissions (`add`, `change`,
    `publish`, …) on `page` and below."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for action in actions:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    return group
