"""Who may open Medarbetarportalen, for its Django views as for its pages."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

ACCESS_PERMISSION = "employee_portal.access_employee_portal"


def is_employee(user) -> bool:
    return user.is_authenticated and user.has_perm(ACCESS_PERMISSION)


def profile_of(user):
    """The signed-in employee's EmployeeProfile, or None (a local account without one)."""
    return getattr(user, "employee_profile", None) if user.is_authenticated else None


def employee_required(view):
    """Anonymous visitors are sent to log in, signed-in non-employees get 403, and nothing an
    employee view answers is kept by a browser cache or a proxy."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not is_employee(request.user):
            raise PermissionDenied
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped
