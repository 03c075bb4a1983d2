"""Who may open Medarbetarportalen, for its Django views as for its pages."""

from functools import wraps

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

ACCESS_PERMISSION = "employee_portal.access_employee_portal"


def is_employee(user) -> bool:
    return user.is_authenticated and user.has_perm(ACCESS_PERMISSION)


def profile_of(user):
    """The signed-in employee's EmployeeProfile with its municipality and department, or None
    (a local account without one). One query, kept on the user for the request."""
    if not user.is_authenticated:
        return None
    related = get_user_model().employee_profile.related
    if not related.is_cached(user):
        from portal.identity.models import EmployeeProfile

        profile = (
            EmployeeProfile.objects.select_related("municipality", "department__municipality")
            .filter(user=user)
            .first()
        )
        related.set_cached_value(user, profile)
    return getattr(user, "employee_profile", None)


def login_if_not_employee(request):
    """For anyone but a signed-in employee: a redirect to log in (anonymous) or 403 (raised).
    None for an employee. Employee pages and employee views both start here."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    if not is_employee(request.user):
        raise PermissionDenied
    return None


def kept_private(response):
    """Nothing Medarbetarportalen answers is kept by a browser cache or a proxy."""
    response["Cache-Control"] = "private, no-store"
    return response


def employee_required(view):
    """Anonymous visitors are sent to log in, signed-in non-employees get 403, and nothing an
    employee view answers is cached."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return login_if_not_employee(request) or kept_private(view(request, *args, **kwargs))

    return wrapped
