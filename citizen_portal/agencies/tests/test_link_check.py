"""The link check (`manage.py check_links`) against a local HTTP server, never the internet:
exactly the broken links are flagged, redirects are recorded, the page's owner hears of a
broken link once, and residents see a note beside it.

The seeded demo's pages and agencies are taken out of the check first (unpublished, deleted,
inside the test's transaction), so only the links the tests make are asked for.
"""

import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.rich_text import RichText

from citizen_portal.agencies.linkcheck import links_in_html, normalise, run_link_check
from citizen_portal.agencies.models import Agency, LinkCheck, LinkOccurrence
from citizen_portal.agencies.templatetags.agencies_tags import mark_broken_links
from citizen_portal.models import CitizenHomePage, InformationPage, MunicipalityPage
from portal.tests.factories import UserFactory, group_with_page_permissions, sign_in_for_admin

from .factories import AgencyFactory

pytestmark = pytest.mark.django_db

# Generous for a busy test machine; the slow endpoint answers long after it.
TIMEOUT = 3.0
SLOW = 10.0
NOTE = "(länken fungerar inte just nu)"


class Handler(BaseHTTPRequestHandler):
    """good (200), broken (404, 500), slow (past the timeout), redirecting (301 → 200,
    302 → 404) and HEAD-not-allowed (405 on HEAD, 200 on GET)."""

    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def answer(self, head):
        path = self.path
        self.server.requests.append((self.command, path))
        if path == "/ok":
            self.reply(200)
        elif path == "/saknas":
            self.reply(404)
        elif path == "/fel":
            self.reply(500)
        elif path == "/langsam":
            time.sleep(SLOW)
            self.reply(200)
        elif path == "/flyttad":
            self.reply(301, location="/ok")
        elif path == "/tillfalligt-flyttad":
            self.reply(302, location="/saknas")
        elif path == "/bara-get":
            self.reply(405 if head else 200)
        else:
            self.reply(404)

    def reply(self, status, location=None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the slow endpoint writes to a client that has given up


@pytest.fixture
def server():
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def only_test_links(db):
    """Nothing of the demo is checked: its pages are unpublished and its agencies gone."""
    Page.objects.filter(live=True).update(live=False)
    Agency.objects.all().delete()


@pytest.fixture
def owner():
    return UserFactory(email="redaktor@example.org", first_name="Rut", last_name="Redaktör")


def publish_page(parent, owner, slug, links, title=None):
    body = "".join(f'<p>Läs <a href="{url}">{label}</a>.</p>' for label, url in links)
    page = InformationPage(
        title=title or f"Sida {slug}", slug=slug, owner=owner, body=[("paragraph", body)]
    )
    parent.add_child(instance=page)
    page.save_revision(user=owner).publish()
    return InformationPage.objects.get(pk=page.pk)


def home():
    return CitizenHomePage.objects.get(locale__language_code="sv")


def check(capture, **options):
    out = io.StringIO()
    with capture(execute=True):
        call_command("check_links", timeout=TIMEOUT, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def seeded(server, only_test_links, owner):
    """A page with every kind of link and two agencies, all on the local server."""
    httpd, base = server
    page = publish_page(
        home(),
        owner,
        "lankar",
        [
            ("bra", f"{base}/ok"),
            ("bra med avsnitt", f"{base}/ok#avsnitt"),
            ("saknas", f"{base}/saknas"),
            ("fel", f"{base}/fel"),
            ("långsam", f"{base}/langsam"),
            ("flyttad", f"{base}/flyttad"),
            ("tillfälligt flyttad", f"{base}/tillfalligt-flyttad"),
        ],
        title="Länkar att kontrollera",
    )
    get_only = AgencyFactory(name="Bara GET-myndigheten", url=f"{base}/bara-get")
    gone = AgencyFactory(name="Borta-myndigheten", url=f"{base}/saknas")
    return {"base": base, "page": page, "get_only": get_only, "gone": gone, "httpd": httpd}


def test_exactly_the_broken_links_are_flagged_and_redirects_recorded(
    seeded, django_capture_on_commit_callbacks
):
    base = seeded["base"]
    started = time.monotonic()

    output = check(django_capture_on_commit_callbacks)

    links = {link.url.removeprefix(base): link for link in LinkCheck.objects.all()}
    # Every address once (the fragment is not a different address), and nothing else.
    assert set(links) == {
        "/ok",
        "/saknas",
        "/fel",
        "/langsam",
        "/flyttad",
        "/tillfalligt-flyttad",
        "/bara-get",
    }
    assert {path for path, link in links.items() if not link.ok} == {
        "/saknas",
        "/fel",
        "/langsam",
        "/tillfalligt-flyttad",
    }
    assert links["/saknas"].status_code == 404
    assert links["/fel"].status_code == 500
    assert links["/langsam"].error == LinkCheck.Error.TIMEOUT
    assert links["/langsam"].status_code is None
    # Redirects: where they led, and the status found there.
    assert (links["/flyttad"].status_code, links["/flyttad"].redirected_to) == (200, f"{base}/ok")
    assert links["/tillfalligt-flyttad"].status_code == 404
    assert links["/tillfalligt-flyttad"].redirected_to == f"{base}/saknas"
    assert links["/ok"].redirected_to == ""
    # HEAD refused, GET answered.
    assert links["/bara-get"].ok and links["/bara-get"].status_code == 200
    assert ("HEAD", "/bara-get") in seeded["httpd"].requests
    assert ("GET", "/bara-get") in seeded["httpd"].requests
    # A timeout is not asked again with GET, and the slow server does not hold up the rest.
    assert ("GET", "/langsam") not in seeded["httpd"].requests
    assert time.monotonic() - started < SLOW
    for link in links.values():
        assert link.checked_at is not None
        assert (link.first_failed_at is None) == link.ok
    # Where each was found.
    page = seeded["page"]
    assert set(links["/saknas"].pages.all()) == {Page.objects.get(pk=page.pk)}
    assert set(links["/saknas"].agencies.all()) == {seeded["gone"]}
    assert set(links["/bara-get"].agencies.all()) == {seeded["get_only"]}
    assert not links["/bara-get"].pages.exists()
    assert "7 adresser kontrollerade: 4 trasiga (4 nya), 2 omdirigerade" in output


def test_the_owner_is_told_once_per_link_and_page(seeded, django_capture_on_commit_callbacks):
    base = seeded["base"]

    check(django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.to == ["redaktor@example.org"]
    assert "Länkar att kontrollera" in message.subject
    for path in ("/saknas", "/fel", "/langsam", "/tillfalligt-flyttad"):
        assert f"{base}{path}\n" in message.body
    assert f"{base}/ok\n" not in message.body
    assert f"Leder till: {base}/saknas" in message.body
    assert f"/admin/pages/{seeded['page'].pk}/edit/" in message.body
    first_failed = LinkCheck.objects.get(url=f"{base}/saknas").first_failed_at

    check(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1, "told once per link and page"
    assert LinkCheck.objects.get(url=f"{base}/saknas").first_failed_at == first_failed


def test_a_link_that_works_again_is_cleared_and_told_again_if_it_breaks(
    server, only_test_links, owner, django_capture_on_commit_callbacks
):
    _httpd, base = server
    page = publish_page(home(), owner, "atervand", [("åter", f"{base}/ok")])
    link = LinkCheck.objects.create(url=f"{base}/ok", ok=False, status_code=404)
    LinkOccurrence.objects.create(link=link, page=page, owner_notified_at="2026-01-01T00:00Z")

    check(django_capture_on_commit_callbacks)

    link.refresh_from_db()
    assert link.ok and link.first_failed_at is None and link.status_code == 200
    assert link.occurrences.get().owner_notified_at is None
    assert mail.outbox == []


def test_links_no_longer_on_any_page_are_forgotten(
    server, only_test_links, owner, django_capture_on_commit_callbacks
):
    _httpd, base = server
    LinkCheck.objects.create(url=f"{base}/borttagen", ok=False, status_code=404)
    publish_page(home(), owner, "kvar", [("kvar", f"{base}/ok")])

    check(django_capture_on_commit_callbacks)

    assert list(LinkCheck.objects.values_list("url", flat=True)) == [f"{base}/ok"]


def test_drafts_and_unpublished_pages_are_not_checked(
    server, only_test_links, owner, django_capture_on_commit_callbacks
):
    _httpd, base = server
    page = publish_page(home(), owner, "utkast", [("publicerad", f"{base}/ok")])
    page.body = [("paragraph", f'<p><a href="{base}/saknas">utkast</a></p>')]
    page.save_revision(user=owner)  # a draft: the live page still has the old link
    hidden = publish_page(home(), owner, "dold", [("dold", f"{base}/fel")])
    hidden.unpublish()

    check(django_capture_on_commit_callbacks)

    assert list(LinkCheck.objects.values_list("url", flat=True)) == [f"{base}/ok"]


def test_when_nothing_answers_nothing_is_recorded(
    only_test_links, owner, django_capture_on_commit_callbacks
):
    """The portal's own network is down: residents must not see every link marked broken."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{closed_port}"
    publish_page(home(), owner, "offline", [(n, f"{base}/{n}") for n in ("a", "b", "c")])

    summary = run_link_check(timeout=TIMEOUT, workers=2)

    assert summary == {"checked": 3, "offline": True}
    assert not LinkCheck.objects.exists()
    assert mail.outbox == []


# --- Finding links ------------------------------------------------------------------------------


def test_links_are_found_in_rich_text_and_web_addresses_only():
    html = (
        '<p><a href="https://a.example.org/sida?x=1&amp;y=2#del">a</a> '
        '<a linktype="page" id="3">intern</a> <a href="mailto:a@example.org">e-post</a> '
        "<a href=\"/relativ/\">relativ</a> <a href='http://b.example.org'>b</a></p>"
    )
    assert list(links_in_html(html)) == [
        "https://a.example.org/sida?x=1&y=2",
        "http://b.example.org",
    ]
    assert normalise("ftp://c.example.org") is None
    assert normalise("https://") is None


# --- What residents and editors see -------------------------------------------------------------


def test_rich_text_gets_a_note_after_a_broken_link_only():
    LinkCheck.objects.create(url="https://trasig.example.org/sida", ok=False, status_code=404)
    LinkCheck.objects.create(url="https://hel.example.org", ok=True, status_code=200)
    text = RichText(
        '<p><a href="https://trasig.example.org/sida#del">Trasig</a> och '
        '<a href="https://hel.example.org">hel</a>.</p>'
    )

    with translation.override("sv"):
        html = str(mark_broken_links(text))

    assert html.count(NOTE) == 1
    assert f'Trasig</a> <span class="link-note">{NOTE}</span> och' in html


def test_text_that_is_not_html_is_escaped_not_marked():
    assert str(mark_broken_links('<a href="https://x.example.org">x</a>')).startswith("&lt;a")


def test_guides_and_the_agency_page_mark_a_broken_agency_link(client):
    skatteverket = Agency.objects.get(url="https://www.skatteverket.se", locale__language_code="sv")
    LinkCheck.objects.create(url=skatteverket.url, ok=False, status_code=500)

    guide = client.get("/livshandelser/flytta-till-dalsland/").text
    agencies = client.get("/myndigheter/").text
    english = client.get("/en/livshandelser/flytta-till-dalsland/").text

    marked = f'Skatteverket</a> <span class="link-note">{NOTE}</span>'
    assert marked in guide
    assert marked in agencies
    assert '<a href="https://www.lantmateriet.se">Lantmäteriet</a></p>' in guide
    assert 'Swedish Tax Agency</a> <span class="link-note">' in english


def test_the_broken_link_note_tag_for_other_templates():
    from django.template import Context, Template

    LinkCheck.objects.create(url="https://trasig.example.org", ok=False, status_code=404)
    template = Template("{% load agencies_tags %}{% broken_link_note url %}")

    with translation.override("sv"):
        assert NOTE in template.render(Context({"url": "https://trasig.example.org"}))
        assert template.render(Context({"url": "https://hel.example.org"})) == ""


def test_the_report_lists_broken_links_on_pages_the_user_may_edit(client, owner):
    amal = MunicipalityPage.objects.get(municipality__slug="amal", locale__language_code="sv")
    mellerud = MunicipalityPage.objects.get(
        municipality__slug="mellerud", locale__language_code="sv"
    )
    on_amal = publish_page(amal, owner, "amal-lankar", [("x", "https://amal.example.org/borta")])
    on_mellerud = publish_page(
        mellerud, owner, "mellerud-lankar", [("y", "https://mellerud.example.org/borta")]
    )
    for page, url in (
        (on_amal, "https://amal.example.org/borta"),
        (on_mellerud, "https://mellerud.example.org/borta"),
    ):
        link = LinkCheck.objects.create(url=url, ok=False, status_code=404)
        LinkOccurrence.objects.create(link=link, page=page)
    agency = AgencyFactory(name="Registermyndigheten", url="https://register.example.org")
    LinkCheck.objects.create(url=agency.url, ok=False, status_code=410).agencies.add(agency)
    editors = group_with_page_permissions("Redaktörer Åmål", amal, "add", "change", "publish")
    editor = UserFactory(groups=[editors])
    register_keepers = group_with_page_permissions(
        "Redaktörer Åmål och registret", amal, "add", "change", "publish"
    )
    register_keepers.permissions.add(Permission.objects.get(codename="change_agency"))
    register_keeper = UserFactory(groups=[register_keepers])

    response = sign_in_for_admin(client, editor).get(reverse("agencies_broken_links"))

    assert response.status_code == 200
    assert "https://amal.example.org/borta" in response.text
    assert on_amal.title in response.text
    assert "https://mellerud.example.org/borta" not in response.text
    assert on_mellerud.title not in response.text
    # The register is for those who keep it.
    assert "https://register.example.org" not in response.text

    response = sign_in_for_admin(Client(), register_keeper).get(reverse("agencies_broken_links"))
    assert "https://register.example.org" in response.text
    assert "Registermyndigheten" in response.text
    assert "https://mellerud.example.org/borta" not in response.text


def test_the_report_is_for_editors_only(client):
    group = Group.objects.create(name="Bara admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    admin = sign_in_for_admin(client, UserFactory(groups=[group]))
    assert admin.get(reverse("agencies_broken_links")).status_code == 403


def test_the_scheduler_runs_the_check_daily(settings):
    from portal.scheduler import load_jobs

    settings.SCHEDULED_JOBS = {
        "check_links": {"call": "citizen_portal.agencies.tasks.check_links_task", "at": "04:15"}
    }
    (job,) = load_jobs()
    assert callable(job.func)
    assert job.schedule == "varje dag kl. 04:15"
