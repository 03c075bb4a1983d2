"""Keep derived data right when editors rearrange the tree; count a factor just set up as used."""

from wagtail.signals import post_page_move

from .models import MunicipalityOwnedMixin


def update_municipality_after_move(sender, instance, parent_page_after, **kwargs):
    """A page moved to another municipality's subtree belongs to that municipality from then
    on, and so does everything below it."""
    municipality = getattr(parent_page_after.specific, "municipality", None)
    for page in instance.get_descendants(inclusive=True).specific(defer=True):
        if isinstance(page, MunicipalityOwnedMixin) and not page.owns_municipality:
            type(page).objects.filter(pk=page.pk).update(municipality=municipality)


def connect():
    from allauth.mfa.signals import authenticator_added
    from django.db.models.signals import post_save, pre_save

    from . import chrome
    from .accounts import count_new_factor_as_used
    from .cache import purge_everything_when_changed, remember_values_before_save
    from .models import PortalSettings

    chrome.connect()
    post_page_move.connect(update_municipality_after_move, dispatch_uid="portal-municipality-move")
    authenticator_added.connect(count_new_factor_as_used, dispatch_uid="portal-new-factor-used")
    # Shown on every page (the crisis message, contact details): a change empties the cache.
    pre_save.connect(
        remember_values_before_save, sender=PortalSettings, dispatch_uid="portal-settings-cache"
    )
    post_save.connect(
        purge_everything_when_changed, sender=PortalSettings, dispatch_uid="portal-settings-cache"
    )
