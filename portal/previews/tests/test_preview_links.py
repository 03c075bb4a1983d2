"""Preview links (portal.previews): an editor shares a page's draft with a reviewer who has no
account. The link shows the latest draft, not the live page, to anyone who has it, until it is
revoked or expires; only those who may edit the page make, see and revoke its links; both are
in the page's history; employee pages are never shared this way."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, PageViewRestriction

from citizen_portal.models import DepartmentPage, ServicePage
from citizen_portal.tests.factories import ServicePageFactory
from employee_portal.models import EmployeeHomePage
from employee_portal.tests.factories import EmployeeInformationPageFactory
from portal.previews import services
from portal.previews.models import PreviewLink
from portal.previews.wagtail_hooks import PreviewLinksMenuItem
from portal.tests.factories import UserFactory, group_with_page_permissions, sign_in_for_admin

from .factories import PreviewLinkFactory

pytestmark = pytest.mark.django_db

LIVE_INTRO = "Ingressen som invånarna ser i dag."
DRAFT_INTRO = "Den nya ingressen som ska granskas."
BANNER = "Förhandsvisning – inte publicerad"
GONE = "Länken fungerar inte"


def department(slug):
    return DepartmentPage.objects.live().filter(municipality__slug=slug).first()


@pytest.fixture
def editor():
    """May edit and publish Mellerud's pages, nothing else."""
    group = group_with_page_permissions(
        "Redaktörer Mellerud", department("mellerud"), "add", "change", "publish"
    )
    return UserFactory(groups=[group], first_name="Eva", last_name="Strand")


@pytest.fixture
def outsider():
    """An editor in Åmål: may edit pages, but not Mellerud's."""
    group = group_with_page_permissions("Redaktörer Åmål", department("amal"), "add", "change")
    return UserFactory(groups=[group])


@pytest.fixture
def service_page(editor):
    """A live service page in Mellerud with a newer draft."""
    page = ServicePageFactory(
        parent=department("mellerud"), owner=editor, title="Färdtjänst", intro=LIVE_INTRO
    )
    page.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
    page = ServicePage.objects.get(pk=page.pk)
    page.intro = DRAFT_INTRO
    page.save_revision(user=editor)
    return ServicePage.objects.get(pk=page.pk)


def link_for(page, user, **kwargs):
    """A new link through the service; returns the link and its public address."""
    link, token = services.create_link(page, user, note="Anna Berg, Länsstyrelsen", **kwargs)
    return link, reverse("preview_link", args=[token])


def admin_url(page):
    return reverse("previews_page_links", args=[page.pk])


# --- What the reviewer sees -------------------------------------------------------------------


def test_an_anonymous_visitor_sees_the_draft_not_the_live_content(service_page, editor):
    link, url = link_for(service_page, editor)

    response = Client().get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert DRAFT_INTRO in html
    assert LIVE_INTRO not in html
    assert BANNER in html
    # The banner is a labelled region, ahead of everything else on the page.
    assert re.search(
        r'<body[^>]*>\s*<div class="preview-banner" role="region" '
        r'aria-labelledby="preview-banner-title">',
        html,
    )
    assert "previews/css/preview-banner.css" in html
    # The live page is unchanged.
    live = Client().get(service_page.url)
    assert LIVE_INTRO in live.content.decode()
    assert BANNER not in live.content.decode()
    link.refresh_from_db()
    assert link.view_count == 1
    assert link.last_viewed_at is not None


def test_the_link_shows_drafts_saved_after_it_was_made(service_page, editor):
    _, url = link_for(service_page, editor)
    service_page.intro = "Rättat efter granskarens synpunkter."
    service_page.save_revision(user=editor)

    html = Client().get(url).content.decode()

    assert "Rättat efter granskarens synpunkter." in html
    assert DRAFT_INTRO not in html


def test_a_page_never_published_can_be_previewed(editor):
    page = ServicePageFactory(
        parent=department("mellerud"), owner=editor, live=False, intro=DRAFT_INTRO
    )
    page.save_revision(user=editor)
    _, url = link_for(page, editor)

    response = Client().get(url)

    assert response.status_code == 200
    assert DRAFT_INTRO in response.content.decode()


def test_the_preview_is_kept_from_search_engines_caches_and_referrers(service_page, editor):
    _, url = link_for(service_page, editor)

    for response in (Client().get(url), Client().get(url[:-2] + "x/")):
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Cache-Control"] == "private, no-store"
        assert response["Referrer-Policy"] == "no-referrer"


def test_an_english_page_is_previewed_in_english_with_the_banner(editor):
    """The preview is requested as at the page's own address (/en/…), so the page speaks its
    language whatever the visitor's browser asks for; the banner is rendered in it too."""
    page = ServicePage.objects.filter(locale__language_code="en").first()
    assert page is not None, "the seeded content has an English service page"
    page.intro = "A draft introduction for review."
    page.save_revision()
    _, url = link_for(page, UserFactory(is_superuser=True))

    response = Client(HTTP_ACCEPT_LANGUAGE="sv").get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "A draft introduction for review." in html
    assert 'class="preview-banner"' in html


# --- Links that no longer work ---------------------------------------------------------------


def test_after_revocation_the_link_is_gone(service_page, editor, client):
    link, url = link_for(service_page, editor)
    assert Client().get(url).status_code == 200
    sign_in_for_admin(client, editor)

    response = client.post(reverse("previews_revoke", args=[service_page.pk, link.pk]))

    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert link.revoked_by == editor
    response = Client().get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert GONE in html
    assert DRAFT_INTRO not in html


def test_after_expiry_the_link_is_gone(service_page, editor):
    link, url = link_for(service_page, editor, days=1)
    PreviewLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    response = Client().get(url)

    assert response.status_code == 404
    assert GONE in response.content.decode()
    link.refresh_from_db()
    assert link.view_count == 0


def test_a_link_is_valid_for_the_days_chosen_from_1_to_30(service_page, editor):
    link, _ = link_for(service_page, editor)
    assert link.expires_at - link.created_at == datetime.timedelta(days=7)
    link, _ = link_for(service_page, editor, days=30)
    assert link.expires_at - link.created_at == datetime.timedelta(days=30)
    for days in (0, 31):
        with pytest.raises(ValueError):
            link_for(service_page, editor, days=days)


def test_a_token_cannot_be_altered_to_reach_another_page(service_page, editor):
    other = ServicePageFactory(parent=department("mellerud"), owner=editor, intro="Annan sida.")
    other.save_revision(user=editor)
    _, url = link_for(service_page, editor)
    _, other_url = link_for(other, editor)
    token = url.rstrip("/").rsplit("/", 1)[1]

    assert "Annan sida." not in Client().get(url).content.decode()
    assert DRAFT_INTRO not in Client().get(other_url).content.decode()
    for altered in (token[:-1] + ("A" if token[-1] != "A" else "B"), token[:-1], token + "A"):
        assert Client().get(reverse("preview_link", args=[altered])).status_code == 404
    # Only the token's digest is stored: the database alone opens nothing.
    assert not PreviewLink.objects.filter(token_hash=token).exists()
    assert PreviewLink.objects.filter(token_hash=services.hash_token(token)).count() == 1


def test_revoking_through_another_pages_address_is_refused(service_page, editor, client):
    other = ServicePageFactory(parent=department("mellerud"), owner=editor)
    link, url = link_for(service_page, editor)
    sign_in_for_admin(client, editor)

    response = client.post(reverse("previews_revoke", args=[other.pk, link.pk]))

    assert response.status_code == 404
    assert Client().get(url).status_code == 200


# --- Who may make, see and revoke links ------------------------------------------------------


def test_an_editor_without_edit_permission_cannot_create_see_or_revoke(
    service_page, editor, outsider
):
    link, url = link_for(service_page, editor)
    client = sign_in_for_admin(Client(), outsider)

    assert client.get(admin_url(service_page)).status_code == 403
    response = client.post(admin_url(service_page), {"note": "Någon", "days": 7})
    assert response.status_code == 403
    response = client.post(reverse("previews_revoke", args=[service_page.pk, link.pk]))
    assert response.status_code == 403

    assert PreviewLink.objects.filter(page=service_page).count() == 1
    assert Client().get(url).status_code == 200
    # The permission is in the queries, not only in the views.
    assert not PreviewLink.objects.for_user(outsider).filter(pk=link.pk).exists()
    assert PreviewLink.objects.for_user(editor).filter(pk=link.pk).exists()
    with pytest.raises(PermissionDenied):
        services.create_link(service_page, outsider, note="Någon")
    with pytest.raises(PreviewLink.DoesNotExist):
        services.revoke_link(service_page, link.pk, outsider)


def test_the_editor_creates_a_link_that_is_shown_once(service_page, editor, client):
    sign_in_for_admin(client, editor)

    response = client.post(admin_url(service_page), {"note": "Anna Berg, Länsstyrelsen", "days": 3})

    assert response.status_code == 200
    html = response.content.decode()
    address = re.search(r'value="(http://testserver/forhandsvisning/([^/"]+)/)"', html)
    assert address, "the new link is not shown"
    token = address.group(2)
    link = PreviewLink.objects.get(page=service_page)
    assert link.token_hash == services.hash_token(token)
    assert link.note == "Anna Berg, Länsstyrelsen"
    assert link.created_by == editor
    assert link.expires_at - link.created_at == datetime.timedelta(days=3)
    listing = client.get(admin_url(service_page)).content.decode()
    assert "Anna Berg, Länsstyrelsen" in listing
    assert token not in listing
    assert DRAFT_INTRO in Client().get(address.group(1)).content.decode()


@pytest.mark.parametrize("days", ["0", "31", "sju"])
def test_the_form_refuses_a_validity_outside_1_to_30_days(service_page, editor, client, days):
    sign_in_for_admin(client, editor)

    response = client.post(admin_url(service_page), {"note": "Anna", "days": days})

    assert response.status_code == 200
    assert "Länken skapades inte" in response.content.decode()
    assert not PreviewLink.objects.filter(page=service_page).exists()


def test_the_page_editor_offers_the_links_to_those_who_may_edit(service_page, editor, outsider):
    client = sign_in_for_admin(Client(), editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[service_page.pk]))

    assert admin_url(service_page) in response.content.decode()
    assert PreviewLinksMenuItem(page=service_page).is_shown(editor)
    assert not PreviewLinksMenuItem(page=service_page).is_shown(outsider)


def test_creating_and_revoking_are_in_the_page_history(service_page, editor, client):
    link, _ = link_for(service_page, editor)
    services.revoke_link(service_page, link.pk, editor)
    services.revoke_link(service_page, link.pk, editor)  # twice: logged once

    created = PageLogEntry.objects.get(page=service_page, action=services.CREATED)
    revoked = PageLogEntry.objects.get(page=service_page, action=services.REVOKED)
    assert created.user == editor
    assert created.data["note"] == "Anna Berg, Länsstyrelsen"
    assert revoked.user == editor
    sign_in_for_admin(client, editor)
    history = client.get(
        reverse("wagtailadmin_pages:history", args=[service_page.pk])
    ).content.decode()
    assert "Förhandsvisningslänk skapad för Anna Berg, Länsstyrelsen" in history
    assert "Förhandsvisningslänk återkallad" in history


# --- Pages that are not shared ---------------------------------------------------------------


def test_employee_pages_cannot_be_shared(client):
    admin = UserFactory(is_superuser=True)
    employee_page = EmployeeInformationPageFactory(parent=EmployeeHomePage.objects.get())
    employee_page.save_revision(user=admin)

    with pytest.raises(services.NotShareable):
        services.create_link(employee_page, admin, note="Någon utanför")

    sign_in_for_admin(client, admin)
    response = client.get(admin_url(employee_page))
    assert "Medarbetarportalen" in response.content.decode()
    assert 'name="note"' not in response.content.decode()
    response = client.post(admin_url(employee_page), {"note": "Någon", "days": 7})
    assert not PreviewLink.objects.filter(page=employee_page).exists()
    # A link that exists anyway (made before the rule, say) opens nothing.
    PreviewLinkFactory(page=employee_page, token="gammal-lank-till-medarbetarsida")
    assert Client().get("/forhandsvisning/gammal-lank-till-medarbetarsida/").status_code == 404


def test_a_protected_page_cannot_be_shared(service_page, editor):
    _, url = link_for(service_page, editor)
    PageViewRestriction.objects.create(
        page=service_page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )

    with pytest.raises(services.NotShareable):
        link_for(service_page, editor)
    assert Client().get(url).status_code == 404
