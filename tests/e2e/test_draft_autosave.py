"""Drafts never lost, in Chromium: Emma signs in with e-ID through the demo provider, types half
a preschool application by keyboard, sees "Utkastet sparades kl. …" in the form's status line
(read out politely: role="status"), and closes the tab. In a new tab, Mina sidor lists the
draft, and it opens with what she typed. The form with its status line has no axe violations.

The draft is deleted afterwards (browser tests commit what they create), with Emma's account."""

import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .checks import axe_violations, format_violations
from .test_eservices import eservice_cases, resident_signs_in, tab_to, tick, type_into  # noqa: F401

pytestmark = pytest.mark.e2e


class NoChecks:
    def check(self, page, name):
        pass


def test_half_an_application_is_kept_when_the_tab_is_closed(
    new_context,
    identity_providers,
    eservice_cases,  # noqa: F811
):
    from eservices.models import Case

    context = new_context()
    page = context.new_page()
    page.goto("/e-tjanster/forskola/ansok/?kommun=amal")
    resident_signs_in(page, NoChecks(), identity_providers, "Emma Karlsson")
    assert urlsplit(page.url).path == "/e-tjanster/forskola/ansok/"
    status = page.locator("#autosave-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text("")

    type_into(page, page.get_by_label("Barnets för- och efternamn"), "Alva Karlsson")
    tick(page, page.locator('input[name="care_type"][value="forskola"]'))
    type_into(page, page.get_by_label("Arbetsgivare eller skola"), "Åmåls kommun")

    # Three seconds after the last key, the form has saved itself and says when.
    expect(status).to_have_text(re.compile(r"^Utkastet sparades kl\. \d\d\.\d\d\.$"), timeout=15000)
    draft = Case.objects.get(applicant__citizen_identity__given_name="Emma", status="utkast")
    # The address is now the draft's own, so a reload would show it.
    assert urlsplit(page.url).path == f"/mina-sidor/arenden/{draft.public_id}/andra/"
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    # One more word, and the tab is closed before the three seconds are up: leaving saves it.
    type_into(page, page.get_by_label("Arbetsgivare eller skola"), ", förskolan")
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 15
    while "förskolan" not in Case.objects.get(pk=draft.pk).data.get("employer", ""):
        assert time.monotonic() < deadline, "the closing tab did not save the last words"
        time.sleep(0.2)

    page = context.new_page()
    page.goto("/mina-sidor/")
    link = page.locator(f'a[href="/mina-sidor/arenden/{draft.public_id}/andra/"]')
    expect(link).to_be_visible()
    with page.expect_navigation():
        link.click()
    expect(page.get_by_label("Barnets för- och efternamn")).to_have_value("Alva Karlsson")
    expect(page.locator('input[name="care_type"][value="forskola"]')).to_be_checked()
    expect(page.get_by_label("Arbetsgivare eller skola")).to_have_value("Åmåls kommun, förskolan")
    assert Case.objects.filter(applicant=draft.applicant).count() == 1
