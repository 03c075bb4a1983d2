"""Begär ut handling in Chromium: a keyboard user goes from a case page's "Begär ut" link
through a first submit with an error to the receipt; the form with errors, the receipt and the
postlista have no axe-core violations and no errors from the W3C HTML checker.

The rows are committed through the ORM in a register of their own and deleted afterwards, with
the requests made in it (browser tests cannot use `db`)."""

import re
from datetime import date

import pytest

from .checks import axe_violations, format_html_errors, format_violations, vnu_errors_for_documents

pytestmark = pytest.mark.e2e

REGISTER = "E2E-BEGARAN"
CASE_NUMBER = "E2E 2031/44"
CASE_URL = f"/diarium/amal/{REGISTER}/{CASE_NUMBER.replace(' ', '%20')}/"
SECRET_TITLE = "Utredning om Zylofonfamiljen"
REFERENCE = re.compile(r"BEG-\d{4}-\d{5}")


@pytest.fixture(scope="module")
def request_case(django_db_blocker, live_url):
    """A case in Åmål with an organisation's letter and a secrecy-marked document, registered
    after every demo row so that they head Åmål's postlista."""
    from citizen_portal.diary.models import DocumentRequest
    from citizen_portal.diary.tests.factories import CaseFactory, DocumentFactory, RegisterFactory

    with django_db_blocker.unblock():
        register = RegisterFactory(
            code=REGISTER, name="Provnämnden", registrar_email="registrator.prov@amal.se"
        )
        case = CaseFactory(
            register=register, case_number=CASE_NUMBER, title="Detaljplan för Zylofonparken"
        )
        rows = [
            ("Samrådsyttrande över detaljplanen", "Zylofon Bygg AB", "organisation", ""),
            (SECRET_TITLE, "", "", "OSL 26 kap. 1 §"),
        ]
        documents = []
        for number, (title, party, party_type, secrecy) in enumerate(rows, start=1):
            documents.append(
                DocumentFactory(
                    case=case,
                    document_number=f"{CASE_NUMBER}-{number}",
                    title=title,
                    registered_date=date(2031, 5, number + 1),
                    direction="in",
                    party=party,
                    party_type=party_type,
                    secrecy=secrecy,
                )
            )
    yield documents
    with django_db_blocker.unblock():
        DocumentRequest.objects.filter(register=register).delete()
        register.delete()


def tab_to(page, predicate_js: str, limit: int = 80) -> None:
    """Press Tab until the focused element satisfies `predicate_js` (a function of the
    element)."""
    for _tab in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


def test_a_keyboard_user_requests_a_document_from_a_case_page(page, request_case):
    from citizen_portal.diary.models import DocumentRequest

    document = request_case[0]
    page.goto(CASE_URL)

    tab_to(page, f"el => el.getAttribute('href') === '/diarium/begar-ut/?handling={document.pk}'")
    assert page.evaluate("() => document.activeElement.textContent") == (
        f"Begär ut handling {CASE_NUMBER}-1"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text() == "Begär ut allmän handling"
    assert "Samrådsyttrande över detaljplanen" in page.locator("main").inner_text()

    # An electronic copy, but no e-mail address yet.
    tab_to(page, "el => el.name === 'access'")
    while page.evaluate("() => document.activeElement.value") != "electronic":
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.locator("#id_access_2").is_checked()
    tab_to(page, "el => el.id === 'id_name'")
    page.keyboard.type("Zelda Zylofon")
    tab_to(page, "el => el.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.title().startswith("Fel:")
    assert page.evaluate("() => document.activeElement.classList.contains('error-summary')")
    assert page.locator(".error-summary").get_attribute("role") == "alert"
    assert page.locator("#id_name").input_value() == "Zelda Zylofon"
    assert page.locator("#id_access_2").is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#id_email"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "id_email"

    page.keyboard.type("zelda@example.org")
    tab_to(page, "el => el.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith("/diarium/begar-ut/kvitto/")
    assert page.locator("h1").inner_text() == "Din begäran är skickad"
    reference = page.locator(".diary-receipt__reference").inner_text()
    assert REFERENCE.fullmatch(reference)
    stored = DocumentRequest.objects.get(reference=reference)
    assert stored.document_id == document.pk
    assert stored.email == "zelda@example.org"
    assert stored.access == "electronic"


@pytest.fixture(scope="module")
def visits(browser, live_url, request_case, django_db_blocker):
    """The form with errors, the receipt and the postlista, once each: the HTML and axe-core's
    violations; then the HTML checker over all of them in one run."""
    secret = request_case[1]
    results = {}
    context = browser.new_context(base_url=live_url, locale="sv-SE")
    with django_db_blocker.unblock():
        page = context.new_page()

        def record(name, response):
            results[name] = {
                "url": page.url,
                "status": response.status,
                "html": response.text(),
                "violations": axe_violations(page),
            }

        page.goto("/diarium/begar-ut/")
        page.select_option("#id_municipality", "amal")
        page.check("#id_access_1")  # a paper copy without a postal address
        with page.expect_navigation() as navigation:
            page.locator('.diary-request-form [type="submit"]').click()
        record("form with errors", navigation.value)

        record("form from a secret document", page.goto(f"/diarium/begar-ut/?handling={secret.pk}"))
        page.check("#id_access_0")
        with page.expect_navigation() as navigation:
            page.locator('.diary-request-form [type="submit"]').click()
        record("receipt", navigation.value)

        record("postlista", page.goto("/diarium/postlista/?kommun=amal"))
    context.close()
    for name, errors in vnu_errors_for_documents(
        {name: visit["html"] for name, visit in results.items()}
    ).items():
        results[name]["html_errors"] = errors
    return results


PAGES = ["form with errors", "form from a secret document", "receipt", "postlista"]


@pytest.mark.parametrize("name", PAGES)
def test_the_request_page_has_no_axe_violations(visits, name):
    visit = visits[name]

    assert visit["status"] == 200
    assert not visit["violations"], f"{visit['url']}\n{format_violations(visit['violations'])}"


@pytest.mark.parametrize("name", PAGES)
def test_the_request_page_is_valid_html(visits, name):
    visit = visits[name]

    assert not visit["html_errors"], f"{visit['url']}\n{format_html_errors(visit['html_errors'])}"


def test_the_receipt_and_postlista_never_show_a_secret_title(visits):
    assert "Sekretessmarkerad handling (OSL 26 kap. 1 §)" in visits["receipt"]["html"]
    assert "Sekretessmarkerad handling (OSL 26 kap. 1 §)" in visits["postlista"]["html"]
    for visit in visits.values():
        assert SECRET_TITLE not in visit["html"]
