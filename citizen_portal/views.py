"""Mina sidor: the resident's own pages after e-ID login (step 3 of the staircase)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.identity.models import CitizenIdentity


def citizen_identity(request) -> CitizenIdentity | None:
    """The e-ID identity of the signed-in person; None for anonymous visitors and employees."""
    if not request.user.is_authenticated:
        return None
    return CitizenIdentity.objects.filter(user=request.user).first()


@never_cache
def my_pages(request):
    identity = citizen_identity(request)
    if identity is None:
        if request.user.is_authenticated:
            messages.info(
                request,
                _(
                    "Du är inloggad som medarbetare. Mina sidor är till för dig som invånare: "
                    "logga in med e-legitimation för att se dem."
                ),
            )
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('my_pages_login')}?{query}")
    return render(request, "citizen_portal/my_pages.html", {"identity": identity})


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
