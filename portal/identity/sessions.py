"""Which portal session came from which sign-in at a provider, for logging out at both ends.

A row is written at every sign-in through an OpenID Connect provider and removed when the
session ends here. It lets a provider end the portal session of a sign-in it knows by `sid`
or `sub` (back-channel logout: portal.identity.logout), and lets the portal end the session at
the provider when the person logs out here (the ID token, kept in the portal session only).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProviderSession(models.Model):
    provider_id = models.CharField(_("inloggningstjänst"), max_length=100)
    issuer = models.CharField(_("utfärdare"), max_length=500)
    subject = models.CharField(_("subjekt (sub)"), max_length=255)
    # The provider's session id (`sid`), when its ID tokens carry one.
    sid = models.CharField(_("sessions-id hos tjänsten (sid)"), max_length=255, blank=True)
    session_key = models.CharField(_("portalens session"), max_length=40, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("inloggad"), auto_now_add=True)

    class Meta:
        verbose_name = _("session hos inloggningstjänst")
        verbose_name_plural = _("sessioner hos inloggningstjänster")
        indexes = [
            models.Index(fields=["provider_id", "sid"], name="identity_ps_sid"),
            models.Index(fields=["provider_id", "subject"], name="identity_ps_sub"),
        ]

    def __str__(self):
        return f"{self.provider_id}: {self.subject}"

    @classmethod
    def purge_stale(cls) -> int:
        """Rows older than the longest a session can live: their sessions are gone."""
        oldest = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE)
        deleted, _ = cls.objects.filter(created_at__lt=oldest).delete()
        return deleted
