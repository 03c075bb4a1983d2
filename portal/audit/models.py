"""The audit trail: who signed in, failed to, signed out or changed a second factor, from where
and when; and, outside the e-services' own case log, who opened personal data (a form's
attachment, a request for documents) and what the nightly purge (gallring) removed
(strategy 6.4: everything traceable; portal.audit.access).

The trail is append-only. The ORM refuses to change or delete a row; in production the
database user may in addition be denied UPDATE and DELETE on the table (docs/operations.md).
"""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

USER_AGENT_MAX_LENGTH = 255
USERNAME_MAX_LENGTH = 150
HIDDEN_PERSONAL_IDENTITY_NUMBER = "(personnummer dolt)"

# ÅÅMMDD-NNNN or ÅÅÅÅMMDDNNNN, with "-" or "+" (over 100 years old) as separator, or none.
PERSONAL_IDENTITY_NUMBER_RE = re.compile(r"\s*(?:\d{2})?\d{6}[-+]?\d{4}\s*")


def safe_username(value) -> str:
    """What someone typed as their login, fit to be stored: never a personal identity number.

    People type their personnummer into any login field; the trail must not become a register
    of them (OSL 21 kap., GDPR art. 87 and lag (2018:218) 3 kap. 10 §).
    """
    value = str(value or "")
    if PERSONAL_IDENTITY_NUMBER_RE.fullmatch(value):
        return HIDDEN_PERSONAL_IDENTITY_NUMBER
    return value[:USERNAME_MAX_LENGTH]


class AppendOnlyError(Exception):
    """An attempt to change or delete an entry of the audit trail."""


class AuthEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(_("Granskningsloggen kan inte ändras."))

    def delete(self):
        raise AppendOnlyError(_("Granskningsloggen kan inte raderas."))


class AuthEvent(models.Model):
    """One authentication event. Rows are only ever added.

    The user may be deleted later (their events then keep `username` and lose the link), so the
    trail outlives the accounts it describes.
    """

    class Event(models.TextChoices):
        LOGIN_SUCCEEDED = "login_succeeded", _("Inloggning")
        LOGIN_FAILED = "login_failed", _("Misslyckad inloggning")
        LOGIN_REFUSED = "login_refused", _("Nekad inloggning")
        LOGGED_OUT = "logged_out", _("Utloggning")
        LOGOUT_REFUSED = "logout_refused", _("Nekad utloggning från inloggningstjänsten")
        MFA_ADDED = "mfa_added", _("Tvåstegsverifiering tillagd")
        MFA_REMOVED = "mfa_removed", _("Tvåstegsverifiering borttagen")
        MFA_RESET = "mfa_reset", _("Reservkoder förnyade")
        MFA_USED = "mfa_used", _("Tvåstegsverifiering använd")
        MFA_FAILED = "mfa_failed", _("Misslyckad tvåstegsverifiering")
        ROLE_CHANGED = "role_changed", _("Roller ändrade")
        # Access to and purge of personal data (portal.audit.access).
        DATA_VIEWED = "data_viewed", _("Visade personuppgifter")
        FILE_DOWNLOADED = "file_downloaded", _("Hämtade en bilaga")
        PURGED = "purged", _("Gallring")

    timestamp = models.DateTimeField(_("tidpunkt"), auto_now_add=True, db_index=True)
    event = models.CharField(_("händelse"), max_length=32, choices=Event.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="auth_events",
    )
    username = models.CharField(
        _("användarnamn"),
        max_length=USERNAME_MAX_LENGTH,
        blank=True,
        help_text=_("Det som angavs vid inloggningen, eller användarens användarnamn."),
    )
    ip_address = models.GenericIPAddressField(_("IP-adress"), null=True, blank=True)
    user_agent = models.CharField(_("webbläsare"), max_length=USER_AGENT_MAX_LENGTH, blank=True)
    detail = models.JSONField(_("detaljer"), default=dict, blank=True)

    objects = AuthEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("inloggningshändelse")
        verbose_name_plural = _("inloggningshändelser")
        ordering = ["-timestamp", "-pk"]
        # Reading is the only thing anyone may do with the trail.
        default_permissions = ("view",)
        permissions = [
            # The data-protection officer's report (portal.personal_data): not the trail itself.
            ("view_personal_data_report", _("Kan se rapporten om personuppgifter")),
        ]

    def __str__(self):
        return f"{self.get_event_display()} {self.username}".strip()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(_("Granskningsloggen kan inte ändras."))
        if self.user is not None and not self.username:
            self.username = self.user.get_username()
        self.username = safe_username(self.username)
        self.user_agent = (self.user_agent or "")[:USER_AGENT_MAX_LENGTH]
        # Even a new instance given an existing primary key must not overwrite that row.
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Granskningsloggen kan inte raderas."))

    @property
    def reason(self) -> str:
        """Why, in words, for a failed or refused sign-in or a logout (portal.audit.reasons)."""
        from .reasons import describe

        return describe(str((self.detail or {}).get("reason", "")))
