"""The demo's recommended results (search/demo.py)."""

import io

import pytest
from django.core.management.color import no_style
from wagtail.contrib.search_promotions.models import SearchPromotion

from search.demo import promotions, seed_search_promotions

pytestmark = pytest.mark.django_db


def test_every_demo_promotion_found_its_page():
    seeded = {
        promotion.query.query_string
        for promotion in SearchPromotion.objects.select_related("query")
    }

    assert seeded >= {"bygglov", "förskola", "parkeringstillstånd", "sophämtning"}
    assert SearchPromotion.objects.count() == len(promotions())


def test_seeding_again_changes_nothing_and_keeps_an_editors_text():
    promotion = SearchPromotion.objects.get(query__query_string="bygglov")
    promotion.description = "Redaktörens egen text"
    promotion.save()

    seed_search_promotions(io.StringIO(), no_style())

    assert SearchPromotion.objects.count() == len(promotions())
    promotion.refresh_from_db()
    assert promotion.description == "Redaktörens egen text"


def test_a_demo_promotion_is_shown_first_on_the_search_page(client):
    promotion = SearchPromotion.objects.select_related("page").get(query__query_string="förskola")

    response = client.get("/sok/", {"q": "Förskola"})

    assert [r.page.pk for r in response.context["promotions"]] == [promotion.page.pk]
    assert promotion.description.encode() in response.content
