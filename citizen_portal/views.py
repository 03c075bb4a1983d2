"""Mina sidor: the resident's own pages after e-ID login (step 3 of the staircase), and the
admin's list of a web form's submissions."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.contrib.forms.views import SubmissionsListView

from portal.identity.citizens import citizen_identity, e_id_login


@never_cache
def my_pages(request):
    identity = citizen_identity(request)
    if identity is None:
        return e_id_login(
            request,
            _(
                "Du är inloggad som medarbetare. Mina sidor är till för dig som invånare: "
                "logga in med e-legitimation för att se dem."
            ),
        )
    from eservices.views import my_cases

    request.user.citizen_identity = identity  # read again by my_cases, not fetched twice
    return render(
        request,
        "citizen_portal/my_pages.html",
        {"identity": identity, **my_cases(request.user)},
    )


@never_cache
def my_pages_login(request):
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    return render(
        request,
        "citizen_portal/my_pages_login.html",
        {"next_url": next_url or reverse("my_pages")},
    )


class FormSubmissionsListView(SubmissionsListView):
    """Wagtail's list of a form's submissions, with each attachment as a link in the table
    (the CSV/XLSX export keeps the address as text)."""

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("attachments")

    def get_context_data(self, **kwargs):
        from .models import ATTACHMENT_LINK_SUFFIX

        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        names = [name for name, _label in self.form_page.get_data_fields()]
        links = {i for i, name in enumerate(names) if name.endswith(ATTACHMENT_LINK_SUFFIX)}
        for row in context.get("data_rows", []):
            row["fields"] = [
                format_html('<a href="{}">{}</a>', value, _("Hämta bilagan"))
                if i in links and value
                else value
                for i, value in enumerate(row["fields"])
            ]
        return context
