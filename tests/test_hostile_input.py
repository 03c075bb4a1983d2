"""Hostile input through every public search field and form: script, HTML, SQL, template
syntax, a NUL, 10,000 characters and a right-to-left override. Each gets an ordinary answer or
a clear message, never a 500; what is stored is shown escaped to the staff who read it, never
run; search input is searched for as text, never as query syntax."""

import pytest
from bs4 import BeautifulSoup

from citizen_portal.diary.models import DocumentRequest, Register
from citizen_portal.feedback.models import PageFeedback
from citizen_portal.models import ServicePage
from portal.tests.factories import UserFactory, sign_in_for_admin

pytestmark = pytest.mark.django_db

HOSTILE = {
    "script": '<script>alert("xss")</script>',
    "html": '<img src=x onerror="alert(1)"><b>fet</b>',
    "sql": "'; DROP TABLE wagtailcore_page; --",
    "template": "{{ request.user.password }}{% debug %}${7*7}",
    "nul": "före\x00efter",
    "long": "Zylofon " * 1250,
    "rtl": "faktura\u202efdp.exe",
}
# What may never appear as markup in a page: the hostile values' tags, unescaped.
MARKUP = ['<script>alert("xss")</script>', '<img src=x onerror="alert(1)">', "<b>fet</b>"]


def assert_no_markup(html: str):
    for markup in MARKUP:
        assert markup not in html, markup


def assert_not_evaluated(html: str, value: str):
    """Template syntax comes back as typed: evaluated, it would be gone from the page."""
    if "{{" in value:
        assert "{{ request.user.password }}" in BeautifulSoup(html, "html.parser").get_text()


SEARCHES = [
    ("/sok/", "q"),
    ("/en/sok/", "q"),
    ("/sok/forslag/", "q"),
    ("/diarium/", "q"),
    ("/diarium/postlista/", "kommun"),
    ("/api/v1/diary/", "q"),
]


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize(("url", "field"), SEARCHES, ids=[u for u, _f in SEARCHES])
def test_search_fields_answer_hostile_input_without_a_500(client, url, field, kind):
    response = client.get(url, {field: HOSTILE[kind]})
    assert response.status_code in (200, 400), response.status_code
    if response["Content-Type"].startswith("text/html"):
        assert_no_markup(response.content.decode())
    else:
        # Data as JSON, which no browser runs; the suggestions' script puts it in as text.
        assert response["Content-Type"].startswith("application/json")
        assert response.json() is not None


@pytest.fixture
def register():
    return Register.objects.filter(municipality__slug="amal").order_by("pk").first()


def request_data(register, description):
    return {
        "municipality": register.municipality.slug,
        "register": str(register.pk),
        "case_number": "",
        "description": description,
        "access": "read",
        "name": "",
        "email": "",
        "postal_address": "",
        "phone": "",
        "website": "",
    }


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_document_request_with_hostile_text_is_stored_as_text_or_refused_clearly(
    client, register, kind
):
    before = DocumentRequest.objects.count()
    response = client.post("/diarium/begar-ut/", request_data(register, HOSTILE[kind]))

    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 302:
        stored = DocumentRequest.objects.latest("pk")
        assert stored.description.strip() == HOSTILE[kind].strip()
        admin = client_for_superuser()
        html = admin.get(f"/admin/begaran-om-handlingar/edit/{stored.pk}/").content.decode()
        assert_no_markup(html)
        assert_not_evaluated(html, HOSTILE[kind])
    else:
        # Refused: the page says why, keeps the form, and nothing was stored.
        assert DocumentRequest.objects.count() == before
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one("#error-summary, .error-summary, [role=alert]") is not None
        assert soup.select_one('textarea[name="description"]') is not None
        assert_no_markup(response.content.decode())


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_feedback_comment_with_hostile_text_is_shown_escaped_in_the_report(client, kind):
    page = ServicePage.objects.live().filter(locale__language_code="sv").first()
    response = client.post(
        f"/sidfeedback/{page.pk}/", {"helpful": "nej", "comment": HOSTILE[kind][:1000]}
    )
    assert response.status_code in (200, 303, 400), response.status_code
    assert_no_markup(response.content.decode())

    if response.status_code == 303:
        assert PageFeedback.objects.filter(page_id=page.pk).exists()
        html = client_for_superuser().get("/admin/sidfeedback/").content.decode()
        assert_no_markup(html)
        assert_not_evaluated(html, HOSTILE[kind])


def client_for_superuser():
    from django.test import Client

    admin = Client()
    sign_in_for_admin(admin, UserFactory(is_superuser=True))
    return admin


@pytest.mark.parametrize("kind", HOSTILE)
def test_an_application_with_hostile_text_is_shown_escaped_to_the_handler(client, kind):
    """Emma writes hostile text as her employer; the Åmål preschool handler reads the case."""
    import uuid

    from eservices.models import Case
    from eservices.tests.factories import EMMA, make_citizen, preschool_answers
    from eservices.tests.test_handler import case_url, handler

    emma = make_citizen("emma", EMMA, "Emma", "Karlsson")
    client.force_login(emma)
    response = client.post(
        "/e-tjanster/forskola/ansok/?kommun=amal",
        {"submission_key": str(uuid.uuid4()), **preschool_answers(employer=HOSTILE[kind])},
    )
    assert response.status_code in (200, 302, 400), response.status_code
    assert_no_markup(response.content.decode())
    case = Case.objects.get(applicant=emma)
    if response.status_code != 302:
        # Refused with the reason; what was typed is kept as a draft, never sent.
        assert case.status == Case.Status.DRAFT
        return

    client.logout()
    sign_in_for_admin(client, handler("amal", "handle_preschool"))
    html = client.get(case_url(case)).content.decode()
    assert "Emma" in html
    assert_no_markup(html)
    assert_not_evaluated(html, HOSTILE[kind])
