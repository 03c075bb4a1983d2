"""wagtail-localize's "Översätt den här sidan" and "Synkronisera översatta sidor", held to the
editor groups' page permissions.

wagtail-localize lets anyone with `wagtail_localize.submit_translation` translate or sync any
page, and sync with "Publicera omgående" publishes the translations without asking whether the
user may publish them. The editor groups have that permission (to translate their own pages), so
without these checks an Åmål editor could translate a Mellerud page, or publish their English
text without an approver (portal.identity.editor_groups). These views are registered before
wagtail-localize's own at the same addresses, so links and `reverse()` reach them unchanged.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def _source_page(source: TranslationSource):
    instance = source.get_source_instance()
    return instance if isinstance(instance, Page) else None


class CheckedSubmitPageTranslationView(SubmitPageTranslationView):
    """Translating a page is editing it: only for those who may edit the source page."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CheckedUpdateTranslationsView(UpdateTranslationsView):
    """Syncing a page's translations is editing it; publishing them at once also needs the
    right to publish each translation, as the translation editor's own "Publicera" does."""

    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        page = _source_page(source)
        if page is not None:
            if not page.permissions_for_user(request.user).can_edit():
                raise PermissionDenied
            if request.method == "POST" and request.POST.get("publish_translations"):
                for translation in source.translations.filter(enabled=True):
                    target = translation.get_target_instance()
                    if not target.permissions_for_user(request.user).can_publish():
                        raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# Before wagtail-localize's hook (order 0): the first pattern matching an address wins.
@hooks.register("register_admin_urls", order=-1)
def register_checked_translation_views():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            CheckedSubmitPageTranslationView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            CheckedUpdateTranslationsView.as_view(),
        ),
    ]


@hooks.register("register_admin_viewset")
def register_citizen_identity_viewset():
    # The residents' e-ID identities: a read-only, masked list.
    from .admin_views import CitizenIdentityViewSet

    return CitizenIdentityViewSet()
