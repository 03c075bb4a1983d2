"""The accessibility checker editors see (Wagtail's userbar and the page editor's checks) runs
WCAG 2.1 A and AA, the rules the browser tests hold every page to (tests/e2e/checks.py)."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.admin.userbar import AccessibilityItem, AdminItem, apply_userbar_hooks

from portal.content_checks import EDITORIAL_RULES, WCAG_TAGS, PortalContentCheckerItem
from portal.tests.factories import UserFactory
from tests.e2e.checks import WCAG_TAGS as BROWSER_TEST_TAGS

pytestmark = pytest.mark.django_db

SERVICE = "/mellerud/barn-och-utbildning/forskola/"


def axe_configuration(response) -> dict:
    soup = BeautifulSoup(response.content, "html.parser")
    # The userbar sits in a <template> the script moves into a shadow root.
    script = soup.find("script", id="checker-axe-configuration")
    if script is None:
        for template in soup.find_all("template"):
            inner = BeautifulSoup(template.decode_contents(), "html.parser")
            script = inner.find("script", id="checker-axe-configuration")
            if script is not None:
                break
    assert script is not None, "no accessibility checker on the page"
    return json.loads(script.string)


def test_the_checker_runs_the_same_wcag_levels_as_the_browser_tests():
    assert WCAG_TAGS == BROWSER_TEST_TAGS


def test_an_editor_sees_the_checker_with_wcag_21_a_and_aa_on_a_page(client):
    client.force_login(UserFactory(is_superuser=True))

    configuration = axe_configuration(client.get(SERVICE))

    assert configuration["options"]["runOnly"] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    rules = configuration["options"]["rules"]
    assert {rule for rule, options in rules.items() if options["enabled"]} == set(EDITORIAL_RULES)
    assert configuration["messages"]["image-alt"]["error_name"] == "Bilden saknar alternativtext"
    # Wagtail's own editorial checks stay defined.
    assert {rule["id"] for rule in configuration["spec"]["rules"]} >= {
        "alt-text-quality",
        "empty-meta-description",
    }


def test_a_visitor_gets_no_checker(client):
    response = client.get(SERVICE)

    assert b"checker-axe-configuration" not in response.content


@pytest.mark.parametrize("in_editor", [False, True], ids=["userbar", "page editor"])
def test_the_hook_replaces_wagtails_checker_wherever_it_runs(rf, in_editor):
    items = [AdminItem(), AccessibilityItem(in_editor=in_editor)]

    apply_userbar_hooks(rf.get("/"), items, None)

    assert isinstance(items[0], AdminItem)
    assert type(items[1]) is PortalContentCheckerItem
    assert items[1].in_editor is in_editor
