"""A picture in the body of a page: Wagtail's image chooser with this use's alternative text (or
"decorative"), a caption, and the credit line from the image library.

Wagtail's own `ImageBlock` has the alternative text and "decorative" but no caption, and its value
is the image itself, so a caption cannot be added to it; this block keeps the same rule (no alt
text unless decorative) with the caption beside it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from .models import ALT_TEXT_HELP, ALT_TEXT_MAX_LENGTH, ALT_TEXT_MISSING


class PictureValue(blocks.StructValue):
    @property
    def alt(self) -> str:
        """The `alt` attribute: empty for a decorative picture, so screen readers skip it."""
        return "" if self.get("decorative") else self.get("alt_text", "")


class PictureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=ALT_TEXT_MAX_LENGTH,
        help_text=ALT_TEXT_HELP,
    )
    decorative = blocks.BooleanBlock(
        label=_("Bilden är dekorativ"),
        required=False,
        default=False,
        help_text=_("Bara om bilden inte säger något som texten inte redan säger."),
    )
    caption = blocks.CharBlock(label=_("Bildtext"), required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "pictures/blocks/picture.html"
        label = _("Bild")
        description = _("En bild med alternativtext och bildtext.")
        value_class = PictureValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("decorative"):
            alt_text = (value.get("alt_text") or "").strip()
            if not alt_text:
                raise StructBlockValidationError(
                    block_errors={"alt_text": ValidationError(ALT_TEXT_MISSING)}
                )
            value["alt_text"] = alt_text
        return value
