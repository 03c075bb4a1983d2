"""In Chromium, the editor groups of Åmål: an editor cannot open a Mellerud page in the admin;
they change an Åmål page and submit it to *Granskning – Åmål*; the page residents see stays as
it was; an Åmål approver approves it from the admin and the change is live.

The users sign in with a password and an authenticator code (as in test_second_factor.py),
each in one group given here, as single sign-on would from their role claims. The page and the
users are made for the test and removed afterwards. axe is not run: the admin is Wagtail's."""

import pytest
from playwright.sync_api import expect

from .editors import sign_in_to_admin, sign_out

pytestmark = pytest.mark.e2e

TITLE = "Sommaröppet på biblioteket"
NEW_TITLE = "Sommaröppet på biblioteket 2026"


@pytest.fixture
def amal_page(django_db_blocker):
    """A published information page under Åmål's municipality page; removed afterwards, with
    the review it went through."""
    from wagtail.models import WorkflowState

    from citizen_portal.models import InformationPage, MunicipalityPage

    with django_db_blocker.unblock():
        amal = MunicipalityPage.objects.get(municipality__slug="amal", locale__language_code="sv")
        page = InformationPage(
            title=TITLE,
            slug="e2e-sommaroppet",
            body=[("paragraph", "<p>Biblioteket har öppet hela sommaren.</p>")],
        )
        amal.add_child(instance=page)
        page.save_revision().publish()
    yield page
    with django_db_blocker.unblock():
        WorkflowState.objects.for_instance(page).delete()
        InformationPage.objects.filter(pk=page.pk).delete()


def edit_url(page_id):
    return f"/admin/pages/{page_id}/edit/"


def test_an_amal_editors_change_goes_live_only_when_an_amal_approver_approves(
    page, amal_page, member, django_db_blocker
):
    from citizen_portal.models import MunicipalityPage

    with django_db_blocker.unblock():
        mellerud = MunicipalityPage.objects.get(
            municipality__slug="mellerud", locale__language_code="sv"
        )
        public_url = amal_page.get_url()
    editor, editor_secret = member("e2e-redaktor-amal", "Redaktörer – Åmål")
    approver, approver_secret = member("e2e-granskare-amal", "Granskare – Åmål")

    # The editor cannot open a Mellerud page: the admin sends them back to its start page.
    sign_in_to_admin(page, editor, editor_secret)
    page.goto(edit_url(mellerud.pk))
    assert page.url.endswith("/admin/"), page.url
    expect(page.locator(".messages")).to_contain_text("saknar rättigheter")
    expect(page.locator("#page-edit-form")).to_have_count(0)

    # … but edits the Åmål page and submits it for review; there is no Publish for them.
    page.goto(edit_url(amal_page.pk))
    page.locator("#id_title").fill(NEW_TITLE)
    expect(page.locator('button[name="action-publish"]')).to_have_count(0)
    page.get_by_role("button", name="Fler åtgärder").click()
    submit = page.locator('button[name="action-submit"]')
    expect(submit).to_contain_text("Lämna in till Granskning – Åmål")
    with page.expect_navigation():
        submit.click()
    expect(page.locator(".messages")).to_contain_text(NEW_TITLE)

    # Residents still see the page as it was.
    page.goto(public_url)
    expect(page.locator("h1")).to_have_text(TITLE)
    sign_out(page)

    # The approver finds it awaiting their review and approves it.
    sign_in_to_admin(page, approver, approver_secret)
    review = page.get_by_role("region", name="Inväntar din granskning")
    expect(review).to_contain_text(NEW_TITLE)
    page.goto(edit_url(amal_page.pk))
    page.get_by_role("button", name="Fler åtgärder").click()
    approve = page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    with page.expect_navigation():
        approve.click()

    page.goto(public_url)
    expect(page.locator("h1")).to_have_text(NEW_TITLE)
