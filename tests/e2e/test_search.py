"""The site search in Chromium: the search field's suggestions work by keyboard as a WAI-ARIA
1.2 combobox, the field works without JavaScript, and /sok/ (with results of every kind, with
the suggestion list open, with no results, in English) has no axe-core violations and no
errors from the W3C HTML checker."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from .checks import axe_violations, format_html_errors, format_violations, vnu_errors_for_documents

pytestmark = pytest.mark.e2e

TYPED = "försk"
WITH_RESULTS = "/sok/?q=bygglov"
NO_RESULTS = "/sok/?q=xyzzyplugh"


def suggestion_list(page, field):
    """The list box the field controls, once it is shown."""
    listbox = page.locator(f"#{field.get_attribute('aria-controls')}")
    expect(listbox).to_be_visible()
    return listbox


def test_a_keyboard_user_picks_a_suggestion_in_the_header(page):
    page.goto("/")
    field = page.locator("#site-search-q")
    expect(field).to_have_attribute("role", "combobox")
    expect(field).to_have_attribute("aria-expanded", "false")

    field.focus()
    page.keyboard.type(TYPED)

    listbox = suggestion_list(page, field)
    expect(listbox).to_have_attribute("role", "listbox")
    expect(field).to_have_attribute("aria-expanded", "true")
    options = listbox.locator('[role="option"]')
    count = options.count()
    assert 1 <= count <= 8
    for title in options.all_inner_texts():
        assert any(word.lower().startswith(TYPED) for word in title.split()), title
    status = field.locator("xpath=..").locator('[aria-live="polite"]')
    expect(status).to_have_text(re.compile(rf"^({count} förslag|Ett förslag)"))

    page.keyboard.press("ArrowDown")
    first = options.nth(0)
    expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(first).to_have_attribute("aria-selected", "true")
    if count > 1:
        page.keyboard.press("ArrowDown")
        expect(field).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
        expect(first).to_have_attribute("aria-selected", "false")
        page.keyboard.press("ArrowUp")
        expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id"))

    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(field).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(field).to_have_value(TYPED)
    expect(field).to_be_focused()

    page.keyboard.press("ArrowDown")  # opens the list again, on the first suggestion
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    chosen = first.inner_text()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert urlparse(page.url).path == "/sok/"
    assert parse_qs(urlparse(page.url).query)["q"] == [chosen]
    assert page.locator("ol.search-results > li").count() > 0


def test_enter_without_a_chosen_suggestion_searches_for_what_was_typed(page):
    page.goto("/sok/")
    field = page.locator("#search-q")
    field.focus()
    page.keyboard.type("bygglovet")

    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert parse_qs(urlparse(page.url).query)["q"] == ["bygglovet"]


def test_the_search_field_works_without_javascript(browser, live_url):
    context = browser.new_context(base_url=live_url, locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    field = page.locator("#site-search-q")
    assert field.get_attribute("role") is None  # a plain search field

    field.fill("förskola")
    with page.expect_navigation():
        field.press("Enter")

    assert urlparse(page.url).path == "/sok/"
    assert page.locator("ol.search-results > li").count() > 0
    context.close()


@pytest.fixture(scope="module")
def visits(browser, live_url, django_db_blocker):
    """/sok/ in each state once: the HTML (as sent; with the list open, as the script changed
    it) and axe-core's violations for the page as shown; then the HTML checker over all of it."""
    results = {}
    context = browser.new_context(base_url=live_url, locale="sv-SE")
    with django_db_blocker.unblock():
        page = context.new_page()
        for name, url in {
            "with results": WITH_RESULTS,
            "one kind, second page": "/sok/?q=bygglov&typ=diarium&sida=2",
            "no results": NO_RESULTS,
            "in English": "/en/sok/?q=preschool",
        }.items():
            response = page.goto(url)
            results[name] = {
                "url": url,
                "status": response.status,
                "html": response.text(),
                "violations": axe_violations(page),
            }

        response = page.goto("/sok/")
        field = page.locator("#search-q")
        field.focus()
        page.keyboard.type(TYPED)
        suggestion_list(page, field)
        page.keyboard.press("ArrowDown")
        results["suggestions open"] = {
            "url": "/sok/ (suggestions open)",
            "status": response.status,
            # The document as the script changed it, before axe adds its own script.
            "html": page.content(),
            "violations": axe_violations(page),
        }
    context.close()
    for name, errors in vnu_errors_for_documents(
        {name: visit["html"] for name, visit in results.items()}
    ).items():
        results[name]["html_errors"] = errors
    return results


STATES = ["with results", "one kind, second page", "no results", "in English", "suggestions open"]


@pytest.mark.parametrize("name", STATES)
def test_the_search_page_has_no_axe_violations(visits, name):
    visit = visits[name]

    assert visit["status"] == 200
    assert not visit["violations"], f"{visit['url']}\n{format_violations(visit['violations'])}"


@pytest.mark.parametrize("name", STATES)
def test_the_search_page_is_valid_html(visits, name):
    visit = visits[name]

    assert not visit["html_errors"], f"{visit['url']}\n{format_html_errors(visit['html_errors'])}"


def test_the_results_show_the_recommendation_and_the_kinds(visits):
    html = visits["with results"]["html"]
    diary_only = visits["one kind, second page"]["html"]

    assert "Rekommenderat" in html
    assert 'class="search-results__kind">Sida<' in html
    assert re.search(r"Diari\w* \(\d+\)", html), "no count of diary entries"
    assert 'class="search-results__kind">Diarium<' in diary_only
    assert 'class="search-results__kind">Sida<' not in diary_only


def test_no_results_says_what_to_try(visits):
    assert "Vi hittade ingenting" in visits["no results"]["html"]


def test_the_search_page_fits_a_320_px_wide_screen(browser, live_url):
    context = browser.new_context(
        base_url=live_url, locale="sv-SE", viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    page.goto(WITH_RESULTS)
    field = page.locator("#search-q")
    field.fill("")
    page.keyboard.type(TYPED)
    suggestion_list(page, field)

    width = page.evaluate("() => document.documentElement.scrollWidth")
    context.close()

    assert width <= 320
