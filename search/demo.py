"""Demo promoted results ("Rekommenderat" at the top of /sok/): what an editor would pick for
the searches residents make most. Runs after the citizen portal's and the diary's seeders.

Each promotion names its page by path in the Swedish tree, so a page the demo does not have
is skipped rather than guessed. Idempotent: an existing promotion is left as it is, so an
editor's changes in the admin (Sök > Rekommenderade sökresultat) survive a new seed.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from portal.demo import seeder

# (search words, the page's path below the Swedish home page, the text shown with it)
PROMOTIONS = [
    (
        "bygglov",
        "bygga-bo-och-miljo/",
        "Bygglov, rivningslov och förhandsbesked i alla fem kommuner: vad som kräver lov och "
        "hur du ansöker.",
    ),
    (
        "förskola",
        "barn-och-utbildning/",
        "Förskola, fritidshem och skolval i Dalsland: så ansöker du om plats och vad det kostar.",
    ),
    (
        "parkeringstillstånd",
        "fargelanda/samhallsbyggnad/parkeringstillstand-for-rorelsehindrade/",
        "Parkeringstillstånd för dig som har svårt att gå: vem som kan få det och hur du ansöker.",
    ),
    (
        "sophämtning",
        "bengtsfors/samhallsbyggnad/avfall-och-atervinning/",
        "Hämtning av hushållsavfall, återvinningscentraler och hämtdagar.",
    ),
    (
        "tillgänglighet",
        "tillganglighetsredogorelse/",
        "Hur tillgänglig webbplatsen är och hur du rapporterar en brist.",
    ),
]


@seeder(70)
def seed_search_promotions(stdout, style):
    home = Page.objects.filter(depth=2, locale__language_code="sv").first()
    if home is None:
        return "ingen svensk startsida, inga rekommenderade sökresultat"
    created = 0
    for query_string, path, description in PROMOTIONS:
        page = Page.objects.filter(url_path=f"{home.url_path}{path}").first()
        if page is None:
            continue
        query = Query.get(query_string)
        _promotion, was_created = SearchPromotion.objects.get_or_create(
            query=query,
            page=page,
            defaults={"sort_order": query.editors_picks.count(), "description": description},
        )
        created += was_created
    return f"{created} rekommenderade sökresultat skapade"
