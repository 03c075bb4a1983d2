"""The application for a disabled parking permit in Chromium, by keyboard alone: a first try
with a mistake (the error summary takes the focus and leads to the field), then the corrected
form with the medical certificate attached, ending on the receipt with a reference number.
The page with errors and the receipt have no axe-core violations.

A file is chosen with Playwright's `set_input_files` on the focused file input: what Space or
Enter on it does, opening the system's file dialog, is outside the page. The submissions the
test makes are deleted afterwards (browser tests commit what they create)."""

import re

import pytest

from .checks import axe_violations, format_violations

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
MAX_TABS = 80


@pytest.fixture
def parking_form(live_url):
    from citizen_portal.models import FormPage

    page = FormPage.objects.get(locale__language_code="sv", slug="ansok-om-parkeringstillstand")
    before = set(page.get_submissions().values_list("pk", flat=True))
    yield page
    from wagtail.contrib.forms.models import FormSubmission

    FormSubmission.objects.filter(page=page).exclude(pk__in=before).delete()


def active(page) -> dict:
    return page.evaluate(
        "() => ({id: document.activeElement.id, name: document.activeElement.name || '',"
        " type: document.activeElement.type || '',"
        " summary: document.activeElement.hasAttribute('data-error-summary')})"
    )


def tab_to(page, name: str, value: str | None = None):
    """Press Tab until the field `name` (the radio button with `value`) has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.name || '', document.activeElement.value || '']"
        )
        if focused[0] == name and (value is None or focused[1] == value):
            return
    raise AssertionError(f"Tab never reached the field {name!r}")


def test_applying_for_a_parking_permit_by_keyboard_with_a_mistake_first(
    page, parking_form, tmp_path
):
    certificate = tmp_path / "lakarintyg.pdf"
    certificate.write_bytes(PDF)
    fields = {f.label: f for f in parking_form.get_form_fields()}
    name = fields["Sökandens namn"].clean_name
    upload = fields["Läkarintyg"].clean_name
    page.goto(parking_form.url)

    # First try: everything but the applicant's name.
    for label, text in [
        ("Personnummer", "19400101-0016"),
        ("Adress", "Allhemsvägen 12\n458 31 Färgelanda"),
        ("Telefon", "0528-123 45"),
    ]:
        tab_to(page, fields[label].clean_name)
        page.keyboard.type(text)
    tab_to(page, fields["Söker du som förare eller passagerare?"].clean_name, "Förare")
    page.keyboard.press("Space")
    tab_to(page, upload)
    page.locator(":focus").set_input_files(str(certificate))
    tab_to(page, fields["Jag intygar att uppgifterna är riktiga"].clean_name)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    while page.evaluate("() => document.activeElement.type") != "submit":
        page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert active(page)["summary"], "the error summary did not take the focus"
    assert "Välj filen igen" in summary.inner_text()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    assert page.locator(f'[name="{fields["Telefon"].clean_name}"]').input_value() == "0528-123 45"

    # The summary's first link leads to the missing name.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert active(page)["name"] == name
    page.keyboard.type("Gunnel Andersson")
    tab_to(page, upload)
    page.locator(":focus").set_input_files(str(certificate))
    while page.evaluate("() => document.activeElement.type") != "submit":
        page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    confirmation = page.locator(".confirmation")
    assert confirmation.is_visible()
    reference = re.search(r"F-\d{4}-\d{5}", confirmation.inner_text())
    assert reference, confirmation.inner_text()
    submission = parking_form.get_submissions().get(reference=reference.group())
    assert submission.form_data[name] == "Gunnel Andersson"
    assert submission.attachments.get().original_name == "lakarintyg.pdf"
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
