"""Django's ModelBackend, with a person's permissions read in one query rather than two.

ModelBackend asks for a user's own permissions and their groups' permissions separately;
every signed-in page that checks a permission (is this an employee, may they open the admin)
pays both. This backend reads the union at once and keeps it on the user object for the
request, where ModelBackend keeps it too (`_perm_cache`).
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class PortalModelBackend(ModelBackend):
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
