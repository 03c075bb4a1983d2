"""The question "Var sidan till hjälp?" in Chromium, by keyboard alone: a resident writes
what was missing, answers Nej, and lands on the same page with the thank-you focused. The page
with the form and the page with the thanks have no axe-core violations. The answers the test
makes are deleted afterwards (browser tests commit what they create)."""

import pytest

from .checks import (
    axe_violations,
    format_html_errors,
    format_violations,
    vnu_errors_for_documents,
)

pytestmark = pytest.mark.e2e

MAX_TABS = 300


@pytest.fixture
def service_page(live_url):
    from citizen_portal.feedback.models import PageFeedback
    from citizen_portal.models import ServicePage

    page = (
        ServicePage.objects.live()
        .filter(municipality__slug="amal", locale__language_code="sv")
        .order_by("path")
        .first()
    )
    before = set(PageFeedback.objects.values_list("pk", flat=True))
    yield page
    PageFeedback.objects.exclude(pk__in=before).delete()


def tab_to(page, name: str, value: str | None = None):
    """Press Tab until the control `name` (with `value`) has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.name || '', document.activeElement.value || '']"
        )
        if focused[0] == name and (value is None or focused[1] == value):
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_a_resident_answers_no_with_a_comment_by_keyboard(page, service_page):
    from citizen_portal.feedback.models import PageFeedback

    page.goto(service_page.url)
    assert page.get_by_role("group", name="Var sidan till hjälp?").is_visible()
    # The HTML as served, before axe-core's script is added to it.
    documents = {"form": page.content()}
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    tab_to(page, "comment")
    page.keyboard.type("Jag hittade inte öppettiderna.")
    tab_to(page, "helpful", "nej")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "tack=1" in page.url
    thanks = page.locator("#sidfeedback")
    assert thanks.is_visible()
    assert "Tack för ditt svar!" in thanks.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "sidfeedback"
    assert page.locator('textarea[name="comment"]').count() == 0
    documents["thanks"] = page.content()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    answer = PageFeedback.objects.filter(page_id=service_page.pk).latest("created_at")
    assert answer.helpful is False
    assert answer.comment == "Jag hittade inte öppettiderna."

    # A comment over the limit: the error summary takes the focus, the text is kept.
    page.goto(service_page.url)
    tab_to(page, "comment")
    page.keyboard.insert_text("För lång. " * 110)
    tab_to(page, "helpful", "ja")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
    assert "högst 1000 tecken" in page.locator("[data-error-summary]").inner_text()
    assert page.locator('textarea[name="comment"]').input_value().startswith("För lång.")
    documents["error"] = page.content()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    for name, errors in vnu_errors_for_documents(documents).items():
        assert not errors, f"{name}:\n{format_html_errors(errors)}"
