"""What a keyboard user and a person who makes a mistake in a form meet, in Chromium."""

import pytest

pytestmark = pytest.mark.e2e

TEXT_TYPES = {"singleline", "multiline", "email", "number", "url"}


def test_the_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main(page):
    page.goto("/")

    page.keyboard.press("Tab")

    focused = page.evaluate(
        "() => ({tag: document.activeElement.tagName,"
        " href: document.activeElement.getAttribute('href'),"
        " text: document.activeElement.textContent.trim()})"
    )
    assert focused["tag"] == "A"
    assert focused["href"].startswith("#"), focused
    assert focused["text"], "the skip link has no text"
    target = focused["href"][1:]

    page.keyboard.press("Enter")

    active = page.evaluate(
        "() => ({tag: document.activeElement.tagName, id: document.activeElement.id})"
    )
    assert active == {"tag": "MAIN", "id": target}


def test_the_skip_link_is_visible_when_focused(page):
    page.goto("/")
    page.keyboard.press("Tab")

    box = page.evaluate("() => document.activeElement.getBoundingClientRect().toJSON()")

    assert box["width"] > 1 and box["height"] > 1
    assert box["top"] >= 0 and box["left"] >= 0


def form_with_required_and_other_text_field():
    from citizen_portal.models import FormPage

    for form_page in FormPage.objects.live().filter(locale__language_code="sv").order_by("path"):
        fields = list(form_page.get_form_fields())
        required = [f for f in fields if f.required and f.field_type in TEXT_TYPES]
        for other in fields:
            if (
                required
                and other.pk != required[0].pk
                and other.field_type
                in {
                    "singleline",
                    "multiline",
                }
            ):
                return form_page, required[0], other
    pytest.fail("the demo has no form page with a required field and another text field")


def test_an_empty_required_field_gives_an_error_summary_and_keeps_the_typed_text(page):
    form_page, required, other = form_with_required_and_other_text_field()
    page.goto(form_page.url)
    page.fill(f'[name="{other.clean_name}"]', "Det här skrev jag själv")
    page.fill(f'[name="{required.clean_name}"]', "")

    submit = page.locator('main form[method="post"] [type="submit"]').last
    try:
        with page.expect_navigation(timeout=5000):
            submit.click()
    except Exception as exc:
        raise AssertionError(
            "submitting did not reach the server: the browser's own validation stopped it "
            "(the form needs `novalidate` for the portal's error summary to show)"
        ) from exc

    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.locator(f'a[href="#id_{required.clean_name}"]').count() == 1
    assert page.locator(f'[name="{other.clean_name}"]').input_value() == "Det här skrev jag själv"
    assert page.locator(f'[name="{required.clean_name}"]').get_attribute("aria-invalid") == "true"
