"""Access to personal data outside the e-services' cases, and what the nightly purge removed,
written to the same append-only trail as sign-ins (strategy 6.4: who saw a person's data, and
when it was deleted; GDPR art. 5.2, accountability).

Modelled on the case log (`eservices.services.log`): who (the account, or "system"), what (an
event and a short description), when, which object (its kind and id, a reference a registrar
recognises) and from which address. Never the personal data itself: no names, answers, file
contents or e-mail addresses, only what identifies the row they were in.
"""

import datetime
import logging

from .models import AuthEvent
from .receivers import record

logger = logging.getLogger(__name__)


def record_access(request, event, *, kind: str, object_id, reference: str = "", **detail):
    """Record that the signed-in member of staff behind `request` opened one object holding
    personal data (`kind` names its model, e.g. "diary.documentrequest"), or a list of them
    (`object_id` None, with e.g. `count`)."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return record(
        event,
        request=request,
        user=user if signed_in else None,
        username=user.get_username() if signed_in else "",
        kind=kind,
        object_id=object_id,
        reference=reference,
        **detail,
    )


def record_purge(
    *, kind: str, count: int, cutoff: datetime.datetime, retention: str, **detail
) -> AuthEvent:
    """Record one run of a purge (gallring): what kind of data, how many rows went, the
    cut-off (everything older went) and the rule, e.g. "365 dagar". Written by the system,
    with no user or address; a log line says the same for the operators."""
    logger.info(
        "Purged %s %s older than %s (%s) %s",
        count,
        kind,
        cutoff.isoformat(),
        retention,
        detail or "",
    )
    return record(
        AuthEvent.Event.PURGED,
        username="system",
        kind=kind,
        count=count,
        cutoff=cutoff.isoformat(),
        retention=retention,
        **detail,
    )
