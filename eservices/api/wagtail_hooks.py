"""The back-office systems in the admin, under Settings ("System med ärende-API"), for
administrators (the model's add/change/delete permissions).

Registering a system, or asking for a new secret, shows its client id and secret once, on the
page that answers the form: the secret is in no redirect, session or log, and only its hash is
stored (django-oauth-toolkit). Whoever loses it makes a new one.

Beside it, "Webhooks till system": every delivery to a system, read-only, for the
integration team asking why a system heard nothing: the event, the case, the status, the
attempts, the next attempt and the last error."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.permissions import register_permission_policy

from portal.audit.views import ReadOnlyViewSet, ViewOnlyPermissionPolicy

from . import credentials
from .models import CaseApiClient, WebhookDelivery

# Administrators (and holders of `case_api.view_webhookdelivery`) may read; nobody writes: the
# rows are the worker's. Before the viewset registers, or Wagtail makes a read-write policy.
register_permission_policy(WebhookDelivery, ViewOnlyPermissionPolicy(WebhookDelivery))

TEMPLATE = "case_api/credentials.html"


class _ClientPage(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("case_api_clients:index"), "label": _("System med ärende-API")},
            {"url": "", "label": self.get_page_title()},
        ]


class CredentialsView(_ClientPage):
    template_name = TEMPLATE
    page_title = _("Systemets inloggningsuppgifter")


class NewSecretView(_ClientPage):
    template_name = "case_api/new_secret.html"
    page_title = _("Skapa ny hemlighet")


def _page(view_class, request, **context):
    view = view_class()
    view.setup(request)
    response = view.render_to_response(view.get_context_data(**context))
    response["Cache-Control"] = "private, no-store"
    return response


def _credentials_page(request, client, secret, *, new_client):
    return _page(
        CredentialsView,
        request,
        **{
            "client": client,
            "client_id": client.client_id,
            "secret": secret,
            "webhook_secret": client.webhook_secret,
            "new_client": new_client,
            "token_url": request.build_absolute_uri(reverse("case_api_token")),
            "index_url": reverse("case_api_clients:index"),
        },
    )


class CreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self.secret = credentials.save_client(instance)
        self.form.save_m2m()
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance

    def save_action(self):
        return _credentials_page(self.request, self.object, self.secret, new_client=True)


class EditView(generic.EditView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        credentials.save_client(instance)
        self.form.save_m2m()
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance

    @property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        buttons.append(
            Button(
                _("Skapa ny hemlighet"),
                url=reverse("case_api_clients:new_secret", args=[self.object.pk]),
                icon_name="key",
                priority=20,
            )
        )
        return buttons


class DeleteView(generic.DeleteView):
    def delete_action(self):
        """The system's OAuth 2 application (and so its tokens) goes with it; its system
        account stays, inactive, so that the case histories still name the system."""
        application = self.object.application
        super().delete_action()
        application.delete()


class CaseApiClientViewSet(ModelViewSet):
    model = CaseApiClient
    icon = "key"
    menu_label = _("System med ärende-API")
    add_to_settings_menu = True
    name = "case_api_clients"
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    list_display = ["name", "municipality", "active", "last_used_at"]
    list_filter = ["municipality", "active"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("secret/<int:pk>/", never_cache(self.new_secret_view), name="new_secret"),
        ]

    def new_secret_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        client = get_object_or_404(CaseApiClient, pk=pk)
        if request.method == "POST":
            secret = credentials.new_secret(client)
            log(
                instance=client,
                action="wagtail.edit",
                user=request.user,
                data={"detail": "new client secret"},
            )
            return _credentials_page(request, client, secret, new_client=False)
        return _page(
            NewSecretView,
            request,
            client=client,
            edit_url=reverse("case_api_clients:edit", args=[pk]),
        )


case_api_client_viewset = CaseApiClientViewSet()


@hooks.register("register_admin_viewset")
def register_case_api_clients():
    return case_api_client_viewset


class WebhookDeliveryViewSet(ReadOnlyViewSet):
    model = WebhookDelivery
    name = "case_api_webhooks"
    icon = "resubmit"
    menu_label = _("Webhooks till system")
    add_to_settings_menu = True
    list_per_page = 50
    inspect_view_enabled = False
    list_filter = ["client", "status", "event"]
    ordering = ["-created_at", "-pk"]

    @property
    def list_display(self):
        return [
            Column("created_at", label=_("Skapad")),
            Column("client", label=_("System")),
            Column("event", label=_("Händelse"), accessor="get_event_display"),
            Column("reference", label=_("Ärende"), accessor=_reference),
            Column("status", label=_("Status"), accessor="get_status_display"),
            Column("attempts", label=_("Försök")),
            Column("next_attempt_at", label=_("Nästa försök"), accessor=_next_attempt),
            Column("last_error", label=_("Senaste fel")),
        ]

    def get_queryset(self, request):
        return WebhookDelivery.objects.select_related("client")


def _reference(delivery) -> str:
    return (delivery.payload or {}).get("data", {}).get("reference", "")


def _next_attempt(delivery):
    return delivery.next_attempt_at if delivery.status == WebhookDelivery.Status.PENDING else ""


@hooks.register("register_admin_viewset")
def register_webhook_deliveries():
    return WebhookDeliveryViewSet()
