from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import AuthEvent
from .views import AuthEventViewSet, ViewOnlyPermissionPolicy

# Before the viewset registers, or Wagtail creates a read-write fallback policy for the model.
register_permission_policy(AuthEvent, ViewOnlyPermissionPolicy(AuthEvent))


@hooks.register("register_admin_viewset")
def register_auth_event_viewset():
    return AuthEventViewSet()
