"""StreamField blocks both portals use: the body of a citizen or an employee page (heading,
text, fact box, picture). Each has a full Meta so the editor's preview works."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.pictures.blocks import PictureBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "portal/blocks/heading.html"
        label = _("Rubrik")
        description = _("En mellanrubrik (nivå 2) som delar upp texten.")
        preview_value = "Så ansöker du"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "portal/blocks/paragraph.html"
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
        template = "portal/blocks/fact_box.html"
        label = _("Faktaruta")
        description = _("En inramad ruta som lyfter fram något viktigt.")
        preview_value = {
            "heading": "Skyddade personuppgifter",
            "text": "<p>Ring kontaktcenter i stället för att använda e-tjänsten.</p>",
            "kind": "important",
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    fact_box = FactBoxBlock()
    picture = PictureBlock()

    class Meta:
        label = _("Innehåll")
