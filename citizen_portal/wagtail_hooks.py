"""The citizen portal's editor scopes (portal.identity.editor_groups): each municipality's
subtree, and the sections of the start page that all of Dalsland shares."""

from wagtail import hooks
from wagtail.models import Page

from portal.identity.editor_groups import DALSLAND, Scope, in_every_language
from portal.models import Municipality

from .models import CitizenHomePage, MunicipalityPage, NewsIndexPage


@hooks.register("register_editor_scopes")
def citizen_portal_scopes() -> list[Scope]:
    found = []
    municipality_pages = list(
        MunicipalityPage.objects.only("pk", "path", "depth", "translation_key", "municipality_id")
    )
    for municipality in Municipality.objects.only("pk", "slug", "short_name"):
        pages = [p for p in municipality_pages if p.municipality_id == municipality.pk]
        news = [
            index
            for page in pages
            for index in NewsIndexPage.objects.child_of(page).only("pk", "translation_key")
        ]
        sections = in_every_language(pages)
        found.append(
            Scope(
                key=municipality.slug,
                label=municipality.short_name,
                sections=sections,
                news=in_every_language(news),
                workflow_roots=sections,
            )
        )

    homes = list(CitizenHomePage.objects.only("pk", "path", "depth", "translation_key"))
    shared, shared_news = [], []
    for home in homes:
        for page in Page.objects.child_of(home).only("pk", "translation_key", "content_type"):
            model = page.specific_class
            if model is None or issubclass(model, MunicipalityPage):
                continue
            shared.append(page)
            if issubclass(model, NewsIndexPage):
                shared_news.append(page)
    found.append(
        Scope(
            key=DALSLAND,
            label="Dalsland",
            # Every other section of the start page; Medarbetarportalen claims its own.
            sections=in_every_language(shared),
            news=in_every_language(shared_news),
            # On the home page, so a section added later falls under it too; the municipality
            # pages and Medarbetarportalen have workflows of their own, which come first.
            workflow_roots=in_every_language(homes),
            takes_the_rest=True,
        )
    )
    return found


def audited_form_attachment(request, pk):
    """`attachments.form_attachment`, and each file handed out written to the audit trail
    (portal.audit.access): who, which file of which submission, when, from where. A refused or
    missing file leaves no entry (the refusal is Wagtail's and the sign-in's to log)."""
    from portal.audit.access import record_access
    from portal.audit.models import AuthEvent

    from .attachments import form_attachment
    from .models import FormAttachment

    response = form_attachment(request, pk)
    if response.status_code == 200:
        attachment = FormAttachment.objects.select_related("submission").get(pk=pk)
        record_access(
            request,
            AuthEvent.Event.FILE_DOWNLOADED,
            kind="citizen_portal.formattachment",
            object_id=attachment.pk,
            reference=attachment.submission.reference,
            form=attachment.submission.page_id,
            field=attachment.field_name,
        )
    return response


@hooks.register("register_admin_urls")
def form_attachment_urls():
    """A file attached to a web form, for staff who may see the form's submissions:
    /admin/forms/bilagor/<id>/ (behind the admin's sign-in and second factor)."""
    from django.urls import path

    return [path("forms/bilagor/<int:pk>/", audited_form_attachment, name="form_attachment")]


@hooks.register("register_personal_data")
def citizen_portal_personal_data():
    """For the data-protection officer's report (portal.personal_data): each form's
    submissions with its retention, their attached files, and the comments of page feedback."""
    from django.db.models import Count, Min
    from django.utils.translation import gettext as _

    from portal.personal_data import Holding, holding

    from .feedback.models import PageFeedback
    from .feedback.retention import retention_months
    from .models import FormAttachment, FormPage, FormPageSubmission

    found = {
        row["page_id"]: row
        for row in FormPageSubmission.objects.values("page_id").annotate(
            count=Count("pk"), oldest=Min("submit_time")
        )
    }
    rows = []
    forms = FormPage.objects.select_related("municipality", "locale").order_by("title", "pk")
    for form in forms:
        submissions = found.get(form.pk, {})
        rows.append(
            Holding(
                label=_("Inskickade formulär: %(form)s (%(where)s, %(language)s)")
                % {
                    "form": form.title,
                    "where": form.municipality.short_name if form.municipality_id else "Dalsland",
                    "language": form.locale.language_code,
                },
                retention=_("%(days)s dagar efter att formuläret skickades in")
                % {"days": form.retention_days},
                configured=_("formulärets inställningar, Gallring"),
                count=submissions.get("count", 0),
                oldest=submissions.get("oldest"),
                order=200,
            )
        )
    rows.append(
        holding(
            FormAttachment.objects.all(),
            date_field="submission__submit_time",
            label=_("Bifogade filer i formulär"),
            retention=_("Tas bort med det inskickade formuläret"),
            configured=_("formulärets inställningar, Gallring"),
            order=210,
        )
    )
    rows.append(
        holding(
            PageFeedback.objects.exclude(comment=""),
            date_field="created_at",
            label=_("Kommentarer i sidfeedback"),
            retention=_("%(months)s månader") % {"months": retention_months()},
            configured=_("inställningen PAGE_FEEDBACK_RETENTION_MONTHS"),
            note=_("Utan namn och IP-adress, men fritext kan innehålla personuppgifter."),
            order=400,
        )
    )
    return rows
