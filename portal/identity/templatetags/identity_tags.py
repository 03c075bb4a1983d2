from allauth.socialaccount.adapter import get_adapter
from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def identity_login_url(context, provider_id: str) -> str:
    """The URL a login form for that provider posts to, or "" when it is not configured."""
    request = context.get("request")
    apps = get_adapter().list_apps(request, provider="openid_connect")
    if not any(app.provider_id == provider_id for app in apps):
        return ""
    return reverse("openid_connect_login", kwargs={"provider_id": provider_id})


@register.inclusion_tag("identity/session_timeout.html", takes_context=True)
def session_timeout(context):
    """For a signed-in resident: the warning before the session ends (portal.identity.idle)."""
    from django.conf import settings

    from ..idle import is_resident, remaining

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not is_resident(user):
        return {"resident": False}
    idle_left, max_left = remaining(request.session)
    return {
        "resident": True,
        "request": request,
        "idle_left": max(idle_left, 0),
        "max_left": max(max_left, 0),
        "warning": settings.CITIZEN_SESSION_WARNING,
        "idle_minutes": settings.CITIZEN_SESSION_IDLE_TIMEOUT // 60,
        "csrf_token": context.get("csrf_token"),
    }
