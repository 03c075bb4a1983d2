"""The provider's own pages: picking a test person instead of a password, and the controls a
test uses between two logins (switching the signing key, changing a person's claims)."""

import json

from django.contrib.auth import get_user_model, login
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oauth2_provider.views import JwksInfoView

from . import keys, persons


# A test provider on loopback: the picker's form is posted by tests with `requests`, without a
# CSRF token. Never a pattern for a real provider.
@csrf_exempt
def pick_person(request):
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    if request.method == "POST":
        user = get_user_model().objects.filter(username=request.POST.get("person")).first()
        if user is None:
            return HttpResponseBadRequest("Okänd testperson.")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return HttpResponseRedirect(next_url)
    buttons = format_html_join(
        "\n",
        '<li><button name="person" value="{}">{} {}</button></li>',
        (
            (username, claims.get("given_name", ""), claims.get("family_name", ""))
            for username, claims in persons.PERSONS.items()
        ),
    )
    return HttpResponse(
        format_html(
            '<!doctype html><html lang="sv"><head><meta charset="utf-8">'
            "<title>Välj testperson</title></head><body><main><h1>Välj testperson</h1>"
            '<form method="post"><input type="hidden" name="next" value="{}"><ul>{}</ul>'
            "</form></main></body></html>",
            next_url,
            buttons,
        )
    )


class PublishedKeysView(JwksInfoView):
    """django-oauth-toolkit's key set, without the keys `keys.unpublished` withdraws."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        key_set = json.loads(response.content)
        key_set["keys"] = [key for key in key_set["keys"] if key["kid"] not in keys.unpublished]
        response.content = json.dumps(key_set)
        return response


@csrf_exempt
@require_POST
def control_keys(request):
    """`{"action": "rotate", "keep_old": true}` or `{"action": "sign_with_retired"}`; answers
    which key signs now and which are published, by key id."""
    try:
        command = json.loads(request.body or b"{}")
        if command.get("action") == "rotate":
            keys.rotate(keep_old=bool(command.get("keep_old")))
        elif command.get("action") == "sign_with_retired":
            keys.sign_with_retired()
        elif command.get("action") != "state":
            return HttpResponseBadRequest("unknown action")
    except (ValueError, AttributeError, LookupError) as error:
        return HttpResponseBadRequest(str(error))
    return JsonResponse(keys.state())


@csrf_exempt
@require_POST
def control_person(request, username):
    """Replace some of a test person's claims for their next logins (JSON object)."""
    if username not in persons.PERSONS:
        return HttpResponseBadRequest("unknown person")
    try:
        claims = json.loads(request.body)
        persons.PERSONS[username].update(claims)
    except (ValueError, TypeError) as error:
        return HttpResponseBadRequest(str(error))
    return JsonResponse(persons.PERSONS[username])
