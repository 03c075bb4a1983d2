"""The case API's clients: the municipalities' back-office systems (docs/case-api.md).

A `CaseApiClient` is one system of one municipality, allowed the cases of some of that
municipality's e-services. It authenticates as an OAuth 2 client of django-oauth-toolkit
(client credentials; the secret is stored hashed and shown once) and acts on cases as its own
system account, a `User` that cannot sign in, so that the case history and the access log name
the system ("Mellerud ByggR (system)") through the same service layer a handler's change takes.

What a client has acknowledged (`CaseAcknowledgement`), the answers it was given to each
`Idempotency-Key` (`IdempotentRequest`) and the webhooks sent to it (`WebhookDelivery`) are
kept here too.
"""

import secrets
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .forms import CaseApiClientForm


def new_webhook_secret() -> str:
    """A Standard Webhooks secret: `whsec_` and 32 random bytes in base64."""
    import base64

    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


class CaseApiClient(models.Model):
    """One back-office system (a case management system such as ByggR or a preschool system)
    and what it may reach: its municipality's cases of the e-services chosen here."""

    name = models.CharField(
        _("namn"),
        max_length=100,
        unique=True,
        help_text=_("Systemets namn, t.ex. Mellerud ByggR. Syns i ärendets historik och logg."),
    )
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    eservices = models.ManyToManyField(
        "eservices.EService",
        verbose_name=_("e-tjänster"),
        related_name="+",
        help_text=_("Systemet når bara ärenden i de här e-tjänsterna, och bara i sin kommun."),
    )
    active = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_("Ett system som inte är aktivt får ingen token och når inga ärenden."),
    )
    webhook_url = models.URLField(
        _("adress för webhooks"),
        blank=True,
        help_text=_(
            "Hit skickas ett anrop när en invånare skickar in, kompletterar, skriver i ett ärende "
            "eller svarar på ett erbjudande om plats. Lämna tomt om systemet bara hämtar."
        ),
    )
    webhook_secret = models.CharField(
        _("hemlighet för webhooks"), max_length=100, default=new_webhook_secret, editable=False
    )
    application = models.OneToOneField(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        on_delete=models.PROTECT,
        related_name="case_api_client",
        editable=False,
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="case_api_client",
        editable=False,
        help_text="The system account the client acts as (it cannot sign in).",
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("senast använd"), null=True, blank=True)

    base_form_class = CaseApiClientForm
    panels = [
        FieldPanel("name"),
        FieldPanel("municipality"),
        FieldPanel("eservices", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
        FieldPanel("webhook_url"),
    ]

    class Meta:
        verbose_name = _("system med ärende-API")
        verbose_name_plural = _("system med ärende-API")
        ordering = ["municipality__sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        """How the case history and log name the system."""
        return f"{self.name} (system)"

    @property
    def client_id(self) -> str:
        return self.application.client_id

    def clean(self):
        super().clean()
        if self.webhook_url and not self.webhook_url.startswith("https://") and not settings.DEBUG:
            # A webhook tells a case's reference: never over an unencrypted connection.
            loopback = self.webhook_url.startswith(("http://127.0.0.1", "http://localhost"))
            if not loopback:
                raise ValidationError({"webhook_url": _("Adressen måste börja med https://.")})

    def cases(self):
        """The submitted cases this client may see: its municipality's, in its e-services.
        Every lookup of the API starts here, so any other case is a 404."""
        from eservices import kinds
        from eservices.models import Case

        return Case.objects.filter(
            municipality_id=self.municipality_id,
            eservice__in=self.eservices.filter(municipality_id=self.municipality_id),
            # Only e-services the portal still has (as Case.objects.for_applicant).
            eservice__kind__in=[kind.slug for kind in kinds.all()],
        ).exclude(status=Case.Status.DRAFT)

    def covers(self, case) -> bool:
        return (
            self.active
            and case.municipality_id == self.municipality_id
            and self.eservices.filter(pk=case.eservice_id).exists()
        )


class CaseAcknowledgement(models.Model):
    """That a client has taken a case into its system (`POST …/acknowledge/`)."""

    client = models.ForeignKey(CaseApiClient, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey("eservices.Case", on_delete=models.CASCADE, related_name="+")
    acknowledged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "case"], name="case_api_ack_unique")
        ]

    def __str__(self):
        return f"{self.case} ← {self.client}"


class IdempotentRequest(models.Model):
    """The answer a client got to a write with an `Idempotency-Key`: the same key with the same
    request gets it again without acting again. Stored in the transaction of the write.

    The answer is the case as it was, personal data included: it goes with the case when the
    case is purged, and after CASE_API_IDEMPOTENCY_DAYS in any case (eservices.api.retention)."""

    client = models.ForeignKey(CaseApiClient, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(
        "eservices.Case", null=True, on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "key"], name="case_api_idempotency_key")
        ]

    def __str__(self):
        return f"{self.client}: {self.key}"


class WebhookDelivery(models.Model):
    """One webhook to one client, stored in the transaction of the change it tells of and
    sent by the task worker, tried again with a growing pause until the client answers 2xx."""

    class Event(models.TextChoices):
        SUBMITTED = "case.submitted", _("Ansökan inskickad")
        COMPLETED = "case.completed", _("Komplettering inskickad")
        MESSAGE = "case.message", _("Meddelande från sökande")
        OFFER_ANSWERED = "offer.answered", _("Svar på erbjudande om plats")

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar")
        DELIVERED = "delivered", _("Levererad")
        FAILED = "failed", _("Misslyckades")

    message_id = models.CharField(max_length=40, unique=True, default=new_message_id)
    client = models.ForeignKey(CaseApiClient, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=30, choices=Event.choices)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return f"{self.event} → {self.client}"
