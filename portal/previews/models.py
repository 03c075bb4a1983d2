"""A preview link: a secret address that shows a page's latest draft to someone without an
account (a reviewer at another agency, a colleague outside the admin), until it expires or an
editor revokes it.

Only a SHA-256 digest of the token is stored; the editor sees the address once, when it is
made. A copy of the database, a backup or a log of queries therefore reveals no working link.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def editable_pages(user):
    """The pages `user` may edit (the "change" permission, or "add" on their own pages), as a
    queryset: superusers get every page, inactive users none."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


class PreviewLinkQuerySet(models.QuerySet):
    def for_user(self, user):
        """The links of the pages `user` may edit; no one else may see or revoke them."""
        return self.filter(page__in=editable_pages(user))

    def usable(self, now=None):
        """Links that still open their page: not revoked and not past their date."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class PreviewLink(models.Model):
    """One shared address for one page.

    The link always shows the page's latest revision when it is opened, not the one at the
    time the link was made: a reviewer who gets a link and then a "look again, I have fixed
    it" sees the fix without a new link (docs/preview-links.md)."""

    page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        related_name="preview_links",
        verbose_name=_("sida"),
    )
    token_hash = models.CharField(_("kontrollsumma"), max_length=64, unique=True, editable=False)
    note = models.CharField(
        _("för vem"),
        max_length=200,
        help_text=_("Vem länken är till, till exempel ”Anna Berg, Länsstyrelsen”."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    expires_at = models.DateTimeField(_("gäller till"))
    revoked_at = models.DateTimeField(_("återkallad"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("återkallad av"),
    )
    view_count = models.PositiveIntegerField(_("antal visningar"), default=0)
    last_viewed_at = models.DateTimeField(_("senast visad"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("förhandsvisningslänk")
        verbose_name_plural = _("förhandsvisningslänkar")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("Förhandsvisning av ”%(page)s” för %(note)s") % {
            "page": self.page.title,
            "note": self.note,
        }

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_revoked and not self.is_expired
