"""What the dashboard shows everyone with the same audience, kept in the cache for a minute.

The news, the information pages, the applications meant for an employee and the
driftinformation depend on the employee's audience (municipality, department, roles, network),
not on the person: every teacher at Åmål's school administration on the pedagogical network
gets the same lists. Building them is most of the dashboard's work, so they are kept in the
cache under that audience, the page's language and day, the chrome version (renewed when a page
is published, portal/chrome.py) and a catalogue version renewed when an application, an
audience row or a notice changes. What is the person's own (their order of *Mina system*, the
applications they chose) is read on every request.

A notice starts and ends by the clock, so the lists are kept for at most SECONDS.
"""

import hashlib

from django.core.cache import cache
from django.utils import timezone, translation

from portal import chrome

VERSION_KEY = "employee-portal:catalogue-version"
SECONDS = 60


def version() -> str:
    return chrome.version(VERSION_KEY)


def bump(*args, **kwargs) -> None:
    """Make the kept lists out of date (a signal receiver)."""
    chrome.renew_now_and_at_commit(VERSION_KEY)


def audience_of(profile) -> tuple | None:
    if profile is None:
        return None
    return (
        profile.municipality_id,
        profile.department_id,
        tuple(sorted(profile.roles or [])),
        profile.network,
    )


def shared(profile, name: str, load, *parts):
    """`load()` for this profile's audience, from the cache when another employee with the
    same audience (or this one) asked within SECONDS and nothing changed since."""
    described = repr(
        (
            name,
            parts,
            audience_of(profile),
            translation.get_language(),
            timezone.localdate().isoformat(),
            chrome.version(),
            version(),
        )
    )
    key = "dashboard:" + hashlib.sha256(described.encode()).hexdigest()[:40]
    value = cache.get(key)
    if value is None:
        value = load()
        cache.set(key, value, SECONDS)
    return value


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import Application, ApplicationAudience, OperationalNotice, PageAudience

    for model in (Application, ApplicationAudience, OperationalNotice, PageAudience):
        post_save.connect(bump, sender=model, dispatch_uid=f"dashboard-save-{model.__name__}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"dashboard-delete-{model.__name__}")
    for through in (Application.municipalities.through, OperationalNotice.municipalities.through):
        m2m_changed.connect(bump, sender=through, dispatch_uid=f"dashboard-m2m-{through.__name__}")
