"""The accessibility checker editors see in Wagtail (the userbar's and the page editor's
*Kontroller*, axe-core), set to the rules the portal is held to.

The citizen portal falls under the Swedish accessibility act (lagen om tillgänglighet till
digital offentlig service, EN 301 549): WCAG 2.1 level A and AA. The browser tests run axe-core
with these tags (tests/e2e/checks.py, WCAG_TAGS); the editor's checker runs the same ones, so an
editor sees what would fail there before publishing. Wagtail's own editorial checks (empty
headings, skipped heading levels, paragraphs used as headings, file names as alt text, a
missing meta description) stay on beside them. Wagtail's content metrics (words, reading time
and readability with the LIX formula, which was made for Swedish) are shown in the editor's
*Kontroller* panel by Wagtail itself; they need no configuration.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem

# WCAG 2.1 level A and AA as axe-core tags (the same as tests/e2e/checks.py's WCAG_TAGS).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Wagtail's editorial rules, run in addition to the tagged ones (axe's `rules` option enables
# rules beyond `runOnly`).
EDITORIAL_RULES = [
    "empty-heading",
    "heading-order",
    "p-as-heading",
    "alt-text-quality",
    "empty-meta-description",
]


class PortalContentCheckerItem(ContentCheckerItem):
    """Wagtail's content checker with WCAG 2.1 A and AA and the portal's messages.

    Subclasses ContentCheckerItem: Wagtail 8 deprecates AccessibilityItem (RemovedInWagtail90)
    in its favour; both are the same item."""

    axe_run_only = WCAG_TAGS
    axe_rules = {rule: {"enabled": True} for rule in EDITORIAL_RULES}
    # Plain-language messages for the problems editors cause most often; the others keep
    # axe-core's own text.
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Bilden saknar alternativtext"),
            "help_text": _("Beskriv vad bilden visar, eller markera den som dekorativ"),
        },
        "color-contrast": {
            "error_name": _("För låg kontrast mellan text och bakgrund"),
            "help_text": _("Texten måste gå att läsa för personer med nedsatt syn"),
        },
        "link-name": {
            "error_name": _("Länken saknar text"),
            "help_text": _("Skriv vart länken leder, så att den som använder skärmläsare förstår"),
        },
        "empty-heading": {
            "error_name": _("Tom rubrik"),
            "help_text": _("Skriv en rubrik som beskriver avsnittet, eller ta bort den"),
        },
        "heading-order": {
            "error_name": _("Rubriknivåer hoppas över"),
            "help_text": _("Använd rubriknivåerna i ordning, utan att hoppa över någon"),
        },
        "td-has-header": {
            "error_name": _("Tabellen saknar rubrikceller"),
            "help_text": _("Ange rubrikrad eller rubrikkolumn för tabellen"),
        },
    }


def use_portal_checker(request, items, page=None) -> None:
    """Replace Wagtail's content checker item among the userbar's items with the portal's,
    keeping where it runs (the userbar on the page, or the page editor's preview)."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PortalContentCheckerItem):
            items[index] = PortalContentCheckerItem(in_editor=item.in_editor)
