"""In Chromium, an Åmål news editor gives a news item a picture: the chooser offers Åmål's and
Dalsland's pictures but not Mellerud's; publishing without alternative text gives a clear error
at the field and publishes nothing; with it, the published page serves the picture as AVIF or
WebP with that text, has no axe-core violations and no layout shift (CLS 0, measured with a
PerformanceObserver while the page loads and is scrolled through its lazy pictures).

The news item and the editor are made for the test and removed afterwards."""

import pytest
from playwright.sync_api import expect

from .checks import axe_violations, format_violations
from .editors import sign_in_to_admin, sign_out

pytestmark = pytest.mark.e2e

TITLE = "Förskolan Solrosen får en ny gård"
ALT = "Barn gungar på den nya gården vid förskolan Solrosen."
AMAL_PICTURE = "Förskola med lekplats"  # drawn by the demo seeder, in Åmål's collection
MELLERUD_PICTURE = "Slussen i Dalslands kanal"  # in Mellerud's collection only

# The sum of every layout shift since navigation that no input caused (as Core Web Vitals
# counts CLS), after scrolling to the end so the lazy pictures load, then back.
CUMULATIVE_LAYOUT_SHIFT = """async () => {
  let total = 0;
  const observer = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  });
  observer.observe({type: 'layout-shift', buffered: true});
  const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
  for (let y = 0; y <= document.body.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await pause(150);
  }
  await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
  window.scrollTo(0, 0);
  await pause(300);
  observer.takeRecords().forEach(entry => { if (!entry.hadRecentInput) total += entry.value; });
  observer.disconnect();
  return total;
}"""


@pytest.fixture
def amal_news(django_db_blocker):
    """A published news item in Åmål's news, without a picture; removed afterwards."""
    from citizen_portal.models import NewsIndexPage, NewsPage

    with django_db_blocker.unblock():
        index = NewsIndexPage.objects.get(
            municipality__slug="amal", locale__language_code="sv", depth__gt=3
        )
        page = NewsPage(
            title=TITLE,
            slug="e2e-solrosen-ny-gard",
            date="2026-12-01",
            intro="Förskolan Solrosen i Åmål har fått en ny gård med gungor och sandlåda.",
            body=[
                ("paragraph", "<p>Gården byggdes om under hösten.</p>" * 12),
                ("paragraph", "<p>Föräldrar är välkomna att titta på gården.</p>"),
            ],
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    yield page
    with django_db_blocker.unblock():
        NewsPage.objects.filter(pk=page.pk).delete()


def listed(modal, title):
    """The chooser's link to the picture with this title (its name also has the alt text)."""
    heading = modal.page.get_by_role("heading", name=title, exact=True)  # within each item
    return modal.get_by_role("listitem").filter(has=heading).get_by_role("link")


def choose_picture(page, title):
    page.get_by_role("button", name="Välj en bild").click()
    modal = page.locator(".modal")
    modal.get_by_role("textbox").first.fill(title)
    expect(listed(modal, title)).to_be_visible()
    listed(modal, title).click()
    expect(modal).to_be_hidden()


def publish(page):
    page.get_by_role("button", name="Fler åtgärder").click()
    with page.expect_navigation():
        page.locator('button[name="action-publish"]').click()


def test_an_editor_publishes_a_picture_only_with_alt_text_and_it_arrives_without_shifting(
    page, amal_news, member, django_db_blocker
):
    from citizen_portal.models import NewsPage

    editor, secret = member("e2e-nyhetsredaktor-amal", "Nyhetsredaktörer – Åmål")
    sign_in_to_admin(page, editor, secret)
    page.goto(f"/admin/pages/{amal_news.pk}/edit/")

    # Mellerud's pictures are not Åmål's to choose: only Åmål's and Dalsland's collections.
    page.get_by_role("button", name="Välj en bild").click()
    modal = page.locator(".modal")
    expect(modal.get_by_role("combobox").locator("option").first).to_be_attached()
    collections = modal.get_by_role("combobox").locator("option").all_inner_texts()
    assert {"Åmål", "Dalsland"} <= set(collections) and "Mellerud" not in collections
    modal.get_by_role("textbox").first.fill("Slussen")
    expect(listed(modal, f"{MELLERUD_PICTURE} (2)")).to_be_visible()
    expect(listed(modal, MELLERUD_PICTURE)).to_have_count(0)
    page.keyboard.press("Escape")
    expect(modal).to_be_hidden()

    # A picture without alternative text: refused, with the reason at the field.
    choose_picture(page, AMAL_PICTURE)
    publish(page)
    expect(page.locator(".messages")).to_contain_text("kunde inte")
    error = page.locator("#panel-child-innehall-bild-section, [data-field-wrapper]").filter(
        has=page.locator("#id_picture_alt")
    )
    expect(error.first).to_contain_text("Skriv en alternativtext")
    with django_db_blocker.unblock():
        assert NewsPage.objects.get(pk=amal_news.pk).picture_id is None

    # With it: published.
    page.locator("#id_picture_alt").fill(ALT)
    publish(page)
    expect(page.locator(".messages")).to_contain_text(TITLE)
    with django_db_blocker.unblock():
        published = NewsPage.objects.get(pk=amal_news.pk)
        assert published.picture_id and published.picture_alt == ALT
        url = published.url
    sign_out(page)

    # As a resident sees it.
    page.goto(url)
    lead = page.locator("figure.picture--lead img")
    expect(lead).to_have_attribute("alt", ALT)
    source = lead.evaluate("img => img.decode().then(() => img.currentSrc)")
    assert source.endswith((".avif", ".webp")), source
    assert lead.get_attribute("width") and lead.get_attribute("height")
    shift = page.evaluate(CUMULATIVE_LAYOUT_SHIFT)
    assert shift == 0, f"CLS {shift}"
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
