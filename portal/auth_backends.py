"""Django's and allauth's authentication backends, with fewer queries on every signed-in request.

* A person's permissions are read in one query rather than two: ModelBackend asks for a user's
  own permissions and their groups' permissions separately, and every signed-in page that
  checks one (is this an employee, may they open the admin) pays both. The union is kept on
  the user object for the request, where ModelBackend keeps it too (`_perm_cache`).
* The signed-in user is read together with what the portal asks of them on nearly every
  request: a resident's e-ID identity, an employee's profile with its municipality and
  department. One query instead of two or three.

PortalModelBackend replaces Django's ModelBackend (password sign-in), PortalAuthenticationBackend
allauth's (single sign-on and e-ID). Django keeps the backend's path in the session, so a
session made with Django's or allauth's own backend signs in again once.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q

USER_RELATED = (
    "citizen_identity",
    "employee_profile__municipality",
    "employee_profile__department__municipality",
)


class _PortalUsers:
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related(*USER_RELATED)
        try:
            user = users.get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(Q(user=user_obj) | Q(group__user=user_obj))
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in permissions.values_list(
                    "content_type__app_label", "codename"
                ).order_by()
            }
        return user_obj._perm_cache


class PortalModelBackend(_PortalUsers, ModelBackend):
    pass


class PortalAuthenticationBackend(_PortalUsers, AuthenticationBackend):
    pass
