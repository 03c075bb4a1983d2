"""The image library and the picture a page shows at its top.

`Picture` is the portal's image model (WAGTAILIMAGES_IMAGE_MODEL): Wagtail's image with who took
it and under which licence, so the credit line under every use is right and an editor can see
whether a picture may be used at all. Pictures sit in the collections of the editor groups
(portal.identity.editor_groups): each municipality adds and changes its own, and everyone may
choose the shared ones of *Dalsland*.

What a picture *means* depends on where it is used, so the alternative text and the caption
belong to the use (the page's fields here, or the body block in blocks.py), not to the image.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index

ALT_TEXT_MAX_LENGTH = 250
ALT_TEXT_HELP = _(
    "Beskriv kort vad bilden visar för den som inte ser den, t.ex. ”Barn leker i sandlådan på "
    "Solstrålens förskola”. Skriv inte ”bild av”."
)
ALT_TEXT_MISSING = _(
    "Skriv en alternativtext som beskriver bilden, eller markera bilden som dekorativ om den "
    "inte tillför något till texten."
)


class Licence(models.TextChoices):
    OWN = "egen", _("Kommunens egen bild, fri att använda i kommunens kanaler")
    CC0 = "cc0", _("CC0 (fri att använda)")
    CC_BY = "cc-by", _("CC BY 4.0 (ange fotograf)")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA 4.0 (ange fotograf, dela lika)")
    LICENSED = "licens", _("Köpt eller lånad bild, får bara användas på portalen")


LICENCE_SHORT = {
    Licence.OWN: "",
    Licence.CC0: "CC0",
    Licence.CC_BY: "CC BY 4.0",
    Licence.CC_BY_SA: "CC BY-SA 4.0",
    Licence.LICENSED: "",
}


class Picture(AbstractImage):
    photographer = models.CharField(
        _("fotograf eller upphov"),
        max_length=150,
        blank=True,
        help_text=_("Visas under bilden, t.ex. Anna Berg eller Illustration: Åmåls kommun."),
    )
    licence = models.CharField(
        _("licens"), max_length=20, choices=Licence.choices, default=Licence.OWN
    )

    admin_form_fields = (*Image.admin_form_fields, "photographer", "licence")
    search_fields = [*AbstractImage.search_fields, index.SearchField("photographer")]

    class Meta(AbstractImage.Meta):
        verbose_name = _("bild")
        verbose_name_plural = _("bilder")

    @property
    def credit(self) -> str:
        """The credit line under the picture: "Foto: Anna Berg, CC BY 4.0"."""
        licence = LICENCE_SHORT.get(self.licence, "")
        parts = [part for part in (self.photographer, licence) if part]
        return ", ".join(parts)


class PictureRendition(AbstractRendition):
    image = models.ForeignKey(Picture, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PagePicture(models.Model):
    """A picture at the top of a page (news, service, municipality, topic and employee news
    pages): the image from the library, what it shows in this page's words, or that it is only
    decoration, and an optional caption. The text fields are translated with the page."""

    picture = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    picture_alt = models.CharField(
        _("alternativtext"), max_length=ALT_TEXT_MAX_LENGTH, blank=True, help_text=ALT_TEXT_HELP
    )
    picture_decorative = models.BooleanField(
        _("bilden är dekorativ"),
        default=False,
        help_text=_("Bara om bilden inte säger något som texten inte redan säger."),
    )
    picture_caption = models.CharField(
        _("bildtext"),
        max_length=255,
        blank=True,
        help_text=_("Visas under bilden. Fotograf och licens läggs till från bildbanken."),
    )

    picture_panels = [
        MultiFieldPanel(
            [
                FieldPanel("picture"),
                FieldPanel("picture_alt"),
                FieldPanel("picture_decorative"),
                FieldPanel("picture_caption"),
            ],
            heading=_("Bild"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        self.picture_alt = self.picture_alt.strip()
        if self.picture_id and not self.picture_decorative and not self.picture_alt:
            raise ValidationError({"picture_alt": ALT_TEXT_MISSING})

    @property
    def picture_alt_text(self) -> str:
        """The `alt` attribute: empty for a decorative picture, so screen readers skip it."""
        return "" if self.picture_decorative else self.picture_alt
