"""In Chromium: a resident who does nothing is warned before the session ends, can continue,
and is later signed out, with what they had typed in an application saved as a draft (issue 17,
item 4; WCAG 2.2.1). The times are shortened for the test: 70 seconds without activity, the
warning 60 seconds before."""

import re

import pytest
from playwright.sync_api import expect

from .test_sign_in import assert_accessible, pick

pytestmark = pytest.mark.e2e


@pytest.fixture
def short_sessions(settings, identity_providers, django_db_blocker):
    """Shorter times; the drafts the test makes are removed before its accounts are."""
    settings.CITIZEN_SESSION_IDLE_TIMEOUT = 70
    settings.CITIZEN_SESSION_WARNING = 60
    yield
    from eservices.models import Case

    with django_db_blocker.unblock():
        Case.objects.filter(
            applicant__socialaccount__uid="emma-karlsson", status=Case.Status.DRAFT
        ).delete()


def test_an_idle_resident_is_warned_continues_and_is_later_signed_out_with_the_draft_kept(
    page, identity_providers, short_sessions, django_db_blocker
):
    from eservices.models import Case

    idp = identity_providers
    page.goto("/e-tjanster/forskola/ansok/?kommun=amal")
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    pick(page, idp, "Emma Karlsson")
    expect(page.locator("h1")).to_contain_text("Ansök")
    page.get_by_label(re.compile("^Barnets för- och efternamn")).fill("Alva Karlsson")

    dialog = page.get_by_role("dialog", name="Du loggas snart ut")
    expect(dialog).to_be_visible(timeout=30000)
    expect(dialog.get_by_role("button", name="Fortsätt vara inloggad")).to_be_focused()
    assert_accessible(page)
    dialog.get_by_role("button", name="Fortsätt vara inloggad").click()
    expect(dialog).to_be_hidden()
    # Still signed in, and the clock started again: the warning comes back later.
    page.get_by_label(re.compile("^Barnets för- och efternamn")).fill("Alva Ester Karlsson")

    page.wait_for_url("**/accounts/oidc/e-legitimation/logout/done/**", timeout=90000)
    expect(page.locator("h1")).to_have_text("Du är utloggad")
    expect(page.get_by_text("sparat som utkast")).to_be_visible()
    assert_accessible(page)
    with django_db_blocker.unblock():
        drafts = Case.objects.filter(
            applicant__socialaccount__uid="emma-karlsson", status=Case.Status.DRAFT
        )
        assert drafts.filter(data__child_name="Alva Ester Karlsson").exists()
    # Signed out here: Mina sidor asks for e-ID again.
    page.goto("/mina-sidor/")
    assert "/mina-sidor/logga-in/" in page.url
