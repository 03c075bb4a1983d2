"""The identity picker (this provider's login page), its claims form, and the authorize wrapper.

Signing in is choosing a test person: no password, no e-ID. `next` is the authorize URL that
sent the browser here; after the choice, allauth's authorize view sends the code to the portal.
"""

from urllib.parse import parse_qs, urlsplit

from allauth.idp.oidc import views as oidc_views
from allauth.idp.oidc.models import Client
from django.contrib import messages
from django.contrib.auth import login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .adapter import client_kind
from .forms import CitizenClaimsForm, EmployeeClaimsForm
from .identities import (
    CITIZEN,
    COORDINATION_NUMBER_CLAIM,
    EMPLOYEE,
    MUNICIPALITIES,
    NETWORKS,
    PRID_CLAIM,
    ROLES,
    masked_number,
    masked_prid,
    number_claim,
)
from .models import TestIdentity

HEADINGS = {
    EMPLOYEE: "Logga in som medarbetare – välj testperson",
    CITIZEN: "Logga in med e-legitimation – välj testperson",
}


def safe_next(value: str | None) -> str:
    """`value` if it is a path on this site, else "" (no open redirect)."""
    value = (value or "").strip()
    if value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return value
    return ""


def requested_client(next_url: str) -> Client | None:
    """The client whose authorize request `next_url` is, if any."""
    parts = urlsplit(next_url)
    if parts.path != reverse("idp:oidc:authorization"):
        return None
    client_id = parse_qs(parts.query).get("client_id", [""])[0]
    return Client.objects.filter(id=client_id).first() if client_id else None


def _facts(identity: TestIdentity) -> list[tuple[str, str]]:
    """What the picker shows about a person: the claims that matter to the portal."""
    claims = identity.claims
    if identity.kind == EMPLOYEE:
        roles = [ROLES.get(role, role) for role in claims.get("roles") or []]
        return [
            ("Kommun", MUNICIPALITIES.get(claims.get("municipality"), claims.get("municipality"))),
            ("Förvaltning", claims.get("department") or "(ingen)"),
            ("Roller", ", ".join(roles) or "(inga)"),
            ("Nätverk", NETWORKS.get(claims.get("network"), claims.get("network"))),
        ]
    claim, number = number_claim(claims)
    label = "Samordningsnummer" if claim == COORDINATION_NUMBER_CLAIM else "Personnummer"
    facts = [(label, masked_number(number) if number else "(skickas inte)")]
    prid = claims.get(PRID_CLAIM)
    if prid:
        country = claims.get("country") or str(prid)[:2]
        facts.append(("Utländsk e-legitimation (eIDAS)", f"{country}, {masked_prid(prid)}"))
    if claims.get("protected_identity"):
        facts.append(("Skyddad identitet", "Ja, skyddade personuppgifter"))
    return facts


def _picker_context(next_url: str) -> dict:
    client = requested_client(next_url)
    kind = client_kind(client)
    kinds = [kind] if kind in HEADINGS else [EMPLOYEE, CITIZEN]
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    groups = []
    for group_kind in kinds:
        people = [
            {
                "identity": identity,
                "facts": _facts(identity),
                "edit_url": reverse("edit_identity", args=[identity.key]) + query,
            }
            for identity in TestIdentity.objects.filter(kind=group_kind)
        ]
        groups.append({"kind": group_kind, "heading": HEADINGS[group_kind], "people": people})
    return {
        "heading": HEADINGS[kind] if len(kinds) == 1 else "Välj testperson",
        "groups": groups,
        "single_group": len(kinds) == 1,
        "client": client,
        "next": next_url,
    }


def _sign_in(request, identity: TestIdentity, next_url: str):
    """Sign in as `identity` and continue to the authorize request, or back to the picker."""
    login(request, identity.user, backend="django.contrib.auth.backends.ModelBackend")
    if next_url:
        return HttpResponseRedirect(next_url)
    messages.info(
        request,
        f"Du är inloggad som {identity.name}. Gå till portalen och logga in därifrån.",
    )
    return HttpResponseRedirect(reverse("picker"))


def _wrong_kind(request, identity: TestIdentity, next_url: str) -> bool:
    kind = client_kind(requested_client(next_url))
    if kind is None or kind == identity.kind:
        return False
    messages.error(
        request,
        f"{identity.name} kan inte logga in här: tjänsten tar bara emot "
        f"{'medarbetare' if kind == EMPLOYEE else 'invånare med e-legitimation'}.",
    )
    return True


@require_http_methods(["GET", "POST"])
def picker(request):
    if request.method == "POST":
        next_url = safe_next(request.POST.get("next"))
        identity = get_object_or_404(TestIdentity, key=request.POST.get("identity", ""))
        if not _wrong_kind(request, identity, next_url):
            return _sign_in(request, identity, next_url)
        return render(request, "demo_idp/picker.html", _picker_context(next_url), status=400)
    next_url = safe_next(request.GET.get("next"))
    return render(request, "demo_idp/picker.html", _picker_context(next_url))


@require_http_methods(["GET", "POST"])
def edit_identity(request, key):
    identity = get_object_or_404(TestIdentity, key=key)
    form_class = EmployeeClaimsForm if identity.kind == EMPLOYEE else CitizenClaimsForm
    next_url = safe_next(request.POST.get("next") or request.GET.get("next"))
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, identity=identity)
        if form.is_valid() and not _wrong_kind(request, identity, next_url):
            form.save()
            return _sign_in(request, identity, next_url)
        status = 400
    else:
        form = form_class(identity=identity)
    back = reverse("picker") + (f"?{urlencode({'next': next_url})}" if next_url else "")
    context = {"identity": identity, "form": form, "next": next_url, "back_url": back}
    return render(request, "demo_idp/edit_identity.html", context, status=status)


@csrf_exempt  # as allauth's view: it checks CSRF itself where a form posts to it
def authorize(request):
    """allauth's authorize endpoint, with one sign-in per authorization.

    A session that belongs to the other kind of person, or a `prompt=login`, is ended first, so
    the picker is shown. After the code (or an error) goes back to the client, the session here
    ends, so the next sign-in at the portal shows the picker again, as a real e-ID does.
    """
    if request.user.is_authenticated:
        identity = TestIdentity.objects.filter(user=request.user).first()
        kind = client_kind(requested_client(request.get_full_path()))
        prompts = request.GET.get("prompt", "").split()
        if "login" in prompts or (kind and (identity is None or identity.kind != kind)):
            logout(request)
    response = oidc_views.authorization(request)
    leaves_for_client = response.status_code == 302 and urlsplit(response["Location"]).netloc
    if request.user.is_authenticated and leaves_for_client:
        logout(request)
    return response
