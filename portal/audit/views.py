"""The audit trail in the Wagtail admin: a list with filters and a detail view, nothing else.

Nobody, not even a superuser, can add, change or delete an entry here: the permission policy
grants only "view", and the viewset routes only the listing and the inspect view.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.forms import CheckboxSelectMultiple
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, MultipleUserFilter, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import AuthEvent


class ReadOnlyViewSet(ModelViewSet):
    """A listing to read (and an inspect view where `inspect_view_enabled`), no other route:
    with ViewOnlyPermissionPolicy registered for the model, nobody can add, change or delete
    here. The audit trail, residents' identities and webhook deliveries use it."""

    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        # No view may link to a route that does not exist.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        patterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
        if self.inspect_view_enabled:
            patterns.append(path("inspect/<int:pk>/", self.inspect_view, name="inspect"))
        return patterns


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Superusers and holders of `audit.view_authevent` may read; no one may write."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


class AuthEventFilterSet(WagtailFilterSet):
    event = django_filters.MultipleChoiceFilter(
        label=_("Händelse"), choices=AuthEvent.Event.choices, widget=CheckboxSelectMultiple
    )
    timestamp = django_filters.DateFromToRangeFilter(label=_("Datum"), widget=DateRangePickerWidget)
    user = MultipleUserFilter(label=_("Användare"), queryset=get_user_model().objects.none())
    username = django_filters.CharFilter(label=_("Angivet användarnamn"), lookup_expr="icontains")
    ip_address = django_filters.CharFilter(label=_("IP-adress"))

    class Meta:
        model = AuthEvent
        fields = ["event", "timestamp", "user", "username", "ip_address"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the accounts that appear in the trail, not every user of the portal.
        self.filters["user"].queryset = get_user_model().objects.filter(
            pk__in=AuthEvent.objects.exclude(user=None).values("user")
        )


class AuthEventViewSet(ReadOnlyViewSet):
    model = AuthEvent
    name = "audit"
    icon = "history"
    menu_label = _("Granskningslogg")
    add_to_settings_menu = True
    list_display = ["timestamp", "event", "reason", "user", "username", "ip_address"]
    list_per_page = 50
    filterset_class = AuthEventFilterSet
    inspect_view_enabled = True
    inspect_view_fields = [
        "timestamp",
        "event",
        "reason",
        "user",
        "username",
        "ip_address",
        "user_agent",
        "detail",
    ]

    @property
    def url_finder_class(self):
        # Wagtail's "edit URL" of an entry (used by its listings and search) is its detail view.
        finder = super().url_finder_class
        finder.edit_url_name = self.get_url_name("inspect")
        return finder
