"""Residents' sessions end after a while without activity, and after an absolute maximum.

Mina sidor and the e-services are used on shared computers (libraries, the municipality's
customer centre). A resident's session ends after `CITIZEN_SESSION_IDLE_TIMEOUT` seconds
without activity (default 20 minutes) and in any case `CITIZEN_SESSION_MAX_AGE` seconds after
signing in (default 8 hours). Ending it also ends the session at the e-ID provider
(portal.identity.logout), so the next person cannot sign in as the last one.

In the browser (theme/static/theme/js/session-timeout.js, progressive enhancement), typing and
clicking count as activity; `CITIZEN_SESSION_WARNING` seconds before the end (default 2
minutes) a dialog warns and offers to continue (WCAG 2.2.1 Timing Adjustable). If nobody
answers, what was typed in an application is saved as a draft first, then the person is logged
out. Without JavaScript the server ends the session at the next request.

Employees' privileged sessions have their own idle timeout (portal.accounts).
"""

import time

from django.conf import settings
from django.contrib.auth import logout as auth_logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.audit.models import AuthEvent
from portal.audit.receivers import record

from .config import CITIZEN

ACTIVITY_KEY = "identity.activity"
SIGNED_IN_KEY = "identity.signed_in_at"
# Activity is written to the session at most this often, so reading pages does not write the
# session on every request.
TOUCH_EVERY = 30
# `state` of the logout at the provider, echoed back to the page that says why.
IDLE_STATE = "inaktiv"
IDLE_DRAFT_STATE = "inaktiv-utkast"
# Application forms whose answers are kept as a draft when sent after the session ran out.
DRAFT_VIEWS = {"eservices_apply", "eservices_edit"}


def is_resident(user) -> bool:
    # The backends read the user with their e-ID identity (portal.auth_backends): no query.
    return user.is_authenticated and hasattr(user, "citizen_identity")


def remaining(session, now: float | None = None) -> tuple[int, int]:
    """Seconds left until the idle timeout and until the absolute maximum."""
    now = time.time() if now is None else now
    activity = session.get(ACTIVITY_KEY, now)
    signed_in = session.get(SIGNED_IN_KEY, now)
    idle_left = settings.CITIZEN_SESSION_IDLE_TIMEOUT - (now - activity)
    max_left = settings.CITIZEN_SESSION_MAX_AGE - (now - signed_in)
    return int(idle_left), int(max_left)


def touch(session, now: float, *, force: bool = False) -> None:
    every = min(TOUCH_EVERY, settings.CITIZEN_SESSION_IDLE_TIMEOUT // 10)
    if force or now - session.get(ACTIVITY_KEY, 0) >= every:
        session[ACTIVITY_KEY] = int(now)


def start(request) -> None:
    """At a resident's sign-in (portal.identity.receivers)."""
    now = int(time.time())
    request.session[SIGNED_IN_KEY] = now
    request.session[ACTIVITY_KEY] = now
    # The stored session dies with the maximum too, also when never visited again.
    request.session.set_expiry(settings.CITIZEN_SESSION_MAX_AGE)


def end(request, reason: str, *, draft_saved: bool = False) -> str:
    """Log the resident out because of `reason`; where to send the browser next."""
    from .logout import provider_logout_url

    state = IDLE_DRAFT_STATE if draft_saved else IDLE_STATE
    url = provider_logout_url(request, state=state)
    record(AuthEvent.Event.LOGGED_OUT, request=request, user=request.user, reason=reason)
    auth_logout(request)
    if url:
        return url
    return reverse("identity_logged_out", kwargs={"provider_id": CITIZEN}) + f"?state={state}"


class CitizenSessionTimeoutMiddleware:
    """Ends a resident's session that has been idle too long or lived too long."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_resident(request.user):
            now = time.time()
            session = request.session
            if SIGNED_IN_KEY not in session:  # a session from before the timeouts
                session[SIGNED_IN_KEY] = session[ACTIVITY_KEY] = int(now)
            idle_left, max_left = remaining(session, now)
            asking = request.path_info == reverse("identity_session")
            if idle_left <= 0 or max_left <= 0:
                reason = "idle_timeout" if idle_left <= 0 else "session_max_age"
                saved = self.save_application_as_draft(request)
                url = end(request, reason, draft_saved=saved)
                if asking:
                    return JsonResponse({"signed_in": False, "logout_url": url}, status=401)
                return redirect(url)
            if not asking:
                touch(session, now)
            elif request.method == "POST":
                # "Continue": the clock starts again now. Asking how long is left is not
                # activity.
                touch(session, now, force=True)
        return self.get_response(request)

    def save_application_as_draft(self, request) -> bool:
        """An application sent after the session ran out (no JavaScript to warn first): what
        was typed is saved as the resident's draft, never sent, before the session ends. The
        answer of that request is not shown; the person signs in again to see the draft."""
        if request.method != "POST":
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        if match.url_name not in DRAFT_VIEWS:
            return False
        post = request.POST.copy()
        post["action"] = "save"
        request.POST = post
        response = self.get_response(request)
        # The view redirects once the draft is saved; a form with errors is saved too
        # (eservices.views._handle_post) and answers 200 or 400.
        return response.status_code in (200, 302, 303, 400)


@never_cache
@require_http_methods(["GET", "POST"])
def session_status(request):
    """GET: how long the resident's session has left. POST: continue (counts as activity,
    which the middleware has already recorded)."""
    if not is_resident(request.user):
        return JsonResponse({"signed_in": False}, status=401)
    idle_left, max_left = remaining(request.session)
    return JsonResponse(
        {
            "signed_in": True,
            "idle_seconds_left": max(idle_left, 0),
            "max_seconds_left": max(max_left, 0),
        }
    )


@require_http_methods(["POST"])
def logout_idle(request):
    """The browser's logout after the warning went unanswered (session-timeout.js)."""
    if not is_resident(request.user):
        return redirect(
            reverse("identity_logged_out", kwargs={"provider_id": CITIZEN}) + f"?state={IDLE_STATE}"
        )
    return redirect(end(request, "idle_timeout", draft_saved=request.POST.get("utkast") == "1"))
