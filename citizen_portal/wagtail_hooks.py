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


@hooks.register("register_admin_urls")
def form_attachment_urls():
    """A file attached to a web form, for staff who may see the form's submissions:
    /admin/forms/bilagor/<id>/ (behind the admin's sign-in and second factor)."""
    from django.urls import path

    from .attachments import form_attachment

    return [path("forms/bilagor/<int:pk>/", form_attachment, name="form_attachment")]
