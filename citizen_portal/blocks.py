"""StreamField blocks for citizen pages. Each has a full Meta so the editor's preview works."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "citizen_portal/blocks/heading.html"
        label = _("Rubrik")
        description = _("En mellanrubrik (nivå 2) som delar upp texten.")
        preview_value = "Så ansöker du"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "citizen_portal/blocks/paragraph.html"
        label = _("Text")
        description = _("Brödtext med stycken, listor och länkar.")
        preview_value = "<p>Du ansöker om plats i förskola via e-tjänsten.</p>"


class FactBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik"))
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "ul", "link"])
    kind = blocks.ChoiceBlock(
        label=_("Typ"),
        choices=[("info", _("Information")), ("important", _("Viktigt"))],
        default="info",
    )

    class Meta:
        icon = "info-circle"
        template = "citizen_portal/blocks/fact_box.html"
        label = _("Faktaruta")
        description = _("En inramad ruta som lyfter fram något viktigt.")
        preview_value = {
            "heading": "Skyddade personuppgifter",
            "text": "<p>Ring kontaktcenter i stället för att använda e-tjänsten.</p>",
            "kind": "important",
        }


class AgencyLinkBlock(blocks.StructBlock):
    """A link to a county, state or EU agency (step 4)."""

    name = blocks.CharBlock(label=_("Myndighet"))
    url = blocks.URLBlock(label=_("Webbadress"))
    description = blocks.CharBlock(label=_("Vad hittar man där?"), required=False)

    class Meta:
        icon = "link-external"
        template = "citizen_portal/blocks/agency_link.html"
        label = _("Myndighet")
        description = _("Länk till en myndighet som hör till tjänsten.")
        preview_value = {
            "name": "Skolinspektionen",
            "url": "https://www.skolinspektionen.se",
            "description": "Anmäl om kommunen inte erbjuder plats inom fyra månader.",
        }


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


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    fact_box = FactBoxBlock()

    class Meta:
        label = _("Innehåll")


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
