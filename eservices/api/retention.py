"""What the case API keeps, kept no longer than needed (docs/case-api.md): the stored answers
to Idempotency-Keys, which hold the case as it was with the applicant's personal data, after
CASE_API_IDEMPOTENCY_DAYS (a system resends a write within minutes, not weeks; they go with
their case too when it is purged), and webhooks delivered or given up after
CASE_API_WEBHOOK_LOG_DAYS. Run nightly by the scheduler."""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import IdempotentRequest, WebhookDelivery


def purge_old_records() -> dict:
    now = timezone.now()
    answers, _ = IdempotentRequest.objects.filter(
        created_at__lt=now - datetime.timedelta(days=settings.CASE_API_IDEMPOTENCY_DAYS)
    ).delete()
    webhooks, _ = (
        WebhookDelivery.objects.filter(
            created_at__lt=now - datetime.timedelta(days=settings.CASE_API_WEBHOOK_LOG_DAYS)
        )
        .exclude(status=WebhookDelivery.Status.PENDING)
        .delete()
    )
    return {"idempotency_answers": answers, "webhooks": webhooks}
