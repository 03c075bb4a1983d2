"""Retention (gallring) of residents' accounts: an account made at an e-ID sign-in is deleted
once the resident has not signed in for `RESIDENT_ACCOUNT_RETENTION_DAYS` (365 by default) and
nothing of theirs is kept here for its own reason (GDPR art. 5.1 c and e). Nothing is lost: the
e-ID broker gives the name and number again at the next sign-in, which makes a new account.

A resident's account is a user with a `CitizenIdentity` who is not staff or superuser and has
no `EmployeeProfile`; employees' accounts are never touched here. It is kept while it is the
applicant or co-applicant of any case, drafts included: the case has its own retention
(eservices.retention, which runs first, at 03:00) and names its parties by the account. It is
also kept if it is a case API client's system account (that link PROTECTs the user). Every other
link to the user is either part of the account and goes with it (the identity, the e-ID link,
e-mail addresses, second factors, provider sessions) or keeps its own trace and loses only the
link (the audit trail keeps the username, the case log its `actor_label`); docs/identity.md
lists them.

The check lives here, not in portal.identity: portal/ imports no domain app and the cases are
the e-services'. Deleted in batches, one transaction each, the accounts locked and checked again
first, so an account that signs in or starts a draft meanwhile stays. Each run is one row in the
audit trail and one log line, with the count only (portal.audit.access.record_purge).

Run daily by the scheduler (`SCHEDULED_JOBS` "purge_resident_accounts"), or
`manage.py purge_resident_accounts`.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.audit.access import record_purge
from portal.identity.models import CitizenIdentity, EmployeeProfile

from .api.models import CaseApiClient
from .models import Case

KIND = "identity.citizenidentity"
BATCH_SIZE = 200


def retention_days() -> int:
    return settings.RESIDENT_ACCOUNT_RETENTION_DAYS


def inactive_residents(cutoff: datetime.datetime):
    """The residents' accounts last signed in (or made, if never signed in since) before
    `cutoff` that nothing keeps: one query, each condition an EXISTS."""
    user = OuterRef("pk")
    return (
        get_user_model()
        .objects.filter(Exists(CitizenIdentity.objects.filter(user=user)))
        .filter(is_staff=False, is_superuser=False)
        .exclude(Exists(EmployeeProfile.objects.filter(user=user)))
        .alias(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=cutoff)
        .exclude(Exists(Case.objects.filter(applicant=user)))
        .exclude(Exists(Case.objects.filter(co_applicant=user)))
        .exclude(Exists(CaseApiClient.objects.filter(user=user)))
    )


def purge_inactive_residents(now: datetime.datetime | None = None) -> int:
    """Delete the residents' accounts past their retention, in batches. Returns how many went."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=retention_days())
    purged = 0
    while True:
        batch = list(
            inactive_residents(cutoff).order_by("pk")[:BATCH_SIZE].values_list("pk", flat=True)
        )
        if not batch:
            break
        deleted = _purge_batch(batch, cutoff)
        if not deleted:
            # None went: all were kept on the second look, or something is amiss; not forever.
            break
        purged += deleted
    if purged:
        record_purge(
            kind=KIND,
            count=purged,
            cutoff=cutoff,
            retention=f"{retention_days()} dagar efter senaste inloggningen, utan ärenden",
        )
    return purged


@transaction.atomic
def _purge_batch(pks: list[int], cutoff: datetime.datetime) -> int:
    # Locked and checked again: the resident may be signing in or saving a draft just now.
    users = get_user_model().objects.filter(pk__in=pks).select_for_update()
    locked = list(users.values_list("pk", flat=True))
    still = list(inactive_residents(cutoff).filter(pk__in=locked).values_list("pk", flat=True))
    if not still:
        return 0
    get_user_model().objects.filter(pk__in=still).delete()
    return len(still)
