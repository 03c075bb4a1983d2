"""The demo's seeding registry.

Each app that has demo content puts a `demo.py` module beside its models with functions
decorated by `@seeder(order)`. `manage.py seed_demo` discovers them and runs them in order, so
`portal` (which the domain apps import) never imports a domain app. Every seeder is idempotent:
running it twice changes nothing the second time.
"""

import re
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path

# The demo content as data: records (TOML) and page bodies (HTML fragments), read by the seeders.
DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"

_seeders: list[tuple[int, str, Callable]] = []


def seeder(order: int):
    def register(func):
        _seeders.append((order, f"{func.__module__}.{func.__name__}", func))
        return func

    return register


def registered_seeders():
    return sorted(_seeders, key=lambda item: (item[0], item[1]))


@cache
def load_records(name: str) -> dict:
    """The TOML file `demo/<name>.toml`, parsed (and parsed once)."""
    with (DEMO_DIR / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def read_fragment(name: str) -> str:
    """The text of `demo/<name>` (an HTML or Markdown fragment), without the final newline."""
    return (DEMO_DIR / name).read_text(encoding="utf-8").rstrip("\n")


_FACT_BOX = re.compile(r'<aside class="(info|important)">')
_TAG = re.compile(r"<(h2|h3)>(.*)</\1>")


def body_blocks(html: str) -> list:
    """A page body written as an HTML fragment, as the `BodyBlock` StreamField blocks
    `[(type, value), ...]` (portal/blocks.py). Written one element a line: a line `<h2>…</h2>`
    is a heading; `<aside class="info">` (or "important") up to `</aside>` is a fact box, its
    `<h3>` the box's heading; the other lines up to the next heading, fact box or blank line
    are one block of text."""
    blocks, text, box = [], [], None

    def end_text():
        if text:
            blocks.append(("paragraph", "".join(text)))
            text.clear()

    for line in html.splitlines():
        line = line.strip()
        tag = _TAG.fullmatch(line)
        if box is not None:
            if line == "</aside>":
                blocks.append(("fact_box", {**box, "text": "".join(box["text"])}))
                box = None
            elif tag and tag[1] == "h3":
                box["heading"] = tag[2]
            else:
                box["text"].append(line)
        elif tag and tag[1] == "h2":
            end_text()
            blocks.append(("heading", tag[2]))
        elif kind := _FACT_BOX.fullmatch(line):
            end_text()
            box = {"heading": "", "text": [], "kind": kind[1]}
        elif line:
            text.append(line)
        else:
            end_text()
    end_text()
    return blocks


def municipalities() -> list[dict]:
    """The five municipalities, in order: the one table (demo/municipalities.toml)."""
    return load_records("municipalities")["municipality"]


def municipality(slug: str) -> dict:
    return next(row for row in municipalities() if row["slug"] == slug)


# --- The organisation and the accounts the demo needs -----------------------------------------

# The break-glass administrator (demo/accounts.toml): its password, printed by `make run`, and
# its authenticator-app secret (base32), whose current code `manage.py demo_totp` prints.
DEMO_PASSWORD = load_records("accounts")["administrator"]["password"]
DEMO_TOTP_SECRET = load_records("accounts")["administrator"]["totp_secret"]

# Columns of the municipality table that are `Municipality` fields; the rest (the English name,
# the e-mail domain, where to visit) only the demo content uses.
MUNICIPALITY_FIELDS = (
    "slug",
    "name",
    "short_name",
    "municipality_code",
    "org_number",
    "website",
    "email",
    "phone",
    "visiting_address",
    "postal_address",
    "opening_hours",
)


@seeder(10)
def seed_locales_and_municipalities(stdout, style):
    from django.conf import settings
    from wagtail.models import Locale

    from .models import Municipality

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    created = 0
    for order, row in enumerate(municipalities()):
        data = {field: row[field] for field in MUNICIPALITY_FIELDS}
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

    from .identity.claims import EMPLOYEE_GROUP

    User = get_user_model()
    employees, _ = Group.objects.get_or_create(name=EMPLOYEE_GROUP)
    employees.permissions.add(
        Permission.objects.get(
            codename="access_employee_portal", content_type__app_label="employee_portal"
        )
    )
    data = load_records("accounts")["administrator"]
    admin = User.objects.filter(username=data["username"]).first() or User.objects.create_superuser(
        data["username"],
        data["email"],
        data["password"],
        first_name=data["first_name"],
        last_name=data["last_name"],
    )
    # The admin requires a second factor; the demo's is an authenticator-app secret.
    if not Authenticator.objects.filter(user=admin, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(admin, data["totp_secret"])
    # Employees and residents sign in through the demo identity provider (demo_idp): the only
    # local password account is the break-glass administrator above.
    return "konton klara"
