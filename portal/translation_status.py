"""Which English translations are out of date (docs/translation.md).

Editors translate the Swedish pages into English with wagtail-localize: the Swedish page is the
translation's *source*, and wagtail-localize records when the source's content was last taken
in (`TranslationSource.last_updated_at`: when the translation was made, or last synced with
"Synkronisera översatta sidor"). A Swedish page published after that has changes the English
page does not have: the translation is out of date until someone syncs and translates it again.

The same answer serves the editors (the report *Inaktuella översättningar*) and
the residents (a note on the English page linking to the newer Swedish one).
"""

import dataclasses
import datetime

from django.db.models import Q
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import lookups


@dataclasses.dataclass
class TranslationState:
    translation: Page
    source: Page
    synced_at: datetime.datetime | None
    total: int = 0
    translated: int = 0

    @property
    def out_of_date(self) -> bool:
        changed = self.source.last_published_at
        return bool(changed and self.synced_at and changed > self.synced_at)

    @property
    def incomplete(self) -> bool:
        return self.translated < self.total


def _sources(keys, locale):
    from wagtail_localize.models import TranslationSource

    return {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=locale)
    }


def state_of(page) -> TranslationState | None:
    """For a page in another language than the default: its Swedish source and whether the
    translation has kept up. None for a Swedish page or one that was not translated from one.
    Two queries."""
    default = lookups.default_locale()
    if page.locale_id == default.pk:
        return None
    source_page = (
        Page.objects.filter(translation_key=page.translation_key, locale=default)
        .only("pk", "title", "url_path", "last_published_at", "live")
        .first()
    )
    if source_page is None:
        return None
    source = _sources([page.translation_key], default).get(page.translation_key)
    return TranslationState(page, source_page, source.last_updated_at if source else None)


def translation_states(user=None) -> list[TranslationState]:
    """Every translated page (in the languages other than the default), with its source page
    and progress; only pages `user` may edit, when a user is given. Out-of-date first."""
    from wagtail_localize.models import Translation

    default = Locale.get_default()
    pages = Page.objects.exclude(locale=default).exclude(depth=1)
    if user is not None:
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, {"change", "publish"}
        )
        pages = pages.filter(pk__in=editable.values("pk"))
    pages = list(pages.select_related("locale").specific(defer=True))
    keys = [page.translation_key for page in pages]
    sources = _sources(keys, default)
    originals = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale=default).only(
            "pk", "title", "translation_key", "last_published_at", "live", "url_path"
        )
    }
    translations = {
        (t.source.object_id, t.target_locale_id): t
        for t in Translation.objects.filter(
            Q(source__in=sources.values()), enabled=True
        ).select_related("source")
    }
    states = []
    for page in pages:
        original = originals.get(page.translation_key)
        if original is None:
            continue
        source = sources.get(page.translation_key)
        state = TranslationState(page, original, source.last_updated_at if source else None)
        translation = translations.get((page.translation_key, page.locale_id))
        if translation is not None:
            state.total, state.translated = translation.get_progress()
        states.append(state)
    return sorted(states, key=lambda s: (not s.out_of_date, not s.incomplete, s.translation.title))
