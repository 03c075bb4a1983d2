"""The e-services in Chromium, by keyboard alone wherever a person acts, through the demo
identity provider:

1. Emma Karlsson applies for a preschool place in Färgelanda and gets a receipt with the case's
   reference; Lena Olsson, preschool administrator in Färgelanda, sets up her authenticator app
   on her first visit to /handlaggning/, finds the case by its reference, takes it and asks for
   a completion; Emma sends the completion with a PDF from Mina sidor; Lena sees the case as
   "Kompletterad" and grants it; Emma reads the decision and downloads it. Erik Magnusson, who
   handles building permits in Mellerud, gets 404 for the same case.
2. Bengt Andersson applies for a building permit in Mellerud with a drawing; Erik finds the
   case in his queue, downloads the drawing and grants the permit; Bengt reads the decision.

Every page on the way has no axe-core violations (WCAG 2.1 AA) and no HTML errors (vnu.jar,
run once per journey over all its pages).

Fields are reached with Tab, options chosen with Space and the arrow keys, forms sent with
Enter. A file is chosen with Playwright's `set_input_files` on the focused file input: what
Space or Enter on it does, opening the system's file dialog, is outside the page. Typing an
address (`page.goto`) and reloading stand for the browser's own address bar and F5.

The cases the journeys make are deleted afterwards, before the identity provider's accounts
(a case protects its applicant from deletion)."""

import datetime
import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .checks import (
    axe_violations,
    format_html_errors,
    format_violations,
    vnu_errors_for_documents,
)

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# The identity provider's picker lists every test person, each with two controls.
MAX_TABS = 200
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


# --- Checks ---------------------------------------------------------------------------------


class Pages:
    """Checks each page of a journey as it is reached: axe-core at once (the page is live), the
    HTML kept and checked by vnu.jar in one run at the end (it takes a JVM start each run)."""

    def __init__(self, checking=True):
        self.checking = checking
        self.documents = {}

    def check(self, page, name):
        if not self.checking:
            return
        html = page.content()  # before axe adds its script to the page
        violations = axe_violations(page)
        assert not violations, f"{name}:\n{format_violations(violations)}"
        self.documents[f"{len(self.documents):02d} {name} ({urlsplit(page.url).path})"] = html

    def assert_valid_html(self):
        report = vnu_errors_for_documents(self.documents)
        failures = [
            f"{name}:\n{format_html_errors(errors)}" for name, errors in report.items() if errors
        ]
        assert not failures, "\n".join(failures)


# --- Fixtures -------------------------------------------------------------------------------


@pytest.fixture
def eservice_cases(identity_providers, django_db_blocker):
    """Deletes, afterwards, the cases of the residents who signed in (with their files and
    access log), before `identity_providers` deletes the residents' accounts."""
    yield
    from allauth.socialaccount.models import SocialAccount

    from eservices.models import Case, CaseAttachment, CaseLog

    with django_db_blocker.unblock():
        cases = Case.objects.filter(applicant__in=SocialAccount.objects.values("user_id"))
        for attachment in CaseAttachment.objects.filter(case__in=cases):
            attachment.file.delete(save=False)
        CaseLog.objects.filter(case__in=cases).delete()
        cases.delete()


# --- The keyboard ---------------------------------------------------------------------------


def tab_to(page, target, limit=MAX_TABS):
    """Press Tab until `target` has the focus."""
    element = target.element_handle()
    for _ in range(limit):
        if element.evaluate("e => e === document.activeElement"):
            return
        page.keyboard.press("Tab")
    if not element.evaluate("e => e === document.activeElement"):
        raise AssertionError(f"Tab never reached {target}")


def activate(page, target):
    """Tab to a link or button and press Enter; wait for the page it leads to."""
    tab_to(page, target)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page, target, text):
    tab_to(page, target)
    page.keyboard.type(text)


def date_digits(context, date) -> str:
    """The digits a keyboard user types for `date` into a date field of this browser.

    Chromium orders the parts of a date field by its own locale, not the page's: the headless
    one takes month, day, year even with `--lang=sv-SE`. A throwaway page finds the order."""
    probe = context.new_page()
    try:
        probe.set_content('<input type="date" aria-label="Datum">')
        probe.keyboard.press("Tab")
        probe.keyboard.type("01022003")
        value = probe.locator("input").input_value()
    finally:
        probe.close()
    order = {"2003-01-02": "%m%d%Y", "2003-02-01": "%d%m%Y"}.get(value, "%Y%m%d")
    return date.strftime(order)


def choose_option(page, select, text):
    """On a focused drop-down list, ArrowDown until the chosen option's text contains `text`
    (Chromium on Linux changes a closed list's choice with the arrow keys)."""
    for _ in range(30):
        if text in select.evaluate("s => s.options[s.selectedIndex].text"):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option {text!r} in {select}")


def tick(page, target):
    """Tab to a checkbox or radio button and press Space."""
    tab_to(page, target)
    page.keyboard.press("Space")
    expect(target).to_be_checked()


# --- Signing in -----------------------------------------------------------------------------


def pick(page, idp_url, name):
    """At the demo provider's picker, sign in as `name`; wait to be back at the portal."""
    page.wait_for_url(f"{idp_url}/valj-testperson/**")
    tab_to(page, page.get_by_role("button", name=f"Logga in som {name}"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: not url.startswith(idp_url))


def resident_signs_in(page, pages, idp_url, name):
    """From the e-ID login page an e-service sent the resident to."""
    assert urlsplit(page.url).path == "/mina-sidor/logga-in/"
    pages.check(page, f"{name}: e-ID login")
    tab_to(page, page.get_by_role("button", name="Logga in med e-legitimation"))
    page.keyboard.press("Enter")
    pick(page, idp_url, name)


def current_code(secret):
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def handler_signs_in(page, pages, idp_url, name):
    """Single sign-on, then on the first visit to /handlaggning/ the authenticator app: the
    handler adds it with the secret the page shows and a code from it. Ends on /handlaggning/.
    The pages are checked unless `pages` is None (seen already)."""
    pages = pages or Pages(checking=False)
    page.goto("/handlaggning/")
    assert urlsplit(page.url).path == "/accounts/login/"
    pages.check(page, f"{name}: employee login")
    tab_to(page, page.get_by_role("button", name="Logga in med kommunens konto"))
    page.keyboard.press("Enter")
    pick(page, idp_url, name)

    assert urlsplit(page.url).path == "/accounts/2fa/totp/activate/"
    pages.check(page, f"{name}: authenticator app")
    secret = page.locator("#authenticator_secret").input_value()
    assert secret
    type_into(page, page.locator('input[name="code"]'), current_code(secret))
    with page.expect_navigation():
        page.keyboard.press("Enter")  # sends the form from its only text field
    assert "/totp/activate/" not in urlsplit(page.url).path, "the code was not accepted"
    # allauth goes on to the recovery codes (today it first asks for a code by e-mail, as the
    # last sign-in on record is now the app's, not the identity provider's).
    pages.check(page, f"{name}: after adding the app")

    page.goto("/handlaggning/")
    assert urlsplit(page.url).path == "/handlaggning/"
    pages.check(page, f"{name}: handling")


def status_of_handler_case(page):
    return page.get_by_role("region", name="Översikt").locator("dd strong").first


def open_from_queue(page, pages, who, kind, reference):
    """In the queue of `kind`, search for the reference and open the case."""
    page.goto(f"/handlaggning/{kind}/")
    expect(page.get_by_role("link", name=reference, exact=True)).to_be_visible()
    pages.check(page, f"{who}: queue")
    type_into(page, page.get_by_label("Ärendenummer"), reference)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".result-count")).to_have_text("1 ärende")
    pages.check(page, f"{who}: queue, searched")
    activate(page, page.get_by_role("link", name=reference, exact=True))
    expect(page.locator("h1")).to_have_text(f"Ärende {reference}")


def decide(page, pages, who, text):
    """Grant the application (Bifall) with `text`, on the handler's case page."""
    tab_to(page, page.locator('input[name="beslut-outcome"][value="bifall"]'))
    page.keyboard.press("Space")
    type_into(page, page.get_by_label("Beslutstext"), text)
    activate(page, page.get_by_role("button", name="Registrera beslutet"))
    expect(page.locator("main")).to_contain_text(
        "Beslutet är registrerat och den sökande har fått besked."
    )
    expect(status_of_handler_case(page)).to_have_text("Beslutad")
    pages.check(page, f"{who}: case, decided")


# --- 1. Preschool ---------------------------------------------------------------------------


def test_a_preschool_place_applied_for_completed_and_granted(
    new_context, identity_providers, eservice_cases, tmp_path
):
    from eservices.models import Case

    idp = identity_providers
    pages = Pages()
    start = datetime.date.today() + datetime.timedelta(days=150)  # more than four months
    certificate = tmp_path / "arbetsgivarintyg.pdf"
    certificate.write_bytes(PDF)

    # Emma applies.
    emma_context = new_context()
    emma = emma_context.new_page()
    emma.goto("/e-tjanster/forskola/ansok/?kommun=fargelanda")
    resident_signs_in(emma, pages, idp, "Emma Karlsson")
    assert urlsplit(emma.url).path == "/e-tjanster/forskola/ansok/"
    expect(emma.locator(".page-intro")).to_contain_text("Ansökan går till Färgelanda")
    pages.check(emma, "Emma: application form")

    type_into(emma, emma.get_by_label("Barnets för- och efternamn"), "Alva Karlsson")
    type_into(emma, emma.get_by_label("Barnets personnummer"), "20240512-9806")
    tick(emma, emma.locator('input[name="care_type"][value="forskola"]'))
    start_field = emma.get_by_label("Önskat startdatum")
    type_into(emma, start_field, date_digits(emma_context, start))
    expect(start_field).to_have_value(start.isoformat())
    first_choice = emma.get_by_label("Förstahandsval")
    tab_to(emma, first_choice)
    choose_option(emma, first_choice, "Förskolan Ödeborg")
    tick(emma, emma.locator('input[name="occupation"][value="arbetar"]'))
    type_into(emma, emma.get_by_label("Arbetsgivare eller skola"), "Färgelanda kommun")
    type_into(emma, emma.locator('input[name="email"]'), "emma@example.org")
    # The second guardian is left empty: Emma applies alone, no confirmation to wait for.
    type_into(emma, emma.get_by_label("Hushållets inkomst före skatt"), "32000")
    tick(emma, emma.locator('input[name="declaration"]'))
    activate(emma, emma.get_by_role("button", name="Skicka in ansökan"))

    assert re.fullmatch(rf"/mina-sidor/arenden/{UUID}/kvitto/", urlsplit(emma.url).path)
    expect(emma.locator("h1")).to_have_text("Ansökan är inskickad")
    reference = emma.locator(".receipt__reference").inner_text()
    assert re.fullmatch(r"FSK-\d{4}-\d{4}-\d{5}", reference), reference
    pages.check(emma, "Emma: receipt")
    case = Case.objects.get(reference=reference)
    case_path = f"/mina-sidor/arenden/{case.public_id}/"
    assert case.status == Case.Status.SUBMITTED
    assert case.municipality.slug == "fargelanda"
    assert case.data["child_number"] == "202405129806"
    assert case.data["start_date"] == start.isoformat()
    assert case.data["household_income"] == 32000
    assert not case.co_applicant_number

    # Lena takes the case and asks for a completion.
    lena = new_context().new_page()
    handler_signs_in(lena, pages, idp, "Lena Olsson")
    open_from_queue(lena, pages, "Lena", "forskola", reference)
    expect(status_of_handler_case(lena)).to_have_text("Inskickad")
    expect(lena.get_by_role("region", name="Ansökan", exact=True)).to_contain_text(
        "Förskolan Ödeborg"
    )
    pages.check(lena, "Lena: case")
    activate(lena, lena.get_by_role("button", name="Tilldela mig"))
    expect(lena.locator("main")).to_contain_text("Ärendet är nu ditt.")
    expect(status_of_handler_case(lena)).to_have_text("Handläggs")
    pages.check(lena, "Lena: case, assigned")
    request = "Skicka ett intyg från din arbetsgivare om din anställning."
    type_into(lena, lena.get_by_label("Vad saknas i ansökan?"), request)
    activate(lena, lena.get_by_role("button", name="Begär komplettering"))
    expect(status_of_handler_case(lena)).to_have_text("Väntar på komplettering")
    pages.check(lena, "Lena: case, completion requested")

    # Emma reads the request on Mina sidor and sends the completion.
    emma.goto("/mina-sidor/")
    case_link = emma.locator(f'a[href="{case_path}"]')
    expect(emma.locator(".case-list")).to_contain_text("Väntar på komplettering")
    pages.check(emma, "Emma: Mina sidor")
    activate(emma, case_link)
    expect(emma.locator("main")).to_contain_text("Handläggaren behöver fler uppgifter från dig.")
    expect(emma.get_by_role("region", name="Meddelanden")).to_contain_text(request)
    pages.check(emma, "Emma: case, completion requested")
    type_into(
        emma, emma.get_by_label("Vad du kompletterar med"), "Här är intyget från arbetsgivaren."
    )
    tab_to(emma, emma.get_by_label("Bifoga filer (frivilligt)"))
    emma.locator(":focus").set_input_files(str(certificate))  # the file dialog is not the page's
    activate(emma, emma.get_by_role("button", name="Skicka kompletteringen"))
    expect(emma.locator("main")).to_contain_text("Kompletteringen är inskickad.")
    expect(emma.locator(".case-status__current")).to_have_text("Kompletterad")
    pages.check(emma, "Emma: case, completed")

    # Lena sees the completion and grants the place.
    lena.reload()
    expect(status_of_handler_case(lena)).to_have_text("Kompletterad")
    messages = lena.get_by_role("region", name="Meddelanden")
    expect(messages).to_contain_text("Här är intyget från arbetsgivaren.")
    expect(messages.get_by_role("link", name="arbetsgivarintyg.pdf")).to_be_visible()
    pages.check(lena, "Lena: case, completed")
    decision = "Alva erbjuds plats på Förskolan Ödeborg från önskat startdatum."
    decide(lena, pages, "Lena", decision)

    # Emma reads the decision and downloads it.
    emma.reload()
    decision_box = emma.locator(".decision")
    expect(decision_box.get_by_role("heading")).to_have_text("Beslut: Bifall")
    expect(decision_box).to_contain_text(decision)
    pages.check(emma, "Emma: case, decided")
    download_link = decision_box.get_by_role("link", name=re.compile("^Hämta beslutet"))
    tab_to(emma, download_link)
    with emma.expect_download() as download:
        emma.keyboard.press("Enter")
    assert download.value.suggested_filename == f"beslut-{reference}.pdf"

    # Erik handles building permits in Mellerud: the case does not exist for him.
    erik = new_context().new_page()
    handler_signs_in(erik, None, idp, "Erik Magnusson")  # his pages: journey 2
    response = erik.goto(f"/handlaggning/arenden/{case.public_id}/")
    assert response.status == 404
    response = erik.goto("/handlaggning/forskola/")
    assert response.status == 404

    pages.assert_valid_html()


# --- 2. Building permit ---------------------------------------------------------------------


def test_a_building_permit_applied_for_with_a_drawing_and_granted(
    new_context, identity_providers, eservice_cases, tmp_path
):
    from eservices.models import Case

    idp = identity_providers
    pages = Pages()
    drawing = tmp_path / "fasadritning.pdf"
    drawing.write_bytes(PDF)

    # Bengt applies.
    bengt = new_context().new_page()
    bengt.goto("/e-tjanster/bygglov/ansok/?kommun=mellerud")
    resident_signs_in(bengt, pages, idp, "Bengt Andersson")
    assert urlsplit(bengt.url).path == "/e-tjanster/bygglov/ansok/"
    pages.check(bengt, "Bengt: application form")

    type_into(bengt, bengt.get_by_label("Fastighetsbeteckning"), "mellerud sunnanå 1:38")
    type_into(bengt, bengt.get_by_label("Fastighetens adress"), "Sunnanåvägen 12")
    tick(bengt, bengt.get_by_label("Jag äger fastigheten"))
    tab_to(bengt, bengt.locator('input[name="measure"][value="nybyggnad"]'))
    bengt.keyboard.press("ArrowDown")  # moves to the next choice and checks it
    expect(bengt.locator('input[name="measure"][value="tillbyggnad"]')).to_be_checked()
    type_into(
        bengt,
        bengt.get_by_label("Beskriv vad du vill göra"),
        "Tillbyggnad av fritidshuset med ett sovrum mot norr.",
    )
    type_into(bengt, bengt.get_by_label("Byggnadsarea (BYA), kvadratmeter"), "18")
    type_into(bengt, bengt.get_by_label("Kontrollansvarig, namn"), "Karin Ek")
    type_into(bengt, bengt.get_by_label("Kontrollansvarig, certifieringsnummer"), "SC1234-56")
    tab_to(bengt, bengt.get_by_label("Ritningar och andra handlingar"))
    bengt.locator(":focus").set_input_files(str(drawing))  # the file dialog is not the page's
    type_into(bengt, bengt.locator('input[name="email"]'), "bengt@example.org")
    tick(bengt, bengt.locator('input[name="declaration"]'))
    activate(bengt, bengt.get_by_role("button", name="Skicka in ansökan"))

    expect(bengt.locator("h1")).to_have_text("Ansökan är inskickad")
    reference = bengt.locator(".receipt__reference").inner_text()
    assert re.fullmatch(r"BYG-\d{4}-\d{4}-\d{5}", reference), reference
    pages.check(bengt, "Bengt: receipt")
    case = Case.objects.get(reference=reference)
    assert case.municipality.slug == "mellerud"
    assert case.data["property_designation"] == "Mellerud Sunnanå 1:38"
    activate(bengt, bengt.get_by_role("link", name="Följ ärendet"))
    assert urlsplit(bengt.url).path == f"/mina-sidor/arenden/{case.public_id}/"
    expect(bengt.get_by_role("region", name="Din ansökan")).to_contain_text("fasadritning.pdf")
    pages.check(bengt, "Bengt: case")

    # Erik finds the case, downloads the drawing and grants the permit.
    erik = new_context().new_page()
    handler_signs_in(erik, pages, idp, "Erik Magnusson")
    open_from_queue(erik, pages, "Erik", "bygglov", reference)
    expect(erik.get_by_role("region", name="Ansökan", exact=True)).to_contain_text(
        "Mellerud Sunnanå 1:38"
    )
    pages.check(erik, "Erik: case")
    tab_to(erik, erik.get_by_role("link", name="fasadritning.pdf"))
    with erik.expect_download() as download:
        erik.keyboard.press("Enter")
    assert download.value.suggested_filename == "fasadritning.pdf"
    assert download.value.path().read_bytes() == PDF
    decision = "Bygglov ges för tillbyggnaden enligt ansökan och ritningarna."
    decide(erik, pages, "Erik", decision)

    # Bengt reads the decision.
    bengt.reload()
    decision_box = bengt.locator(".decision")
    expect(decision_box.get_by_role("heading")).to_have_text("Beslut: Bifall")
    expect(decision_box).to_contain_text(decision)
    expect(decision_box.get_by_role("link", name=re.compile("^Hämta beslutet"))).to_be_visible()
    pages.check(bengt, "Bengt: case, decided")

    pages.assert_valid_html()
