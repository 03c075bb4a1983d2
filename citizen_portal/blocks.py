"""StreamField blocks for citizen pages. Each has a full Meta so the editor's preview works.
The text blocks both portals use (`BodyBlock` and its parts) are in portal/blocks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class EServiceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Knapptext"))
    url = blocks.CharBlock(label=_("Adress"), help_text=_("Till exempel /e-tjanster/forskola/"))
    requires_eid = blocks.BooleanBlock(
        label=_("Kräver e-legitimation"), required=False, default=True
    )

    class Meta:
        icon = "link"
        template = "citizen_portal/blocks/eservice_link.html"
        label = _("E-tjänst")
        description = _("Knapp till en e-tjänst.")
        preview_value = {
            "title": "Ansök om förskoleplats",
            "url": "/e-tjanster/",
            "requires_eid": True,
        }


class FormPageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Formulär"), page_type="citizen_portal.FormPage")
    title = blocks.CharBlock(label=_("Knapptext"), required=False)

    class Meta:
        icon = "form"
        template = "citizen_portal/blocks/form_link.html"
        label = _("Webbformulär")
        description = _("Knapp till ett formulär på webbplatsen.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Blankett"))
    title = blocks.CharBlock(label=_("Länktext"), required=False)

    class Meta:
        icon = "doc-full"
        template = "citizen_portal/blocks/document_link.html"
        label = _("Blankett")
        description = _("En blankett att ladda ner och skicka in.")


class ApplyBlock(blocks.StreamBlock):
    """Where on a service page the resident actually applies."""

    eservice = EServiceLinkBlock()
    form = FormPageLinkBlock()
    document = DocumentLinkBlock()

    class Meta:
        icon = "form"
        label = _("Ansök")


class InaccessibleContentBlock(blocks.StructBlock):
    """One item in the accessibility statement's list of content that is not accessible."""

    title = blocks.CharBlock(label=_("Brist"))
    description = blocks.TextBlock(label=_("Beskrivning och orsak"))
    criteria = blocks.CharBlock(
        label=_("Framgångskriterier i WCAG"), required=False, help_text=_("t.ex. 1.1.1, 1.4.3")
    )
    remedy = blocks.TextBlock(label=_("Vad vi gör åt det"), required=False)

    class Meta:
        icon = "warning"
        template = "citizen_portal/blocks/inaccessible_content.html"
        label = _("Brist i tillgängligheten")
        description = _("Innehåll som inte är tillgängligt, med orsak och WCAG-kriterium.")
        preview_value = {
            "title": "PDF-dokument från före 2018",
            "description": (
                "Äldre protokoll saknar taggar och kan vara svåra att läsa med skärmläsare."
            ),
            "criteria": "1.3.1, 2.4.2",
            "remedy": "Vi ersätter dokumenten när de efterfrågas.",
        }
