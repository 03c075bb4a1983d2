"""Blocks that link the register: an agency on a guide or a service page, and a guide's step.

The agency is chosen from the register (a snippet chooser), so its name and address are read
from the register when the page is shown. Nothing here imports the app's models: citizen pages
may use `AgencyBlock` without an import cycle.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

STEP_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def eservice_kinds():
    """The e-services a step can send residents to (/e-tjanster/<kind>/)."""
    from eservices.models import Kind

    return Kind.choices


class AgencyBlock(blocks.StructBlock):
    """An agency from the register, with what to do there in this context."""

    agency = SnippetChooserBlock("agencies.Agency", label=_("Myndighet"))
    description = blocks.CharBlock(
        label=_("Vad gör man där?"),
        required=False,
        help_text=_("Lämna tomt för att visa beskrivningen i myndighetsregistret."),
    )

    class Meta:
        icon = "link-external"
        template = "agencies/blocks/agency.html"
        label = _("Myndighet")
        description = _("En myndighet ur myndighetsregistret. Namn och adress hämtas därifrån.")

    def get_preview_value(self):
        from .models import Agency

        agency = Agency.objects.filter(url__contains="skolinspektionen").first()
        agency = agency or Agency.objects.first()
        return self.to_python(
            {
                "agency": agency.pk if agency else None,
                "description": "Anmäl om kommunen inte erbjuder plats inom fyra månader.",
            }
        )

    def get_context(self, value, parent_context=None):
        from .registry import GuideLinks

        context = super().get_context(value, parent_context=parent_context)
        links = (parent_context or {}).get("guide_links") or GuideLinks(context.get("request"))
        context["link"] = links.agency_link(value["agency"], value["description"])
        return context


class GuideStepBlock(blocks.StructBlock):
    """One step of a life-event guide: what to do, where at the municipality, and at which
    agencies."""

    title = blocks.CharBlock(label=_("Rubrik"), help_text=_("Vad man gör, t.ex. Anmäl flytten."))
    text = blocks.RichTextBlock(label=_("Text"), features=STEP_TEXT_FEATURES)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(),
        label=_("Kommunens tjänster och sidor"),
        default=[],
        help_text=_(
            "Tjänstesidor och andra sidor. Välj samma tjänst i varje kommun: sidorna visas "
            "tillsammans, med kommunens namn."
        ),
    )
    eservice = blocks.ChoiceBlock(
        choices=eservice_kinds,
        required=False,
        label=_("E-tjänst"),
        help_text=_("Visar en knapp till e-tjänsten, där invånaren väljer kommun."),
    )
    agencies = blocks.ListBlock(AgencyBlock(), label=_("Myndigheter"), default=[])

    class Meta:
        icon = "list-ol"
        template = "agencies/blocks/guide_step.html"
        label = _("Steg")
        description = _("Ett steg i guiden: text, kommunens tjänster och andra myndigheter.")
        preview_value = {
            "title": "Anmäl flytten till Skatteverket",
            "text": "<p>Gör en flyttanmälan senast en vecka efter att du har flyttat.</p>",
            "pages": [],
            "eservice": "",
            "agencies": [],
        }

    def get_context(self, value, parent_context=None):
        from .registry import GuideLinks

        context = super().get_context(value, parent_context=parent_context)
        links = (parent_context or {}).get("guide_links") or GuideLinks(context.get("request"))
        context["step"] = links.step(value)
        return context
