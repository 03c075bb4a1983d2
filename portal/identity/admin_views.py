"""The residents' e-ID identities in the Wagtail admin (*Invånaridentiteter*): a list to search,
nothing else. Nobody can add, change or delete one here; they come from the e-ID logins.

The personal identity number and a foreign e-ID's identifier (prid) are shown masked, as
everywhere (`19121212-****`, `NO:0586*******`); the whole value can be searched for, so that
support staff can find the person a resident says they are without reading anyone's number.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy

from portal.audit.views import ReadOnlyViewSet, ViewOnlyPermissionPolicy

from .models import CitizenIdentity

# Superusers and holders of `identity.view_citizenidentity` may read; no one may write. Before
# the viewset registers, or Wagtail makes a read-write policy for the model.
register_permission_policy(CitizenIdentity, ViewOnlyPermissionPolicy(CitizenIdentity))


class MaskedIdentityColumn(Column):
    """The number, or the foreign e-ID's country and identifier, masked."""

    def get_value(self, instance):
        if instance.is_foreign:
            return _("%(identity)s (utländsk e-legitimation, %(country)s)") % {
                "identity": instance.masked_number,
                "country": instance.foreign_country,
            }
        return instance.masked_number


class CitizenIdentityViewSet(ReadOnlyViewSet):
    model = CitizenIdentity
    name = "citizen_identities"
    icon = "user"
    menu_label = _("Invånaridentiteter")
    add_to_settings_menu = True
    list_per_page = 50
    inspect_view_enabled = False
    list_filter = ["country", "protected_identity"]

    @property
    def list_display(self):
        return [
            Column("full_name", label=_("Namn")),
            MaskedIdentityColumn("identity", label=_("Identitet")),
            "protected_identity",
            "updated_at",
        ]

    @property
    def index_view_class(self):
        from wagtail.admin.views.generic import IndexView

        class CitizenIdentityIndexView(IndexView):
            # Search by name (any part), or by the whole number or prid, never by a fragment
            # of one: a search box is no way to list everyone born on a given day.
            is_searchable = True

            def search_queryset(self, queryset):
                query = (self.search_query or "").strip()
                if not query:
                    return queryset
                digits = query.replace("-", "")
                names = Q()
                for word in query.split():
                    names &= Q(given_name__icontains=word) | Q(family_name__icontains=word)
                return queryset.filter(
                    names | Q(personal_identity_number=digits) | Q(foreign_identifier=query)
                )

        return CitizenIdentityIndexView
