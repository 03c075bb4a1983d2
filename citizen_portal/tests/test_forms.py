"""Form pages (blankettservice): a submission is stored before anything else happens, the
e-mail to the receiving unit goes only after the commit, and bad input is answered with an
error summary that keeps what the person typed (DESIGN.md: nothing is lost)."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from citizen_portal.models import FormPage

from .factories import valid_form_data

pytestmark = pytest.mark.django_db

TEXT_TYPES = {"singleline", "multiline", "email", "number", "url"}


@pytest.fixture
def form_page():
    """A seeded Swedish form that mails its submissions and has a required text field and
    another text field to type into."""
    for page in FormPage.objects.live().filter(locale__language_code="sv").order_by("path"):
        fields = list(page.get_form_fields())
        required = [f for f in fields if f.required and f.field_type in TEXT_TYPES]
        text = [f for f in fields if f.field_type in {"singleline", "multiline"}]
        if page.to_address and required and len({f.pk for f in required + text}) > 1:
            return page
    pytest.fail("the demo has no form page with an e-mail receiver and two text fields")


def required_and_other_text_field(form_page):
    fields = list(form_page.get_form_fields())
    required = next(f for f in fields if f.required and f.field_type in TEXT_TYPES)
    other = next(
        f for f in fields if f.pk != required.pk and f.field_type in {"singleline", "multiline"}
    )
    return required, other


def test_a_submission_is_stored_and_the_email_waits_for_the_commit(
    client, form_page, django_capture_on_commit_callbacks
):
    data = valid_form_data(form_page)
    count = FormSubmission.objects.filter(page=form_page).count()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(form_page.url, data)

    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=form_page).count() == count + 1
    submission = FormSubmission.objects.filter(page=form_page).latest("submit_time")
    stored = submission.get_data()
    for field in form_page.get_form_fields():
        if field.field_type in {"singleline", "multiline", "email"}:
            assert stored[field.clean_name] == data[field.clean_name]
    assert mail.outbox == [], "the e-mail went before the submission was committed"
    assert callbacks, "no e-mail was queued for after the commit"

    for callback in callbacks:
        callback()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    receivers = [a.strip() for a in form_page.to_address.split(",") if a.strip()]
    assert message.to == receivers
    required, _other = required_and_other_text_field(form_page)
    assert f"{required.label}: {data[required.clean_name]}" in message.body


def test_after_submitting_the_person_sees_the_thank_you_page(client, form_page):
    response = client.post(form_page.url, valid_form_data(form_page))

    assert response.status_code == 200
    assert "citizen_portal/form_page_landing.html" in [t.name for t in response.templates]
    thank_you = BeautifulSoup(form_page.thank_you_text, "html.parser").get_text(" ").split()
    page_text = BeautifulSoup(response.content, "html.parser").get_text(" ").split()
    assert " ".join(thank_you[:6]) in " ".join(page_text)


def test_a_bad_submission_keeps_the_typed_text_and_shows_an_error_summary(client, form_page):
    required, other = required_and_other_text_field(form_page)
    data = valid_form_data(form_page)
    data[required.clean_name] = ""
    data[other.clean_name] = "Det här skrev jag själv"
    count = FormSubmission.objects.filter(page=form_page).count()

    response = client.post(form_page.url, data)

    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=form_page).count() == count
    assert mail.outbox == []
    form = response.context["form"]
    assert required.clean_name in form.errors
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".error-summary")
    assert summary is not None, "no error summary"
    anchor = f"#{form[required.clean_name].id_for_label}"
    assert summary.select_one(f'a[href="{anchor}"]') is not None, (
        f"the error summary does not link to the field {anchor}"
    )
    assert soup.select_one(anchor) is not None
    typed = soup.select_one(f'[name="{other.clean_name}"]')
    kept = typed.get("value") if typed.name == "input" else typed.get_text()
    assert kept.strip() == "Det här skrev jag själv"
    assert soup.select_one(anchor).get("aria-invalid") == "true"
