"""The content review in the admin: the stale-content report, and "still valid" from it or
from the one-click link in the reminder e-mail (portal.review).

Both confirmations need an admin session, which needs a second factor: a mail scanner that
follows the link reaches only the login page.
"""

import datetime

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import review
from .models import ReviewedPageMixin

REPORT_TITLE = gettext_lazy("Inaktuellt innehåll")


class EditorsReportView(WagtailAdminTemplateMixin, TemplateView):
    """A report about the pages the user may edit: for anyone who edits no pages, a 403 that
    says so. Subclasses set `page_title`, `header_icon` and `template_name`."""

    @property
    def breadcrumbs_items(self):
        return [
            {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Hem")},
            {"url": "", "label": self.page_title},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not review.may_edit_pages(request.user):
            return _refused(
                request,
                _("Rapporten är för redaktörer"),
                _(
                    "Rapporten visar de sidor du får redigera, och ditt konto får inte "
                    "redigera några sidor."
                ),
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)


class StaleContentReportView(EditorsReportView):
    """Pages past their review date and pages due soon, of those the user may edit."""

    page_title = REPORT_TITLE
    header_icon = "time"
    template_name = "portal/review/report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        stale = review.stale_pages(user)
        due = review.due_pages(user)
        context.update(
            stale=stale,
            due=due,
            publishable=review.publishable_ids(user, stale + due),
            reminder_days=review.reminder_days(),
        )
        return context


def _refused(request, heading, explanation, page=None, status=410):
    return TemplateResponse(
        request,
        "portal/review/link_refused.html",
        {
            "page_title": heading,
            "header_icon": "warning",
            "explanation": explanation,
            "page": page,
            "report_url": reverse("portal_review_report"),
        },
        status=status,
    )


def _forbidden(request):
    # Raising PermissionDenied inside the admin becomes a redirect to the dashboard; the one
    # who followed the link is better served by a 403 that says why. The page is not named:
    # the user may not be allowed to see it.
    return _refused(
        request,
        _("Du får inte publicera sidan"),
        _(
            "Bara den som får publicera sidan kan bekräfta att den stämmer. Be sidans ägare "
            "eller en webbredaktör om hjälp."
        ),
        status=403,
    )


def _outdated_link(request, page, review_by):
    page.refresh_from_db()
    return _refused(
        request,
        _("Länken gäller ett äldre datum"),
        _(
            "Påminnelsen gällde granskningsdatumet %(old)s, men sidan har nu datumet "
            "%(new)s. Någon har redan bekräftat eller ändrat den, så inget har gjorts nu."
        )
        % {
            "old": date_format(review_by, "DATE_FORMAT"),
            "new": date_format(page.review_by, "DATE_FORMAT"),
        },
        page,
    )


def _already_confirmed(request, page):
    page.refresh_from_db()
    messages.warning(
        request,
        _("”%(title)s” har redan bekräftats eller fått ett nytt datum: %(date)s.")
        % {"title": page.title, "date": date_format(page.review_by, "DATE_FORMAT")},
    )
    return redirect("portal_review_report")


def _confirm(request, page, for_date, on_outdated):
    try:
        page = review.confirm_still_valid(page, request.user, for_date=for_date)
    except review.OutdatedDate:
        return on_outdated()
    except review.NotReviewable:
        return _refused(
            request,
            _("Sidan kan inte bekräftas"),
            _(
                "Sidan är inte publicerad och avpublicerades inte för sitt granskningsdatum. "
                "Öppna den i redigeringsverktyget om den ska publiceras igen."
            ),
            page,
            status=409,
        )
    messages.success(
        request,
        _("”%(title)s” är bekräftad och publicerad. Nästa granskning senast %(date)s.")
        % {"title": page.title, "date": date_format(page.review_by, "DATE_FORMAT")},
    )
    return redirect("portal_review_report")


def _reviewed_page(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not isinstance(page.specific, ReviewedPageMixin):
        raise Http404
    return page.specific


@never_cache
def confirm_link(request, token):
    """The "Ja, sidan stämmer fortfarande" link from the reminder: confirms at once."""
    try:
        page_id, review_by = review.read_token(token)
    except signing.SignatureExpired:
        return _refused(
            request,
            _("Länken har gått ut"),
            _(
                "Länken i påminnelsen gäller i %(days)s dagar. Bekräfta sidan i rapporten "
                "Inaktuellt innehåll i stället."
            )
            % {"days": review.link_max_age().days},
        )
    except signing.BadSignature:
        return _refused(
            request,
            _("Länken fungerar inte"),
            _(
                "Länken är inte hel. Kopiera hela adressen från e-postmeddelandet, eller bekräfta "
                "sidan i rapporten Inaktuellt innehåll."
            ),
            status=400,
        )
    page = _reviewed_page(page_id)
    if not page.permissions_for_user(request.user).can_publish():
        return _forbidden(request)
    if page.review_by != review_by:
        return _outdated_link(request, page, review_by)
    return _confirm(request, page, review_by, lambda: _outdated_link(request, page, review_by))


@require_POST
def confirm_from_report(request, page_id):
    """The report's "Stämmer fortfarande" button. The form sends the date the user saw, so a
    second click (or a colleague's at the same time) does not move the date twice."""
    page = _reviewed_page(page_id)
    if not page.permissions_for_user(request.user).can_publish():
        return _forbidden(request)
    try:
        seen = datetime.date.fromisoformat(request.POST.get("review_by", ""))
    except ValueError:
        seen = None
    if seen != page.review_by:
        return _already_confirmed(request, page)
    return _confirm(request, page, seen, lambda: _already_confirmed(request, page))
