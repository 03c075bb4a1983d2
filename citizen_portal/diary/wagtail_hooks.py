"""Requests for official documents in the Wagtail admin, for the registrars (registratorer).

The list puts what needs doing first: today's open requests, then older open ones oldest first
(they are overdue: TF 2 kap. 16 § says promptly, which JO reads as the same day), then
the handled ones. A registrar sees only their own municipality's requests (information is kept
apart per municipality): the scoping is in every view's query, so another municipality's
request is a 404, not a "permission denied" that would confirm it exists.
"""

import django_filters
from django.db.models import Case, F, IntegerField, Value, When
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet

from portal.audit.access import record_access
from portal.audit.models import AuthEvent
from portal.models import Municipality

from . import services
from .models import DocumentRequest
from .retention import KIND

OPEN_TODAY, OPEN_OVERDUE, HANDLED = 0, 1, 2


def visible_requests(user):
    """The requests `user` may see at all: every one for a superuser, else those of the
    municipality in their employee profile, else none."""
    requests = DocumentRequest.objects.select_related("municipality", "register", "handled_by")
    if user.is_superuser:
        return requests
    profile = getattr(user, "employee_profile", None)
    if profile is None:
        return requests.none()
    return requests.filter(municipality_id=profile.municipality_id)


def start_of_today():
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def in_work_order(requests):
    """Today's open requests first (oldest first), then the older open ones oldest first, then
    the handled ones, most recently handled first."""
    return requests.annotate(
        work_group=Case(
            When(status=DocumentRequest.Status.HANDLED, then=Value(HANDLED)),
            When(created_at__gte=start_of_today(), then=Value(OPEN_TODAY)),
            default=Value(OPEN_OVERDUE),
            output_field=IntegerField(),
        ),
        open_since=Case(
            When(status=DocumentRequest.Status.HANDLED, then=Value(None)),
            default=F("created_at"),
        ),
    ).order_by("work_group", "open_since", F("handled_at").desc(nulls_last=True), "pk")


class ReadOnlyPanel(FieldPanel):
    """What the resident sent: shown to the registrar, never changed. Yes/no and a dash
    instead of Python's True and None."""

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "":
            return "–"
        if isinstance(value, bool):
            return _("Ja") if value else _("Nej")
        return super().format_value_for_display(value)


class ScopedObjectMixin:
    """A request outside the user's scope does not exist, for every view of one request."""

    def get_object(self, *args, **kwargs):
        document_request = super().get_object(*args, **kwargs)
        if not visible_requests(self.request.user).filter(pk=document_request.pk).exists():
            raise Http404
        return document_request


class ReceivedColumn(Column):
    """When the request came in; an open request from before today also says how long ago."""

    cell_template_name = "diary/admin/received_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["days_waiting"] = None
        if instance.is_open:
            today = timezone.localdate()
            days = (today - timezone.localtime(instance.created_at).date()).days
            context["days_waiting"] = days if days > 0 else None
        return context


class DocumentRequestFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=DocumentRequest.Status.choices,
        widget=CheckboxSelectMultiple,
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Kommun"), queryset=Municipality.objects.none()
    )

    class Meta:
        model = DocumentRequest
        fields = ["status", "municipality"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        # Only the municipalities whose requests the user may see.
        municipalities = Municipality.objects.all()
        user = getattr(request, "user", None)
        if user is not None and not user.is_superuser:
            profile = getattr(user, "employee_profile", None)
            municipalities = municipalities.filter(pk=profile.municipality_id if profile else None)
        self.filters["municipality"].queryset = municipalities


class AuditedRequestMixin:
    """Every showing of a request to a member of staff, and of the list, is written to the
    audit trail (portal.audit.access) like a handler's opening of a case: the contact details
    are personal data. Re-showing the edit form with an error counts as opening it again."""

    audit_action = ""

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        document_request = getattr(self, "object", None)
        record_access(
            self.request,
            AuthEvent.Event.DATA_VIEWED,
            kind=KIND,
            object_id=document_request.pk if document_request else None,
            reference=document_request.reference if document_request else "",
            view=self.audit_action,
            **self.audit_detail(context),
        )
        return response

    def audit_detail(self, context) -> dict:
        return {}


class DocumentRequestIndexView(AuditedRequestMixin, generic.IndexView):
    def get_base_queryset(self):
        return in_work_order(visible_requests(self.request.user))

    @property
    def audit_action(self):
        return f"export {self.request.GET.get('export')}" if self.is_export else "lista"

    def audit_detail(self, context) -> dict:
        shown = context.get("object_list")
        count = shown.count() if hasattr(shown, "count") and self.is_export else len(shown or [])
        return {"count": count}


class DocumentRequestEditView(ScopedObjectMixin, AuditedRequestMixin, generic.EditView):
    audit_action = "redigera"

    def save_instance(self):
        services.set_status(self.form.instance, self.request.user)
        return super().save_instance()


class DocumentRequestInspectView(ScopedObjectMixin, AuditedRequestMixin, generic.InspectView):
    audit_action = "visa"


class DocumentRequestDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class DocumentRequestHistoryView(ScopedObjectMixin, HistoryView):
    pass


class DocumentRequestViewSet(ModelViewSet):
    model = DocumentRequest
    name = "document_requests"
    url_prefix = "begaran-om-handlingar"
    icon = "mail"
    menu_label = _("Begäran om handlingar")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = DocumentRequestIndexView
    edit_view_class = DocumentRequestEditView
    inspect_view_class = DocumentRequestInspectView
    delete_view_class = DocumentRequestDeleteView
    history_view_class = DocumentRequestHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = DocumentRequestFilterSet
    list_per_page = 50
    list_display = [
        "reference",
        ReceivedColumn("created_at", label=_("Inkom"), sort_key="created_at"),
        Column("municipality", label=_("Kommun"), accessor="municipality.short_name"),
        Column(
            "register_and_case", label=_("Diarium och diarienummer"), accessor="register_and_case"
        ),
        Column("access", label=_("Hur"), accessor="get_access_display"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda document_request: document_request.is_open,
        ),
    ]
    list_export = [
        "reference",
        "created_at",
        "municipality",
        "register",
        "case_number",
        "document_number",
        "access",
        "status",
        "handled_at",
    ]
    export_filename = "begaranden-om-handlingar"
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        ReadOnlyPanel("municipality"),
                        ReadOnlyPanel("register"),
                    ]
                ),
                FieldRowPanel(
                    [
                        ReadOnlyPanel("case_number"),
                        ReadOnlyPanel("document_number"),
                    ]
                ),
                ReadOnlyPanel("case_title"),
                ReadOnlyPanel("document_title"),
                ReadOnlyPanel("description"),
                ReadOnlyPanel("access"),
                ReadOnlyPanel("written_decision"),
                ReadOnlyPanel("created_at"),
            ],
            heading=_("Begäran"),
        ),
        MultiFieldPanel(
            [
                ReadOnlyPanel("name"),
                ReadOnlyPanel("email"),
                ReadOnlyPanel("postal_address"),
                ReadOnlyPanel("phone"),
            ],
            heading=_("Kontaktuppgifter"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("internal_note"),
                FieldRowPanel(
                    [
                        ReadOnlyPanel("handled_at"),
                        ReadOnlyPanel("handled_by"),
                    ]
                ),
            ],
            heading=_("Handläggning"),
        ),
    ]
    inspect_view_fields = [
        "reference",
        "created_at",
        "municipality",
        "register",
        "case_number",
        "case_title",
        "document_number",
        "document_title",
        "description",
        "access",
        "written_decision",
        "name",
        "email",
        "postal_address",
        "phone",
        "status",
        "handled_at",
        "handled_by",
        "internal_note",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Requests come from the public form only: no add or copy view to link to.
        return super().get_common_view_kwargs(add_url_name=None, usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in {"add", "copy", "usage"}
        ]


class RequestsToHandlePanel(Component):
    """The admin home page's count of open requests, for those who handle them."""

    name = "document_requests_to_handle"
    order = 110
    template_name = "diary/admin/requests_panel.html"

    def __init__(self, user):
        requests = visible_requests(user).exclude(status=DocumentRequest.Status.HANDLED)
        self.today = requests.filter(created_at__gte=start_of_today()).count()
        self.overdue = requests.filter(created_at__lt=start_of_today()).count()

    def get_context_data(self, parent_context):
        return {"today": self.today, "overdue": self.overdue}


@hooks.register("register_admin_viewset")
def register_document_request_viewset():
    return DocumentRequestViewSet()


@hooks.register("construct_homepage_panels")
def add_requests_panel(request, panels):
    if request.user.has_perm("diary.change_documentrequest"):
        panels.append(RequestsToHandlePanel(request.user))


@hooks.register("register_personal_data")
def document_requests_personal_data():
    """For the data-protection officer's report (portal.personal_data)."""
    from django.utils.translation import gettext

    from portal.personal_data import holding

    from .retention import retention_days

    return [
        holding(
            DocumentRequest.objects.all(),
            date_field="created_at",
            label=gettext("Begäranden om allmänna handlingar"),
            retention=gettext("%(days)s dagar efter att begäran hanterades")
            % {"days": retention_days()},
            configured=gettext("inställningen DOCUMENT_REQUEST_RETENTION_DAYS"),
            note=gettext("Öppna begäranden gallras inte."),
            order=300,
        )
    ]
