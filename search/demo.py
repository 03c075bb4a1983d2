"""Demo promoted results ("Rekommenderat" at the top of /sok/), from demo/search/promotions.toml:
what an editor would pick for the searches residents make most. Runs after the citizen portal's
and the diary's seeders.

Each promotion names its page by path in the Swedish tree, so a page the demo does not have
is skipped rather than guessed. Idempotent: an existing promotion is left as it is, so an
editor's changes in the admin (Sök > Rekommenderade sökresultat) survive a new seed.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from portal.demo import load_records, seeder


def promotions() -> list[dict]:
    """Each promotion's search words (`query`), its page's path below the Swedish home page
    (`path`) and the text shown with it (`description`)."""
    return load_records("search/promotions")["promotion"]


@seeder(70)
def seed_search_promotions(stdout, style):
    home = Page.objects.filter(depth=2, locale__language_code="sv").first()
    if home is None:
        return "ingen svensk startsida, inga rekommenderade sökresultat"
    created = 0
    for promotion in promotions():
        page = Page.objects.filter(url_path=f"{home.url_path}{promotion['path']}").first()
        if page is None:
            continue
        query = Query.get(promotion["query"])
        _promotion, was_created = SearchPromotion.objects.get_or_create(
            query=query,
            page=page,
            defaults={
                "sort_order": query.editors_picks.count(),
                "description": promotion["description"],
            },
        )
        created += was_created
    return f"{created} rekommenderade sökresultat skapade"
