"""Webhooks to the back-office systems: a resident submitted, completed or wrote.

When a resident's change commits, every active client whose municipality and e-services cover
the case and that has a webhook address gets a `WebhookDelivery` row, stored in the change's own
transaction (eservices.services), and the task worker POSTs it. The body says only what happened
and where to fetch the case, never anything about the resident:
`{"type": "case.submitted", "timestamp": "…", "data": {"reference": "…", "url": "…"}}`.

Each request is signed as the Standard Webhooks specification says (standardwebhooks.com):
`webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of
"id.timestamp.body">` with the client's `whsec_…` secret, so a system can check it with any
Standard Webhooks library. A delivery that fails or times out is tried again with a growing
pause, by a deferred task where the queue can defer and by the scheduler's sweep
(`deliver_due_webhooks`, every minute) in any case, until CASE_API_WEBHOOK_MAX_ATTEMPTS.
"""

import base64
import datetime
import hashlib
import hmac
import json
import logging
import time
from functools import partial

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from .models import CaseApiClient, WebhookDelivery

logger = logging.getLogger(__name__)

MAX_PAUSE = datetime.timedelta(hours=6)


def pause_after(attempts: int) -> datetime.timedelta:
    """30 s, 1 min, 2 min, 4 min… at most six hours."""
    return min(datetime.timedelta(seconds=30 * 2 ** max(attempts - 1, 0)), MAX_PAUSE)


def queue(case, event: str) -> list[WebhookDelivery]:
    """Store the deliveries of `event` for `case` and send them once the change commits."""
    clients = CaseApiClient.objects.filter(
        active=True, municipality_id=case.municipality_id, eservices=case.eservice_id
    ).exclude(webhook_url="")
    url = f"{settings.WAGTAILADMIN_BASE_URL}{reverse('case_api_case', args=[case.reference])}"
    payload = {
        "type": event,
        "timestamp": timezone.now().isoformat(),
        "data": {"reference": case.reference, "url": url},
    }
    rows = WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(client=client, event=event, payload=payload) for client in clients]
    )
    if rows:
        transaction.on_commit(partial(_enqueue, [row.pk for row in rows]))
    return rows


def _enqueue(pks, run_after=None):
    for pk in pks:
        try:
            if run_after is not None:
                deliver_webhook.using(run_after=run_after).enqueue(pk)
            else:
                deliver_webhook.enqueue(pk)
        except Exception:
            logger.exception("Could not queue webhook %s for the worker; the sweep sends it", pk)


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header's value for one secret."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def _claim(pk) -> WebhookDelivery | None:
    """Take the delivery if it is due, moving its next attempt on so that no other worker or
    sweep sends it at the same time."""
    now = timezone.now()
    hold = now + datetime.timedelta(seconds=settings.CASE_API_WEBHOOK_TIMEOUT * 3)
    claimed = WebhookDelivery.objects.filter(
        pk=pk, status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=hold, attempts=F("attempts") + 1)
    if not claimed:
        return None
    return WebhookDelivery.objects.select_related("client").get(pk=pk)


@task()
def deliver_webhook(delivery_id: int) -> bool:
    """POST one delivery; on failure note the error and when to try again. True when the
    client answered 2xx."""
    return deliver(delivery_id)


def deliver(delivery_id: int) -> bool:
    delivery = _claim(delivery_id)
    if delivery is None:
        return False
    client = delivery.client
    if not client.active or not client.webhook_url:
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=WebhookDelivery.Status.FAILED, last_error="client inactive or without URL"
        )
        return False
    body = json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Dalslandsportalen-Webhooks/1",
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(client.webhook_secret, delivery.message_id, timestamp, body),
    }
    error = ""
    try:
        response = requests.post(
            client.webhook_url,
            data=body,
            headers=headers,
            timeout=settings.CASE_API_WEBHOOK_TIMEOUT,
            allow_redirects=False,
        )
        if not 200 <= response.status_code < 300:
            error = f"HTTP {response.status_code}"
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {exc}"[:300]
    now = timezone.now()
    if not error:
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=WebhookDelivery.Status.DELIVERED, delivered_at=now, last_error=""
        )
        logger.info("Webhook %s %s delivered to %s", delivery.message_id, delivery.event, client)
        return True
    if delivery.attempts >= settings.CASE_API_WEBHOOK_MAX_ATTEMPTS:
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=WebhookDelivery.Status.FAILED, last_error=error
        )
        logger.error("Webhook %s to %s given up: %s", delivery.message_id, client, error)
        return False
    next_attempt = now + pause_after(delivery.attempts)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=next_attempt, last_error=error
    )
    logger.warning(
        "Webhook %s to %s failed (attempt %s): %s",
        delivery.message_id,
        client,
        delivery.attempts,
        error,
    )
    if deliver_webhook.get_backend().supports_defer:
        _enqueue([delivery.pk], run_after=next_attempt)
    return False


def deliver_due_webhooks() -> dict:
    """The scheduler's sweep: every pending delivery whose next attempt is due."""
    due = list(
        WebhookDelivery.objects.filter(
            status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=timezone.now()
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:200]
    )
    delivered = sum(deliver(pk) for pk in due)
    return {"delivered": delivered, "failed": len(due) - delivered}
