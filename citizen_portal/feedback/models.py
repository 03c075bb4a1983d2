"""A resident's answer to "Var sidan till hjälp?" (docs/page-feedback.md).

Anonymous by design: no IP address, no user, no session. The comment is free text, so what looks
like a personnummer, an e-mail address or a phone number is masked before it is stored
(services.mask_personal_data), and every answer is deleted after `PAGE_FEEDBACK_RETENTION_MONTHS`
(retention.purge_old_feedback, a scheduled job).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Municipality

COMMENT_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The page's municipality when the answer came: the report filters and limits on it.
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("språk"), max_length=10)
    helpful = models.BooleanField(_("till hjälp"))
    comment = models.TextField(_("kommentar"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("tidpunkt"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("svar om sidan")
        verbose_name_plural = _("svar om sidorna")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "created_at"])]

    def __str__(self):
        return f"{self.page_id}: {'ja' if self.helpful else 'nej'}"
