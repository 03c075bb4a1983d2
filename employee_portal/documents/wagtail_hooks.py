"""The document register in the Wagtail admin (*Dokumentregister*), for editors.

Editing rights follow the municipality, in every view's query: a superuser keeps every
document; anyone else those of the municipality in their employee profile, and the documents
shared by all of Dalsland only with `employee_documents.manage_shared_documents`. Another
municipality's document is a 404, not a "permission denied" that would confirm it exists, and
the form offers, and accepts, only the municipalities the editor may keep.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from portal.files import size_text
from portal.models import Department, Municipality

from .files import ACCEPT
from .models import MANAGE_SHARED_PERMISSION, RegisterDocument
from .views import file_response

VALID, EXPIRED = "giltiga", "utgangna"


def _profile(user):
    return getattr(user, "employee_profile", None)


def may_manage_shared(user) -> bool:
    return user is not None and (user.is_superuser or user.has_perm(MANAGE_SHARED_PERMISSION))


def editable_municipalities(user):
    """The municipalities whose documents `user` may keep (the shared ones aside)."""
    if user is None:
        return Municipality.objects.none()
    if user.is_superuser:
        return Municipality.objects.all()
    profile = _profile(user)
    return Municipality.objects.filter(pk=profile.municipality_id if profile else None)


def visible_documents(user):
    """The documents `user` may see and keep in the admin at all."""
    documents = RegisterDocument.objects.select_related("municipality", "department", "updated_by")
    if user.is_superuser:
        return documents
    profile = _profile(user)
    scope = Q(municipality_id=profile.municipality_id) if profile else Q(pk__in=[])
    if may_manage_shared(user):
        scope |= Q(municipality__isnull=True)
    return documents.filter(scope)


class RegisterDocumentForm(WagtailAdminModelForm):
    """Offers only the municipalities (and departments) the editor may keep; anything else
    posted is a form error at the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        shared = may_manage_shared(user)
        municipalities = editable_municipalities(user)
        municipality = self.fields["municipality"]
        municipality.queryset = municipalities
        municipality.required = not shared
        municipality.empty_label = _("Gemensamt för hela Dalsland") if shared else None
        if not shared:
            municipality.help_text = _(
                "Du lägger in dokument för din egen kommun. Dokument för hela Dalsland kräver "
                "behörigheten att hantera gemensamma dokument."
            )
        municipality.error_messages = {
            **municipality.error_messages,
            "invalid_choice": _("Du kan bara lägga in dokument för din egen kommun."),
            "required": _(
                "Välj kommun. Dokument för hela Dalsland kräver behörigheten att hantera "
                "gemensamma dokument."
            ),
        }
        department = self.fields["department"]
        departments = Department.objects.filter(municipality__in=municipalities)
        if shared:
            departments |= Department.objects.filter(municipality__isnull=True)
        department.queryset = departments.select_related("municipality")
        if self.instance.pk and self.instance.file:
            size = self.instance.file_size
            self.fields["file"].help_text = _(
                "Nuvarande fil: %(type)s%(size)s. Välj en ny fil bara om du vill byta ut den "
                "(PDF, DOCX, XLSX eller ODT, högst 20 MB)."
            ) % {
                "type": self.instance.file_type,
                "size": f", {size_text(size)}" if size is not None else "",
            }

    def save(self, commit=True):
        self.instance.updated_by = self.for_user
        return super().save(commit=commit)


class ScopedObjectMixin:
    """A document outside the user's scope does not exist, for every view of one document."""

    def get_object(self, *args, **kwargs):
        document = super().get_object(*args, **kwargs)
        if not visible_documents(self.request.user).filter(pk=document.pk).exists():
            raise Http404
        return document


class ValidUntilColumn(Column):
    """The last day of validity; an expired document says so."""

    cell_template_name = "documents/admin/valid_until_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["expired"] = instance.is_expired
        return context


class RegisterDocumentFilterSet(WagtailFilterSet):
    category = django_filters.MultipleChoiceFilter(
        label=_("Kategori"),
        choices=RegisterDocument.Category.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Kommun"),
        queryset=Municipality.objects.none(),
        empty_label=_("Alla"),
        null_label=_("Gemensamt för hela Dalsland"),
    )
    validity = django_filters.ChoiceFilter(
        label=_("Giltighet"),
        choices=[(VALID, _("Gäller")), (EXPIRED, _("Har gått ut"))],
        method="filter_validity",
        empty_label=_("Alla"),
    )

    class Meta:
        model = RegisterDocument
        fields = ["category", "municipality", "validity"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        self.filters["municipality"].queryset = editable_municipalities(user)

    def filter_validity(self, queryset, name, value):
        today = timezone.localdate()
        if value == VALID:
            return queryset.filter(valid_until__gte=today)
        if value == EXPIRED:
            return queryset.filter(valid_until__lt=today)
        return queryset


class RegisterDocumentIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_documents(self.request.user)


class RegisterDocumentEditView(ScopedObjectMixin, generic.EditView):
    pass


class RegisterDocumentInspectView(ScopedObjectMixin, generic.InspectView):
    def get_file_display_value(self):
        url = reverse("employee_documents_admin:file", args=[self.object.pk])
        size = self.object.file_size
        return format_html(
            '<a href="{}">{}</a> ({}{})',
            url,
            self.object.download_name,
            self.object.file_type,
            f", {size_text(size)}" if size is not None else "",
        )

    def get_municipality_display_value(self):
        return self.object.municipality_label

    def get_department_display_value(self):
        return str(self.object.department) if self.object.department_id else "–"

    def get_updated_by_display_value(self):
        user = self.object.updated_by
        return (user.get_full_name() or user.get_username()) if user else "–"


class RegisterDocumentDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class RegisterDocumentHistoryView(ScopedObjectMixin, HistoryView):
    pass


class RegisterDocumentUsageView(ScopedObjectMixin, UsageView):
    pass


class RegisterDocumentViewSet(ModelViewSet):
    model = RegisterDocument
    name = "employee_documents_admin"
    url_prefix = "dokumentregister"
    icon = "doc-full"
    menu_label = _("Dokumentregister")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = RegisterDocumentIndexView
    edit_view_class = RegisterDocumentEditView
    inspect_view_class = RegisterDocumentInspectView
    delete_view_class = RegisterDocumentDeleteView
    history_view_class = RegisterDocumentHistoryView
    usage_view_class = RegisterDocumentUsageView
    inspect_view_enabled = True
    # A copy would start from a document the editor may not see: they add a new one instead.
    copy_view_enabled = False
    filterset_class = RegisterDocumentFilterSet
    # The search uses the model's own index (title, description, owner): naming the fields here
    # would restrict the query to them, which Wagtail's SQLite search backend cannot do.
    list_per_page = 50
    list_display = [
        "title",
        Column("category", label=_("Kategori"), accessor="get_category_display"),
        Column("municipality", label=_("Kommun"), accessor="municipality_label"),
        Column("owner", label=_("Ansvarig")),
        ValidUntilColumn("valid_until", label=_("Gäller till"), sort_key="valid_until"),
    ]
    list_export = [
        "title",
        "category",
        "municipality",
        "department",
        "owner",
        "owner_email",
        "decided_by",
        "version",
        "valid_until",
        "updated_at",
        "updated_by",
    ]
    export_filename = "dokumentregister"
    inspect_view_fields = [
        "title",
        "description",
        "category",
        "municipality",
        "department",
        "owner",
        "owner_email",
        "decided_by",
        "version",
        "valid_until",
        "file",
        "created_at",
        "updated_at",
        "updated_by",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("category"),
            # Plain selects, not the choosers, which would list every municipality.
            FieldRowPanel(
                [
                    FieldPanel("municipality", widget=forms.Select),
                    FieldPanel("department", widget=forms.Select),
                ]
            ),
            FieldPanel("file", widget=forms.FileInput(attrs={"accept": ACCEPT})),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("owner"), FieldPanel("owner_email")]),
                    FieldPanel("decided_by"),
                    FieldRowPanel([FieldPanel("version"), FieldPanel("valid_until")]),
                ],
                heading=_("Ansvar och giltighet"),
            ),
        ],
        base_form_class=RegisterDocumentForm,
    )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("fil/<int:pk>/", self.file_view, name="file")]

    @property
    def file_view(self):
        permission_policy = self.permission_policy

        @never_cache
        def view(request, pk):
            """The file for an editor checking it, expired or not, within their scope."""
            if not permission_policy.user_has_any_permission(
                request.user, ["view", "change", "delete"]
            ):
                raise Http404
            document = visible_documents(request.user).filter(pk=pk).first()
            if document is None:
                raise Http404
            return file_response(document)

        return view


@hooks.register("register_admin_viewset")
def register_register_document_viewset():
    return RegisterDocumentViewSet()
