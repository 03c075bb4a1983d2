"""Every page type, in Chromium: it answers, says its language, has one h1, has no axe-core
violations for WCAG 2.1 A and AA, and no errors from the W3C HTML checker.

One module-scoped pass visits a live page of every type (found through the ORM in the seeded
database) and records what the browser got; vnu.jar then checks all the HTML in one run; the
tests below assert on that record, one check per page type each.
"""

from dataclasses import dataclass, field

import pytest

from .checks import (
    axe_violations,
    format_html_errors,
    format_violations,
    log_in,
    vnu_errors_for_documents,
)

pytestmark = pytest.mark.e2e

# name: (how to find the page, language, expected status)
CASES = {
    "CitizenHomePage": ("CitizenHomePage", "sv", 200),
    "MunicipalityPage": ("MunicipalityPage", "sv", 200),
    "DepartmentPage": ("DepartmentPage", "sv", 200),
    "ServicePage": ("ServicePage", "sv", 200),
    "TopicPage": ("TopicPage", "sv", 200),
    "NewsIndexPage": ("NewsIndexPage", "sv", 200),
    "NewsPage": ("NewsPage", "sv", 200),
    "ContactPage": ("ContactPage", "sv", 200),
    "AccessibilityStatementPage": ("AccessibilityStatementPage", "sv", 200),
    "InformationPage": ("InformationPage", "sv", 200),
    "FormPage": ("FormPage", "sv", 200),
    "FormPage landing": ("form landing", "sv", 200),
    "CitizenHomePage en": ("CitizenHomePage", "en", 200),
    "MunicipalityPage en": ("MunicipalityPage", "en", 200),
    "ServicePage en": ("ServicePage", "en", 200),
    "search": ("/sok/?q=förskola", "sv", 200),
    "login": ("/accounts/login/", "sv", 200),
    "EmployeeHomePage": ("EmployeeHomePage", "sv", 200),
    "EmployeeInformationPage": ("EmployeeInformationPage", "sv", 200),
    "404": ("/finns-inte/", "sv", 404),
}
EMPLOYEE_CASES = {"EmployeeHomePage", "EmployeeInformationPage"}


@dataclass
class Visit:
    url: str
    status: int = 0
    lang: str | None = None
    h1_count: int = 0
    violations: list = field(default_factory=list)
    html: str = ""
    html_errors: list = field(default_factory=list)
    error: Exception | None = None
    new_submissions: int = 0
    failed_requests: list = field(default_factory=list)


def page_model(name):
    from django.apps import apps

    for app_label in ("citizen_portal", "employee_portal"):
        try:
            return apps.get_model(app_label, name)
        except LookupError:
            continue
    raise LookupError(name)


def find_url(target: str, language: str) -> str:
    """A live page of the type `target` in `language`, by the ORM; or `target` if a path."""
    if target.startswith("/"):
        return target
    model = page_model(target)
    page = (
        model.objects.live()
        .filter(locale__language_code=language)
        .order_by("depth", "path")
        .first()
    )
    if page is None:
        raise LookupError(f"the demo has no live {target} in {language}")
    return page.url


def form_page_to_submit():
    from citizen_portal.models import FormPage

    page = (
        FormPage.objects.live().filter(locale__language_code="sv").order_by("depth", "path").first()
    )
    if page is None:
        raise LookupError("the demo has no live FormPage")
    return page


def fill_form(browser_page, form_page, answers: dict):
    """Fill a Wagtail form page's fields in the browser as a person would."""
    for form_field in form_page.get_form_fields():
        name = form_field.clean_name
        value = answers.get(name)
        locator = browser_page.locator(f'[name="{name}"]')
        kind = form_field.field_type
        if kind == "hidden" or value is None:
            continue
        if kind == "checkbox":
            locator.check()
        elif (
            kind in {"checkboxes", "multiselect"}
            and locator.first.evaluate("e => e.tagName") == "INPUT"
        ):
            browser_page.locator(f'[name="{name}"][value="{value[0]}"]').check()
        elif kind in {"dropdown", "multiselect"}:
            locator.select_option(value)
        elif kind == "radio":
            browser_page.locator(f'[name="{name}"][value="{value}"]').check()
        else:
            input_type = locator.get_attribute("type") or ""
            if input_type == "datetime-local":
                value = value.replace(" ", "T")
            locator.fill(value)


def record(browser_page, response, url, failed_requests) -> Visit:
    visit = Visit(url=url, status=response.status if response else 0)
    visit.failed_requests = [f for f in failed_requests if f[1] != response.url]
    visit.html = response.text() if response else ""
    visit.lang = browser_page.locator("html").get_attribute("lang")
    visit.h1_count = browser_page.locator("h1").count()
    visit.violations = axe_violations(browser_page)
    return visit


@pytest.fixture(scope="module")
def visits(browser, live_url, employee_credentials, django_db_blocker) -> dict[str, Visit]:
    from wagtail.contrib.forms.models import FormSubmission

    from citizen_portal.tests.factories import valid_form_data

    anonymous = browser.new_context(base_url=live_url, locale="sv-SE")
    employee = browser.new_context(base_url=live_url, locale="sv-SE")
    results = {}
    with django_db_blocker.unblock():
        employee_page = employee.new_page()
        log_in(employee_page, *employee_credentials)
        anonymous_page = anonymous.new_page()
        failed_requests = []
        for browser_page in (anonymous_page, employee_page):
            browser_page.on(
                "response",
                lambda r: r.status >= 400 and failed_requests.append((r.status, r.url)),
            )
            browser_page.on("requestfailed", lambda r: failed_requests.append(("failed", r.url)))
        for name, (target, language, _status) in CASES.items():
            browser_page = employee_page if name in EMPLOYEE_CASES else anonymous_page
            failed_requests.clear()
            try:
                if target == "form landing":
                    form_page = form_page_to_submit()
                    submissions = FormSubmission.objects.filter(page=form_page)
                    before = list(submissions.values_list("pk", flat=True))
                    browser_page.goto(form_page.url)
                    fill_form(browser_page, form_page, valid_form_data(form_page))
                    with browser_page.expect_navigation() as navigation:
                        browser_page.locator(
                            'main form[method="post"] [type="submit"]'
                        ).last.click()
                    results[name] = record(
                        browser_page, navigation.value, form_page.url, failed_requests
                    )
                    new = submissions.exclude(pk__in=before)
                    results[name].new_submissions = new.count()
                    new.delete()
                else:
                    url = find_url(target, language)
                    response = browser_page.goto(url)
                    results[name] = record(browser_page, response, url, failed_requests)
            except Exception as exc:  # reported by each test of this page type
                results[name] = Visit(url=target, error=exc)
    anonymous.close()
    employee.close()

    documents = {name: visit.html for name, visit in results.items() if visit.html}
    for name, errors in vnu_errors_for_documents(documents).items():
        results[name].html_errors = errors
    return results


def visited(visits, name) -> Visit:
    visit = visits[name]
    if visit.error is not None:
        raise visit.error
    return visit


@pytest.mark.parametrize("name", CASES)
def test_page_answers_in_its_language_with_one_h1(visits, name):
    _target, language, status = CASES[name]
    visit = visited(visits, name)

    assert visit.status == status, visit.url
    assert visit.lang == language, visit.url
    assert visit.h1_count == 1, f"{visit.url} has {visit.h1_count} h1 elements"


@pytest.mark.parametrize("name", CASES)
def test_page_loads_all_its_styles_scripts_and_images(visits, name):
    visit = visited(visits, name)

    assert not visit.failed_requests, f"{visit.url}: {visit.failed_requests}"


@pytest.mark.parametrize("name", CASES)
def test_page_has_no_axe_violations(visits, name):
    visit = visited(visits, name)

    assert not visit.violations, f"{visit.url}\n{format_violations(visit.violations)}"


@pytest.mark.parametrize("name", CASES)
def test_page_is_valid_html(visits, name):
    visit = visited(visits, name)

    assert visit.html, f"{visit.url}: no HTML"
    assert not visit.html_errors, f"{visit.url}\n{format_html_errors(visit.html_errors)}"


def test_submitting_the_form_in_the_browser_stores_it_and_thanks(visits):
    visit = visited(visits, "FormPage landing")

    assert visit.new_submissions == 1
    assert 'class="error-summary' not in visit.html
