"""The portal's Content-Security-Policy blocks inline scripts, and the browser tests notice
when it blocks anything (tests/conftest.py fails any browser test that caused a violation)."""

import pytest

pytestmark = pytest.mark.e2e


def test_an_inline_script_is_blocked_and_reported(page, settings, csp_violations):
    settings.ROOT_URLCONF = "tests.e2e.csp_urls"
    response = page.goto("/csp-test/inline-script/")

    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.locator("#status").text_content() == "Skriptet kördes inte"
    page.evaluate("0")  # deliver the report
    assert [(v["directive"], v["blocked"]) for v in csp_violations] == [
        ("script-src-elem", "inline")
    ]
    # Reported on purpose: the check after the test would fail it otherwise.
    csp_violations.clear()


def test_the_portals_own_scripts_run(page):
    """The start page's scripts come from the portal's static files, which the policy allows:
    the search field becomes a combobox (theme/js/search-suggestions.js)."""
    response = page.goto("/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert page.locator("input[data-suggest-url][role=combobox]").count() >= 1
