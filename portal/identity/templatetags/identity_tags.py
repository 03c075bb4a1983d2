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
