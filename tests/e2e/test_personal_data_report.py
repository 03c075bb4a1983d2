"""The data-protection officer's report (/admin/personuppgifter/, portal/personal_data.py) in
Chromium: an officer with the report's permission and an authenticator app signs in, finds the
report in the Reports menu by keyboard, and reads a table with a caption and headers that axe
finds nothing wrong with. The user is made for the test and removed afterwards."""

import pytest

from .checks import format_violations
from .editors import PASSWORD, sign_in_to_admin

pytestmark = pytest.mark.e2e


@pytest.fixture
def officer(django_db_blocker):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user(
            "e2e-dataskyddsombud", "dataskyddsombud@example.org", PASSWORD, first_name="Dana"
        )
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
            Permission.objects.get(
                codename="view_personal_data_report", content_type__app_label="audit"
            ),
        )
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
    yield user, secret
    with django_db_blocker.unblock():
        user.delete()


def report_violations(page) -> list[dict]:
    """axe-core on the report's own content: the rest of the page is Wagtail's admin."""
    from .checks import AXE_JS, WCAG_TAGS

    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "tags => axe.run(document.querySelector('main'), {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [
                {"target": n["target"], "summary": n.get("failureSummary", "")} for n in v["nodes"]
            ],
        }
        for v in result["violations"]
    ]


def test_the_officer_reads_the_report_of_personal_data(page, officer):
    user, secret = officer
    sign_in_to_admin(page, user, secret)

    page.get_by_role("button", name="Rapporter").click()
    link = page.get_by_role("link", name="Personuppgifter i portalen")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith("/admin/personuppgifter/")
    table = page.get_by_role(
        "table", name="Personuppgifter per slag, med gallring, antal och äldsta datum"
    )
    assert table.is_visible()
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Slag av uppgifter", "Sparas", "Ställs in", "Antal", "Äldsta"]
    rows = table.locator("tbody tr").all_inner_texts()
    assert any(row.startswith("Ärenden i e-tjänsten") for row in rows), rows
    assert any(row.startswith("Granskningslogg") for row in rows), rows
    violations = report_violations(page)
    assert not violations, format_violations(violations)
