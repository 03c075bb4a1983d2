from django.conf import settings
from django.db import models

from .identities import CITIZEN, EMPLOYEE, KINDS, display_name


class TestIdentity(models.Model):
    """A person you can sign in as, and the claims that person's next login sends.

    The `key` is the OpenID Connect `sub`. The user row only anchors the provider's session and
    tokens; the claims here are the whole truth about the person.
    """

    class Kind(models.TextChoices):
        EMPLOYEE = EMPLOYEE, KINDS[EMPLOYEE]
        CITIZEN = CITIZEN, KINDS[CITIZEN]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="test_identity"
    )
    key = models.SlugField("nyckel", unique=True)
    kind = models.CharField("slag", max_length=20, choices=Kind.choices)
    description = models.CharField("beskrivning", max_length=200)
    claims = models.JSONField("claims", default=dict)
    tamper_next_id_token = models.BooleanField(
        "manipulera nästa ID-token",
        default=False,
        help_text="Nästa ID-token får ändrat innehåll och därmed ogiltig signatur.",
    )
    order = models.PositiveIntegerField("ordning", default=0)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = "testperson"
        verbose_name_plural = "testpersoner"

    def __str__(self):
        return self.name

    @property
    def sub(self) -> str:
        return self.key

    @property
    def name(self) -> str:
        return display_name(self.claims) or self.key
