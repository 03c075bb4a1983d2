"""The preview links' views: the page's links in the admin (make, list, revoke), and the public
address that shows the draft to whoever has it."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import services
from .forms import PreviewLinkForm
from .models import PreviewLink

TITLE = gettext_lazy("Förhandsvisningslänkar")


def _forbidden(request):
    # PermissionDenied in the admin becomes a redirect to the dashboard; a 403 that says why
    # serves the editor better. The page is not named: the user may not be allowed to see it.
    return TemplateResponse(
        request,
        "previews/admin/forbidden.html",
        {"page_title": _("Du får inte redigera sidan"), "header_icon": "warning"},
        status=403,
    )


class PageLinksView(WagtailAdminTemplateMixin, TemplateView):
    """A page's preview links, and the form that makes a new one."""

    page_title = TITLE
    header_icon = "link"
    template_name = "previews/admin/page_links.html"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not services.may_manage_links(request.user, self.page):
            return _forbidden(request)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Hem")},
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": TITLE},
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        refusal = services.refusal(self.page)
        context.update(
            page=self.page,
            refusal=refusal,
            form=None if refusal else form or PreviewLinkForm(),
            links=services.links_for(self.request.user, self.page),
        )
        return context

    def post(self, request, page_id):
        form = PreviewLinkForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            link, token = services.create_link(
                self.page,
                request.user,
                days=form.cleaned_data["days"],
                note=form.cleaned_data["note"],
            )
        except services.NotShareable as refusal:
            messages.error(request, str(refusal))
            return redirect("previews_page_links", self.page.pk)
        # Shown in the answer to the POST and nowhere else, as Wagtail shows a new API token:
        # only the token's digest is stored.
        return TemplateResponse(
            request,
            "previews/admin/link_created.html",
            {
                "page_title": _("Länken är skapad"),
                "header_icon": "link",
                "page": self.page,
                "link": link,
                "url": request.build_absolute_uri(reverse("preview_link", args=[token])),
            },
        )


@require_POST
def revoke(request, page_id, link_id):
    """ "Återkalla": the link stops working at once."""
    page = get_object_or_404(Page, pk=page_id)
    if not services.may_manage_links(request.user, page):
        return _forbidden(request)
    try:
        link = services.revoke_link(page, link_id, request.user)
    except PreviewLink.DoesNotExist as exc:
        raise Http404 from exc
    messages.success(
        request,
        _("Länken till %(note)s är återkallad och fungerar inte längre.") % {"note": link.note},
    )
    return redirect("previews_page_links", page.pk)


def _kept_private(response):
    """Neither search engines nor caches keep a preview, and its address (the token) is not
    sent on to the sites it links to."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def preview(request, token):
    """The public address: the page's latest draft, or one friendly "gone" page for a token
    that is unknown, expired or revoked (all alike, so the answer tells nothing about which)."""
    link = services.open_link(token)
    if link is None:
        return _kept_private(TemplateResponse(request, "previews/link_gone.html", status=404))
    return _kept_private(services.render_preview(request, link))
