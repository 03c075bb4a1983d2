"""The diary in Chromium: a keyboard user searches and opens a case; the search page (with
results and with an error summary) and the case page have no axe-core violations and no
errors from the W3C HTML checker, and fit a 320 px wide screen.

The rows are committed through the ORM in a register of their own and deleted afterwards
(browser tests cannot use `db`: the server thread would not see them)."""

from datetime import date
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from .checks import axe_violations, format_html_errors, format_violations, vnu_errors_for_documents

pytestmark = pytest.mark.e2e

REGISTER = "E2E-DIARIUM"
CASE_NUMBER = "E2E 2031/12"
CASE_TITLE = "Ombyggnad av Zylofonhallen"
SECRET_TITLE = "Utredning om Zylofonfamiljen"
SEARCH_WITH_RESULTS = "/diarium/?q=Zylofonhallen&kommun=amal"
SEARCH_WITH_ERRORS = "/diarium/?q=Zylofonhallen&fran=2031-02-30&till=2031-01-01"
CASE_URL = f"/diarium/amal/{REGISTER}/{CASE_NUMBER.replace(' ', '%20')}/"


@pytest.fixture(scope="module")
def diary_case(django_db_blocker, live_url):
    """A case with three documents in a register of its own in Åmål: an authority's letter,
    a private individual's and a secrecy-marked one (with a title that must never show)."""
    from citizen_portal.diary.tests.factories import CaseFactory, DocumentFactory, RegisterFactory

    with django_db_blocker.unblock():
        register = RegisterFactory(code=REGISTER, name="Provnämnden")
        case = CaseFactory(
            register=register,
            case_number=CASE_NUMBER,
            title=CASE_TITLE,
            department="Samhällsbyggnadsförvaltningen",
        )
        rows = [
            ("in", "Ansökan om bygglov", "Zylofon Fastigheter AB", "organisation", ""),
            ("in", "Synpunkter från granne", "Anna Zylofonsson", "private", ""),
            ("internal", SECRET_TITLE, "", "", "OSL 26 kap. 1 §"),
        ]
        for number, (direction, title, party, party_type, secrecy) in enumerate(rows, start=1):
            DocumentFactory(
                case=case,
                document_number=f"{CASE_NUMBER}-{number}",
                title=title,
                document_date=date(2031, 2, number),
                registered_date=date(2031, 2, number + 1),
                direction=direction,
                party=party,
                party_type=party_type,
                secrecy=secrecy,
            )
    yield case
    with django_db_blocker.unblock():
        register.delete()


def test_a_keyboard_user_searches_and_opens_a_case(page, diary_case):
    page.goto("/diarium/")
    page.fill("#id_q", "Zylofonhallen")

    for _tab in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") == "submit":
            break
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Sök"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert parse_qs(urlparse(page.url).query)["q"] == ["Zylofonhallen"]
    assert page.locator('[role="status"]').inner_text().startswith("3 handlingar")
    assert page.locator("ol.diary-results__list > li > article").count() == 3
    assert SECRET_TITLE not in page.content()
    assert "Zylofonsson" not in page.content()

    first = page.locator("ol.diary-results__list article h3 a").first
    first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert unquote(urlparse(page.url).path) == f"/diarium/amal/{REGISTER}/{CASE_NUMBER}/"
    assert page.locator("h1").inner_text() == CASE_TITLE
    assert page.locator("table tbody tr").count() == 3
    back = page.locator(".diary-back a")
    assert "q=Zylofonhallen" in back.get_attribute("href")


def test_a_wrong_date_moves_focus_to_the_error_summary_and_keeps_the_input(page, diary_case):
    page.goto(SEARCH_WITH_ERRORS)

    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('error-summary')")
    assert page.locator("#id_fran").input_value() == "2031-02-30"
    assert page.locator("#id_q").input_value() == "Zylofonhallen"

    summary.locator('a[href="#id_fran"]').click()

    assert page.evaluate("() => document.activeElement.id") == "id_fran"


@pytest.fixture(scope="module")
def visits(browser, live_url, diary_case, django_db_blocker):
    """Each diary page once, in Swedish and the search in English: the HTML and axe-core's
    violations; then the HTML checker over all of them in one run."""
    targets = {
        "search with results": SEARCH_WITH_RESULTS,
        "search with errors": SEARCH_WITH_ERRORS,
        "case": CASE_URL + "?q=Zylofonhallen",
        "search in English": "/en" + SEARCH_WITH_RESULTS,
    }
    results = {}
    context = browser.new_context(base_url=live_url, locale="sv-SE")
    with django_db_blocker.unblock():
        page = context.new_page()
        for name, url in targets.items():
            response = page.goto(url)
            results[name] = {
                "url": url,
                "status": response.status,
                "html": response.text(),
                "violations": axe_violations(page),
            }
    context.close()
    for name, errors in vnu_errors_for_documents(
        {name: visit["html"] for name, visit in results.items()}
    ).items():
        results[name]["html_errors"] = errors
    return results


PAGES = ["search with results", "search with errors", "case", "search in English"]


@pytest.mark.parametrize("name", PAGES)
def test_the_diary_page_has_no_axe_violations(visits, name):
    visit = visits[name]

    assert visit["status"] == 200
    assert not visit["violations"], f"{visit['url']}\n{format_violations(visit['violations'])}"


@pytest.mark.parametrize("name", PAGES)
def test_the_diary_page_is_valid_html(visits, name):
    visit = visits[name]

    assert not visit["html_errors"], f"{visit['url']}\n{format_html_errors(visit['html_errors'])}"


@pytest.mark.parametrize("url", [SEARCH_WITH_RESULTS, SEARCH_WITH_ERRORS, CASE_URL])
def test_the_diary_fits_a_320_px_wide_screen(browser, live_url, diary_case, url):
    context = browser.new_context(
        base_url=live_url, locale="sv-SE", viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    page.goto(url)

    width = page.evaluate("() => document.documentElement.scrollWidth")
    context.close()

    # The documents table may scroll sideways inside its own region, never the page.
    assert width <= 320
