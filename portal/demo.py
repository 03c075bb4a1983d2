"""The demo's seeding registry.

Each app that has demo content puts a `demo.py` module beside its models with functions
decorated by `@seeder(order)`. `manage.py seed_demo` discovers them and runs them in order, so
`portal` (which the domain apps import) never imports a domain app. Every seeder is idempotent:
running it twice changes nothing the second time.
"""

from collections.abc import Callable

_seeders: list[tuple[int, str, Callable]] = []


def seeder(order: int):
    def register(func):
        _seeders.append((order, f"{func.__module__}.{func.__name__}", func))
        return func

    return register


def registered_seeders():
    return sorted(_seeders, key=lambda item: (item[0], item[1]))


# --- The organisation and the accounts the demo needs -----------------------------------------

DEMO_PASSWORD = "dalsland-demo-2026"  # noqa: S105 - printed by `make run`; demo only
# The demo administrator's authenticator-app secret (base32). `manage.py demo_totp` prints the
# current code; an authenticator app given this secret shows the same.
DEMO_TOTP_SECRET = "DALSLANDSPORTALENDEMOTOTPSECRETX"  # noqa: S105 - demo only

# DOMAIN.md §6.2. Dals-Ed's organisation number is not confirmed, so it is left empty.
MUNICIPALITIES = [
    {
        "slug": "bengtsfors",
        "name": "Bengtsfors kommun",
        "short_name": "Bengtsfors",
        "municipality_code": "1460",
        "org_number": "212000-1470",
        "website": "https://www.bengtsfors.se",
        "email": "kommun@bengtsfors.se",
        "phone": "0531-526 00",
        "visiting_address": "Kanalgatan 4, Bengtsfors",
        "postal_address": "Box 14, 666 21 Bengtsfors",
        "opening_hours": "Måndag–torsdag 8.00–16.30\nFredag 8.00–15.00",
    },
    {
        "slug": "dals-ed",
        "name": "Dals-Eds kommun",
        "short_name": "Dals-Ed",
        "municipality_code": "1438",
        "org_number": "",
        "website": "https://www.dalsed.se",
        "email": "kommun@dalsed.se",
        "phone": "0534-190 00",
        "visiting_address": "Storgatan 12, Ed",
        "postal_address": "Box 31, 668 21 Ed",
        "opening_hours": "Måndag–torsdag 8.00–16.00\nFredag 8.00–15.00",
    },
    {
        "slug": "fargelanda",
        "name": "Färgelanda kommun",
        "short_name": "Färgelanda",
        "municipality_code": "1439",
        "org_number": "212000-1421",
        "website": "https://www.fargelanda.se",
        "email": "kommun@fargelanda.se",
        "phone": "0528-567 000",
        "visiting_address": "Allhemsvägen 5, Färgelanda",
        "postal_address": "Allhemsvägen 5, 458 80 Färgelanda",
        "opening_hours": "Måndag–torsdag 8.00–16.30\nFredag 8.00–15.00",
    },
    {
        "slug": "mellerud",
        "name": "Melleruds kommun",
        "short_name": "Mellerud",
        "municipality_code": "1461",
        "org_number": "212000-1488",
        "website": "https://www.mellerud.se",
        "email": "kommunen@mellerud.se",
        "phone": "0530-180 00",
        "visiting_address": "Storgatan 13, Mellerud",
        "postal_address": "Box 42, 464 21 Mellerud",
        "opening_hours": "Måndag–torsdag 8.00–16.00\nFredag 8.00–15.00",
    },
    {
        "slug": "amal",
        "name": "Åmåls kommun",
        "short_name": "Åmål",
        "municipality_code": "1492",
        "org_number": "212000-1587",
        "website": "https://www.amal.se",
        "email": "kommun@amal.se",
        "phone": "0532-170 00",
        "visiting_address": "Kungsgatan 30, Åmål",
        "postal_address": "Box 62, 662 22 Åmål",
        "opening_hours": "Måndag–torsdag 8.00–16.00\nFredag 8.00–15.00",
    },
]


@seeder(10)
def seed_locales_and_municipalities(stdout, style):
    from django.conf import settings
    from wagtail.models import Locale

    from .models import Municipality

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    created = 0
    for order, data in enumerate(MUNICIPALITIES):
        _obj, was_created = Municipality.objects.get_or_create(
            slug=data["slug"], defaults={**data, "sort_order": order}
        )
        created += was_created
    return f"{created} kommuner skapade"


@seeder(15)
def seed_accounts(stdout, style):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    User = get_user_model()
    employees, _ = Group.objects.get_or_create(name="Medarbetare")
    employees.permissions.add(
        Permission.objects.get(
            codename="access_employee_portal", content_type__app_label="employee_portal"
        )
    )
    admin = User.objects.filter(username="admin").first() or User.objects.create_superuser(
        "admin",
        "admin@dalslandsportalen.se",
        DEMO_PASSWORD,
        first_name="Demo",
        last_name="Administratör",
    )
    # The admin requires a second factor; the demo's is an authenticator-app secret.
    if not Authenticator.objects.filter(user=admin, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(admin, DEMO_TOTP_SECRET)
    # Employees and residents sign in through the demo identity provider (demo_idp): the only
    # local password account is the break-glass administrator above.
    return "konton klara"
