"""Step 4 in Chromium: every life-event guide, the guide list and the agency page, in Swedish and
English, at a desktop width (1280 px) and a phone width (360 px): no axe-core violations (WCAG
2.1 A and AA), no sideways scrolling, one h1, the page's language, and valid HTML (vnu.jar, one
run over all pages). One agency link is marked broken for the visit, so the note residents see
beside it is checked too."""

from dataclasses import dataclass, field

import pytest

from .checks import axe_violations, format_html_errors, format_violations, vnu_errors_for_documents

pytestmark = pytest.mark.e2e

WIDTHS = {"1280": {"width": 1280, "height": 800}, "360": {"width": 360, "height": 740}}
GUIDES = [
    "flytta-till-dalsland",
    "vi-ska-bygga",
    "vi-ska-fa-barn",
    "starta-foretag",
    "nar-nagon-har-dott",
]
PATHS = {
    **{
        f"{slug} {language}": (prefix, f"/livshandelser/{slug}/")
        for slug in GUIDES
        for language, prefix in (("sv", ""), ("en", "/en"))
    },
    "livshandelser sv": ("", "/livshandelser/"),
    "livshandelser en": ("/en", "/livshandelser/"),
    "myndigheter sv": ("", "/myndigheter/"),
    "myndigheter en": ("/en", "/myndigheter/"),
    "myndigheter flytta sv": ("", "/myndigheter/?amne=flytta"),
}
NOTE = {"sv": "(länken fungerar inte just nu)"}
BROKEN = "https://www.skatteverket.se"


@dataclass
class Visit:
    url: str
    status: int = 0
    lang: str | None = None
    h1_count: int = 0
    overflow: int = 0
    note_visible: bool = False
    violations: list = field(default_factory=list)
    html: str = ""
    html_errors: list = field(default_factory=list)


@pytest.fixture(scope="module")
def broken_link(live_url, django_db_blocker):
    """Skatteverket's address marked broken for the visit (committed; removed afterwards)."""
    from citizen_portal.agencies.models import LinkCheck

    with django_db_blocker.unblock():
        link = LinkCheck.objects.create(url=BROKEN, ok=False, status_code=503)
    yield BROKEN
    with django_db_blocker.unblock():
        link.delete()


@pytest.fixture(scope="module")
def visits(browser, live_url, broken_link, django_db_blocker) -> dict[tuple[str, str], Visit]:
    results = {}
    with django_db_blocker.unblock():
        _visit_all(browser, live_url, results)
    desktop = {name: results[(name, "1280")].html for name in PATHS}
    for name, errors in vnu_errors_for_documents(desktop).items():
        results[(name, "1280")].html_errors = errors
    return results


def _visit_all(browser, live_url, results):
    """The server thread reads the database: the caller unblocks it for the whole visit."""
    for width, viewport in WIDTHS.items():
        context = browser.new_context(base_url=live_url, locale="sv-SE", viewport=viewport)
        page = context.new_page()
        for name, (prefix, path) in PATHS.items():
            url = prefix + path
            response = page.goto(url)
            visit = Visit(url=url, status=response.status if response else 0)
            visit.html = response.text() if response else ""
            visit.lang = page.locator("html").get_attribute("lang")
            visit.h1_count = page.locator("h1").count()
            visit.overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            notes = page.locator(".link-note")
            visit.note_visible = notes.count() > 0 and notes.first.is_visible()
            visit.violations = axe_violations(page)
            results[(name, width)] = visit
        context.close()


CASES = [(name, width) for name in PATHS for width in WIDTHS]


def case_id(case):
    return f"{case[0]} {case[1]}px"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page_answers_in_its_language_with_one_h1(visits, case):
    visit = visits[case]
    language = case[0].rsplit(" ", 1)[1]

    assert visit.status == 200, visit.url
    assert visit.lang == language, visit.url
    assert visit.h1_count == 1, visit.url


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page_has_no_axe_violations(visits, case):
    visit = visits[case]

    assert not visit.violations, f"{visit.url}\n{format_violations(visit.violations)}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page_does_not_scroll_sideways(visits, case):
    visit = visits[case]

    assert visit.overflow <= 0, f"{visit.url} is {visit.overflow}px too wide"


@pytest.mark.parametrize("name", list(PATHS))
def test_page_is_valid_html(visits, name):
    visit = visits[(name, "1280")]

    assert not visit.html_errors, f"{visit.url}\n{format_html_errors(visit.html_errors)}"


@pytest.mark.parametrize("width", WIDTHS)
def test_residents_see_the_note_beside_a_broken_agency_link(visits, width):
    for name in ("flytta-till-dalsland sv", "myndigheter sv", "flytta-till-dalsland en"):
        visit = visits[(name, width)]
        assert visit.note_visible, visit.url
    assert NOTE["sv"] in visits[("myndigheter sv", width)].html
