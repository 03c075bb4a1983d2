"""An English page says it is out of date once its Swedish page changes: to residents on the
page, and to editors in the report Översättningar, until the translation is synced."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from citizen_portal.models import ServicePage
from portal import translation_status
from portal.tests.factories import UserFactory, sign_in_for_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish():
    """A demo service page that has an English translation made with wagtail-localize."""
    english = Locale.objects.get(language_code="en")
    for page in ServicePage.objects.live().filter(locale__language_code="sv").order_by("pk"):
        if (
            page.has_translation(english)
            and TranslationSource.objects.filter(object_id=page.translation_key).exists()
        ):
            return page
    raise AssertionError("the demo has translated service pages")


def english_of(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def change_and_publish(page):
    page.intro = page.intro + " Nytt från och med i år: ansök digitalt."
    page.save_revision().publish(skip_permission_checks=True)


def test_a_fresh_translation_is_current(client, swedish):
    english = english_of(swedish)

    assert not translation_status.state_of(english).out_of_date
    html = client.get(english.url).content.decode()
    assert "translation-notice" not in html


def test_the_english_page_reports_being_out_of_date_after_the_swedish_one_changes(client, swedish):
    english = english_of(swedish)

    change_and_publish(swedish)

    state = translation_status.state_of(english)
    assert state.out_of_date
    html = client.get(english.url).content.decode()
    assert "translation-notice" in html
    assert f'href="{swedish.url}"' in html


def test_editors_see_it_in_the_report_until_the_translation_is_synced(client, swedish):
    english = english_of(swedish)
    change_and_publish(swedish)
    editor = UserFactory(is_superuser=True)
    admin = sign_in_for_admin(client, editor)

    response = admin.get(reverse("portal_translation_report"))
    assert response.status_code == 200
    assert english in [s.translation for s in response.context["out_of_date"]]

    # "Synkronisera översatta sidor": the source takes in the new Swedish content.
    source = TranslationSource.objects.get(object_id=swedish.translation_key)
    source.update_from_db()
    for translation in Translation.objects.filter(source=source, enabled=True):
        translation.save_target(publish=True)

    assert not translation_status.state_of(english).out_of_date
    response = admin.get(reverse("portal_translation_report"))
    assert english not in [s.translation for s in response.context["out_of_date"]]
