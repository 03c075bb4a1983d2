"""The question "Var sidan till hjälp?" under the citizen pages: answered without JavaScript,
stored without personal data, thanked for on a page nobody else gets from the cache, reported to
the editors of the page's municipality only, and brought up in the owner's content review
reminder."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from citizen_portal.feedback import retention, services
from citizen_portal.feedback.models import PageFeedback
from citizen_portal.models import ServicePage
from employee_portal.models import EmployeeInformationPage
from portal import review
from portal.identity import claims as claimkit
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import PageFeedbackFactory

pytestmark = pytest.mark.django_db


def service_page(slug: str, language: str = "sv") -> ServicePage:
    return (
        ServicePage.objects.live()
        .filter(municipality__slug=slug, locale__language_code=language)
        .order_by("path")
        .first()
    )


@pytest.fixture
def amal_page():
    return service_page("amal")


def action(page) -> str:
    return f"/sidfeedback/{page.pk}/"


def editor_in(slug: str):
    """An employee with the role redaktor of this municipality, as single sign-on gives it."""
    user = UserFactory()
    claimkit.apply_employee_claims(
        user, claimkit.employee_claims({"municipality": slug, "roles": ["redaktor"], "network": ""})
    )
    return type(user).objects.get(pk=user.pk)


# --- The form on the page -------------------------------------------------------------------


def test_the_form_is_on_citizen_pages_and_keeps_them_cacheable(client, amal_page):
    response = client.get(amal_page.url)
    html = response.content.decode()
    assert f'action="{action(amal_page)}"' in html
    assert "Var sidan till hjälp?" in html
    assert "<legend>" in html and 'name="helpful" value="nej"' in html
    assert "Skriv inte personuppgifter" in html
    # No CSRF token: the page stays the same for every visitor, and Varnish may keep it.
    assert "csrfmiddlewaretoken" not in html
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    "model",
    [
        "citizen_portal.CitizenHomePage",
        "citizen_portal.MunicipalityPage",
        "citizen_portal.DepartmentPage",
        "citizen_portal.TopicPage",
        "citizen_portal.NewsIndexPage",
        "citizen_portal.NewsPage",
        "citizen_portal.ContactPage",
        "citizen_portal.AccessibilityStatementPage",
        "citizen_portal.InformationPage",
        "agencies.AgencyIndexPage",
        "agencies.LifeEventIndexPage",
        "agencies.LifeEventGuidePage",
    ],
)
def test_every_citizen_page_type_asks(client, model):
    from django.apps import apps

    page = apps.get_model(model).objects.live().filter(locale__language_code="sv").first()
    assert page is not None, f"the demo has a {model}"
    html = client.get(page.url).content.decode()
    assert f'action="{action(page)}"' in html


def test_forms_and_their_confirmation_pages_do_not_ask(client):
    from citizen_portal.models import FormPage

    page = FormPage.objects.live().filter(locale__language_code="sv").first()
    assert "sidfeedback" not in client.get(page.url).content.decode()


def test_the_form_is_not_on_employee_pages(employee_client):
    page = EmployeeInformationPage.objects.live().first()
    response = employee_client.get(page.url)
    assert response.status_code == 200
    assert "sidfeedback" not in response.content.decode()


def test_an_employee_page_takes_no_answers(client):
    page = EmployeeInformationPage.objects.live().first()
    response = client.post(f"/sidfeedback/{page.pk}/", {"helpful": "nej"})
    assert response.status_code == 404
    assert not PageFeedback.objects.exists()


def test_no_without_javascript_is_stored_and_thanked_for(client, amal_page):
    response = client.post(action(amal_page), {"helpful": "nej", "comment": "Öppettider saknas."})
    assert response.status_code == 303
    assert response["Location"] == f"{amal_page.url}?tack=1#sidfeedback"

    answer = PageFeedback.objects.get()
    assert answer.page_id == amal_page.pk
    assert answer.municipality.slug == "amal"
    assert answer.language == "sv"
    assert answer.helpful is False
    assert answer.comment == "Öppettider saknas."

    thanks = client.get(response["Location"].split("#")[0])
    html = thanks.content.decode()
    assert "Tack för ditt svar!" in html
    assert 'id="sidfeedback"' in html
    assert f'action="{action(amal_page)}"' not in html
    # Only the one who answered gets the thanks: never from Varnish or the browser's cache.
    assert "no-store" in thanks["Cache-Control"] and "private" in thanks["Cache-Control"]


def test_yes_is_stored(client, amal_page):
    client.post(action(amal_page), {"helpful": "ja"})
    assert PageFeedback.objects.get().helpful is True


def test_personal_data_in_the_comment_is_masked_before_it_is_stored(client, amal_page):
    comment = (
        "Mitt personnummer är 19121212-1212 (eller 121212+1212). "
        "Mejla anna.andersson@example.org eller ring 070-123 45 67."
    )
    client.post(action(amal_page), {"helpful": "nej", "comment": comment})
    stored = PageFeedback.objects.get().comment
    assert "1212" not in stored
    assert "anna.andersson" not in stored
    assert "070" not in stored and "45 67" not in stored
    assert stored.count("[personnummer borttaget]") == 2
    assert "[e-postadress borttagen]" in stored
    assert "[telefonnummer borttaget]" in stored


def test_masking_leaves_ordinary_numbers_alone():
    text = "Sidan om bygglov 2024 säger 12 veckor och 1 500 kronor."
    assert services.mask_personal_data(text) == text


def test_a_too_long_comment_gets_a_swedish_message_and_keeps_the_text(client, amal_page):
    comment = "Det saknas information. " * 50  # 1 200 characters
    response = client.post(action(amal_page), {"helpful": "nej", "comment": comment})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kommentaren får vara högst 1000 tecken" in html
    assert comment.strip() in html
    assert "data-error-summary" in html and 'aria-invalid="true"' in html
    assert amal_page.title in html  # the page itself, shown again
    assert not PageFeedback.objects.exists()
    assert "no-store" in response["Cache-Control"]


def test_an_english_page_answers_in_english(client):
    page = service_page("amal", "en")
    assert page is not None, "the demo has English service pages"
    form = client.get(page.url).content.decode()
    assert f'action="/en/sidfeedback/{page.pk}/"' in form
    assert "Was this page helpful?" in form

    response = client.post(f"/en/sidfeedback/{page.pk}/", {"helpful": "nej", "comment": "x" * 1001})
    assert "The comment can be at most 1000 characters" in response.content.decode()
    response = client.post(f"/en/sidfeedback/{page.pk}/", {"helpful": "ja"})
    assert response["Location"].startswith("/en/")
    assert PageFeedback.objects.get().language == "en"
    thanks = client.get(response["Location"].split("#")[0]).content.decode()
    assert "Thank you for your answer!" in thanks


def test_too_many_answers_from_one_client_get_a_clear_429(client, amal_page, settings):
    settings.PAGE_FEEDBACK_THROTTLE_LIMIT = 2
    for _ in range(2):
        assert client.post(action(amal_page), {"helpful": "ja"}).status_code == 303
    response = client.post(action(amal_page), {"helpful": "ja"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "För många svar just nu" in response.content.decode()
    assert PageFeedback.objects.count() == 2


def test_an_answer_without_yes_or_no_is_not_stored(client, amal_page):
    response = client.post(action(amal_page), {"comment": "Hej"})
    assert "Välj Ja eller Nej." in response.content.decode()
    assert not PageFeedback.objects.exists()


# --- The editors' report --------------------------------------------------------------------


def test_an_amal_editor_sees_amal_feedback_and_a_mellerud_editor_does_not(client, amal_page):
    PageFeedbackFactory(page=amal_page, helpful=False, comment="Telefontiderna saknas.")
    PageFeedbackFactory(page=amal_page, helpful=True)

    sign_in_for_admin(client, editor_in("amal"))
    response = client.get("/admin/sidfeedback/")
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row["page"].pk for row in rows] == [amal_page.pk]
    assert rows[0]["answers"] == 2 and rows[0]["no"] == 1 and rows[0]["no_share"] == 50
    assert "Telefontiderna saknas." in response.content.decode()

    sign_in_for_admin(client, editor_in("mellerud"))
    response = client.get("/admin/sidfeedback/")
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert "Telefontiderna saknas." not in response.content.decode()


def test_the_report_filters_by_municipality_and_period(client, amal_page):
    sign_in_for_admin(client, UserFactory(is_superuser=True))
    mellerud_page = service_page("mellerud")
    old = PageFeedbackFactory(page=amal_page, comment="Gammal kommentar.")
    old.created_at = timezone.now() - datetime.timedelta(days=40)
    old.save()
    PageFeedbackFactory(page=amal_page, comment="Ny kommentar.")
    PageFeedbackFactory(page=mellerud_page, comment="Mellerud.")

    def pages(query):
        return [row["page"].pk for row in client.get("/admin/sidfeedback/" + query).context["rows"]]

    assert set(pages("")) == {amal_page.pk, mellerud_page.pk}
    assert pages("?kommun=mellerud") == [mellerud_page.pk]
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    response = client.get(f"/admin/sidfeedback/?kommun=amal&fran={since}")
    assert [row["answers"] for row in response.context["rows"]] == [1]
    assert "Gammal kommentar." not in response.content.decode()


# --- The content review reminder ------------------------------------------------------------


def test_the_review_reminder_lists_the_owners_pages_where_many_said_no(
    amal_page, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="agare@amal.example")
    ServicePage.objects.filter(pk=amal_page.pk).update(
        owner=owner, review_by=timezone.localdate() + datetime.timedelta(days=3), reminded_for=None
    )
    for helpful in (False, False, False, True, True):
        PageFeedbackFactory(page=amal_page, helpful=helpful)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        review.send_reminders()

    [message] = [m for m in mail.outbox if "agare@amal.example" in m.to]
    assert "Sidor där många svarat att sidan inte hjälpte" in message.body
    assert f"”{amal_page.title}”: 3 av 5 svarade Nej" in message.body


def test_the_review_reminder_leaves_out_pages_that_helped(
    amal_page, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="agare@amal.example")
    ServicePage.objects.filter(pk=amal_page.pk).update(
        owner=owner, review_by=timezone.localdate() + datetime.timedelta(days=3), reminded_for=None
    )
    for helpful in (False, False, True, True, True):
        PageFeedbackFactory(page=amal_page, helpful=helpful)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        review.send_reminders()

    [message] = [m for m in mail.outbox if "agare@amal.example" in m.to]
    assert "Sidor där många svarat" not in message.body


# --- Retention ------------------------------------------------------------------------------


def test_answers_older_than_the_retention_are_purged(amal_page, settings):
    settings.PAGE_FEEDBACK_RETENTION_MONTHS = 24
    now = timezone.now()
    old = PageFeedbackFactory(page=amal_page)
    old.created_at = now - datetime.timedelta(days=2 * 365 + 10)
    old.save()
    recent = PageFeedbackFactory(page=amal_page)

    assert retention.purge_old_feedback(now) == 1
    assert list(PageFeedback.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_purge_is_a_scheduled_job(settings):
    from portal.scheduler import load_jobs

    assert "purge_page_feedback" in {job.name for job in load_jobs()}
    with translation.override("sv"):
        assert retention.retention_months() == 24
