"""Form pages (blankettservice): a submission is stored before anything else happens, the
e-mails go only after the commit, bad input is answered with an error summary that keeps what
the person typed (nothing is lost), attached files are checked and kept private,
every submission gets a reference number, and robots are kept out without outside services."""

import csv
import io
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import GroupPagePermission, Locale

from citizen_portal.forms import CONFIRMATION_NAME, HONEYPOT_NAME
from citizen_portal.models import FormAttachment, FormPage, FormPageSubmission
from portal.models import Department
from portal.tests.factories import UserFactory, sign_in_for_admin
from portal.tests.pdf_inspection import extracted_text, structure_types, unembedded_fonts

from .factories import ANSWERS

pytestmark = pytest.mark.django_db

TEXT_TYPES = {"singleline", "multiline", "email", "number", "url"}
REFERENCE = re.compile(r"^F-\d{4}-\d{5}$")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The throttle counts in the cache, which outlives each test's rolled-back database."""
    cache.clear()
    yield
    cache.clear()


def answers(form_page) -> dict:
    """Answers to every field but the file fields, as the page's form would post them."""
    data = {}
    form = form_page.get_form()
    for field in form_page.get_form_fields():
        form_field = form.fields[field.clean_name]
        choices = [value for value, _label in getattr(form_field, "choices", []) if value]
        if field.field_type == "file":
            continue
        if field.field_type == "checkbox":
            data[field.clean_name] = "on"
        elif field.field_type in {"checkboxes", "multiselect"}:
            data[field.clean_name] = choices[:1]
        elif field.field_type in {"dropdown", "radio"}:
            data[field.clean_name] = choices[0]
        elif field.field_type == "hidden":
            data[field.clean_name] = field.default_value
        else:
            data[field.clean_name] = ANSWERS[field.field_type]
    return data


def pdf_upload(name="läkarintyg.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def text_of(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def form_page():
    """A seeded Swedish form that mails its submissions and has a required text field and
    another text field to type into."""
    for page in FormPage.objects.live().filter(locale__language_code="sv").order_by("path"):
        fields = list(page.get_form_fields())
        required = [f for f in fields if f.required and f.field_type in TEXT_TYPES]
        text = [f for f in fields if f.field_type in {"singleline", "multiline"}]
        if page.recipients() and required and len({f.pk for f in required + text}) > 1:
            return page
    pytest.fail("the demo has no form page with an e-mail receiver and two text fields")


@pytest.fixture
def parking_form():
    """The seeded application for a disabled parking permit: a required certificate upload,
    routed to a department, offering a confirmation."""
    return FormPage.objects.get(locale__language_code="sv", slug="ansok-om-parkeringstillstand")


def file_field(form_page):
    return next(f for f in form_page.get_form_fields() if f.field_type == "file")


def parking_data(form_page, upload=None, **extra):
    data = answers(form_page)
    data[file_field(form_page).clean_name] = upload if upload is not None else pdf_upload()
    data.update(extra)
    return data


def required_and_other_text_field(form_page):
    fields = list(form_page.get_form_fields())
    required = next(f for f in fields if f.required and f.field_type in TEXT_TYPES)
    other = next(
        f for f in fields if f.pk != required.pk and f.field_type in {"singleline", "multiline"}
    )
    return required, other


def latest_submission(form_page) -> FormPageSubmission:
    return form_page.get_submissions().latest("submit_time")


# --- Stored first, then mailed; the receipt ---------------------------------------------------


def test_a_submission_is_stored_and_the_email_waits_for_the_commit(
    client, form_page, django_capture_on_commit_callbacks
):
    data = answers(form_page)
    count = FormSubmission.objects.filter(page=form_page).count()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(form_page.url, data)

    assert response.status_code == 302
    assert FormSubmission.objects.filter(page=form_page).count() == count + 1
    submission = latest_submission(form_page)
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
    assert message.to == form_page.recipients()
    required, _other = required_and_other_text_field(form_page)
    assert f"{required.label}: {data[required.clean_name]}" in message.body
    assert submission.reference in message.body
    assert submission.reference in message.subject


def test_after_submitting_the_person_is_redirected_to_a_receipt_with_a_reference(client, form_page):
    response = client.post(form_page.url, answers(form_page))

    assert response.status_code == 302, "no redirect after POST: a reload would send again"
    submission = latest_submission(form_page)
    assert REFERENCE.match(submission.reference)
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert "citizen_portal/form_page_landing.html" in [t.name for t in receipt.templates]
    assert "no-store" in receipt["Cache-Control"]
    page_text = text_of(receipt)
    assert f"Ditt referensnummer är {submission.reference}" in page_text
    thank_you = BeautifulSoup(form_page.thank_you_text, "html.parser").get_text(" ").split()
    assert " ".join(thank_you[:6]) in page_text

    count = form_page.get_submissions().count()
    client.get(response["Location"])  # a reload of the receipt
    assert form_page.get_submissions().count() == count


def test_references_are_unique_and_count_up_within_the_year(client, form_page):
    client.post(form_page.url, answers(form_page))
    first = latest_submission(form_page).reference
    client.post(form_page.url, answers(form_page))
    second = latest_submission(form_page).reference

    assert first != second
    assert first[:7] == second[:7]
    assert int(second[-5:]) == int(first[-5:]) + 1


def test_the_receipt_names_the_receiving_department(client, parking_form):
    response = client.post(parking_form.url, parking_data(parking_form), follow=True)

    assert f"gått till {parking_form.department.name}" in text_of(response)


def test_a_forged_receipt_address_shows_the_empty_form(client, form_page):
    response = client.get(f"{form_page.url}?kvitto=1:forfalskad")

    assert response.status_code == 200
    assert "form" in response.context
    assert "Ditt referensnummer" not in text_of(response)


# --- Bad input ----------------------------------------------------------------------------------


def test_a_bad_submission_keeps_the_typed_text_and_shows_an_error_summary(client, form_page):
    required, other = required_and_other_text_field(form_page)
    data = answers(form_page)
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


def test_the_english_form_page_answers_errors_in_english(client, parking_form):
    english = parking_form.get_translation(Locale.objects.get(language_code="en"))
    data = parking_data(english)
    name_field = next(f for f in english.get_form_fields() if f.field_type == "singleline")
    data[name_field.clean_name] = ""

    response = client.post(english.url, data)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    summary = soup.select_one(".error-summary").get_text(" ")
    assert "There are errors in the form" in summary
    assert f"{name_field.label}: This field is required." in " ".join(summary.split())
    assert name_field.label == "Applicant's name"


def test_the_swedish_form_page_answers_errors_in_swedish(client, parking_form):
    data = parking_data(parking_form)
    name_field = next(f for f in parking_form.get_form_fields() if f.field_type == "singleline")
    data[name_field.clean_name] = ""

    response = client.post(parking_form.url, data)

    summary = BeautifulSoup(response.content, "html.parser").select_one(".error-summary")
    assert "Det finns fel i formuläret" in summary.get_text()
    assert "Det här fältet är obligatoriskt" in summary.get_text()


def test_help_texts_and_errors_are_tied_to_the_file_input_and_the_checkbox(client, parking_form):
    data = parking_data(parking_form, **{CONFIRMATION_NAME: "on"})
    email = parking_form.email_field()
    data[email.clean_name] = ""
    del data[file_field(parking_form).clean_name]

    response = client.post(parking_form.url, data)

    soup = BeautifulSoup(response.content, "html.parser")
    file_input = soup.select_one('input[type="file"]')
    described = file_input["aria-describedby"].split()
    assert len(described) == 2
    help_text = soup.find(id=described[0]).get_text()
    assert "PDF-, JPEG- eller PNG-fil på högst 10 MB" in help_text
    assert "Det här fältet är obligatoriskt" in soup.find(id=described[1]).get_text()
    assert file_input.get("aria-invalid") == "true"
    assert ".pdf" in file_input["accept"]
    checkbox = soup.select_one(f'input[name="{CONFIRMATION_NAME}"]')
    assert checkbox.has_attr("checked"), "the ticked confirmation box was not kept"
    assert soup.find(id=checkbox["aria-describedby"]).get_text().startswith("Bekräftelsen")
    email_input = soup.select_one(f'input[name="{email.clean_name}"]')
    error_id = email_input["aria-describedby"].split()[-1]
    assert "Fyll i din e-postadress" in soup.find(id=error_id).get_text()


# --- The file field -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "intyg.exe",
            b"MZ\x90\x00",
            "Filtypen går inte att skicka: välj en PDF-, JPEG- eller PNG-fil.",
        ),
        ("intyg.docx", b"PK\x03\x04", "Filtypen går inte att skicka"),
        (
            "intyg.pdf",
            b"<html><script>alert(1)</script></html>",
            "Filen går inte att öppna som PDF",
        ),
        ("foto.jpg", PNG, "Filen går inte att öppna som JPG"),
    ],
    ids=["program", "word", "web page renamed to pdf", "png renamed to jpg"],
)
def test_a_file_of_the_wrong_type_or_content_is_refused(
    client, parking_form, name, content, message
):
    upload = SimpleUploadedFile(name, content)
    count = parking_form.get_submissions().count()

    response = client.post(parking_form.url, parking_data(parking_form, upload))

    assert response.status_code == 200
    assert parking_form.get_submissions().count() == count
    errors = response.context["form"].errors[file_field(parking_form).clean_name]
    assert any(error.startswith(message) for error in errors), errors
    assert FormAttachment.objects.count() == 0


def test_a_png_photo_is_accepted(client, parking_form):
    upload = SimpleUploadedFile("foto.PNG", PNG, content_type="image/png")

    response = client.post(parking_form.url, parking_data(parking_form, upload))

    assert response.status_code == 302
    attachment = latest_submission(parking_form).attachments.get()
    assert attachment.content_type == "image/png"


def test_a_file_over_the_size_limit_is_refused_with_the_limit(client, parking_form, settings):
    settings.FORM_UPLOAD_MAX_SIZE = 2 * 1024 * 1024
    upload = pdf_upload(content=PDF + b"0" * (3 * 1024 * 1024))

    response = client.post(parking_form.url, parking_data(parking_form, upload))

    errors = response.context["form"].errors[file_field(parking_form).clean_name]
    assert errors[0].startswith("Filen är för stor: högst 2 MB."), errors


def test_when_another_field_is_wrong_the_person_is_told_to_choose_the_file_again(
    client, parking_form
):
    data = parking_data(parking_form)
    name_field = next(f for f in parking_form.get_form_fields() if f.field_type == "singleline")
    data[name_field.clean_name] = ""

    response = client.post(parking_form.url, data)

    summary = BeautifulSoup(response.content, "html.parser").select_one(".error-summary")
    assert "Välj filen igen" in summary.get_text()
    assert FormAttachment.objects.count() == 0


# --- Private storage and the serving view ----------------------------------------------------


@pytest.fixture
def stored_attachment(client, parking_form):
    client.post(parking_form.url, parking_data(parking_form, pdf_upload("mitt intyg.pdf")))
    return latest_submission(parking_form).attachments.get()


def test_an_attachment_is_stored_privately_under_a_random_name(client, stored_attachment):
    path = Path(stored_attachment.file.path).resolve()

    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.read_bytes() == PDF
    assert "intyg" not in path.name
    assert stored_attachment.original_name == "mitt intyg.pdf"
    with pytest.raises(ValueError):
        stored_attachment.file.url  # noqa: B018 - there is no public address
    assert client.get(f"{settings.MEDIA_URL}{stored_attachment.file.name}").status_code == 404


def test_deleting_a_submission_deletes_its_attachment_and_file(stored_attachment):
    path = Path(stored_attachment.file.path)

    FormSubmission.objects.filter(pk=stored_attachment.submission.pk).delete()

    assert not FormAttachment.objects.filter(pk=stored_attachment.pk).exists()
    assert not path.exists()


def test_an_anonymous_visitor_cannot_fetch_an_attachment(client, stored_attachment):
    url = reverse("form_attachment", args=[stored_attachment.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)
    assert b"%PDF" not in response.content


def editor_for(page=None):
    """An admin user; with change permission on `page` if given (Wagtail's rule for seeing a
    form's submissions)."""
    group = Group.objects.create(name=f"Testredaktörer {Group.objects.count()}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if page is not None:
        GroupPagePermission.objects.create(group=group, page=page, permission_type="change")
    return UserFactory(groups=[group])


def test_an_editor_without_permission_on_the_form_gets_403(client, stored_attachment):
    other_form = FormPage.objects.get(locale__language_code="sv", slug="lamna-synpunkter")
    sign_in_for_admin(client, editor_for(other_form))

    response = client.get(reverse("form_attachment", args=[stored_attachment.pk]))

    assert response.status_code == 403


def test_an_editor_of_the_form_downloads_the_attachment(client, parking_form, stored_attachment):
    sign_in_for_admin(client, editor_for(parking_form))

    response = client.get(reverse("form_attachment", args=[stored_attachment.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "mitt%20intyg.pdf" in response["Content-Disposition"]
        or "mitt intyg.pdf" in (response["Content-Disposition"])
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_a_missing_attachment_is_404(client, parking_form):
    sign_in_for_admin(client, editor_for(parking_form))

    assert client.get(reverse("form_attachment", args=[999999])).status_code == 404


# --- Routing and the e-mails -------------------------------------------------------------------


def test_the_email_goes_to_the_to_address_else_the_department_else_the_municipality(
    parking_form,
):
    department = parking_form.department
    parking_form.to_address = "registrator@fargelanda.se, chef@fargelanda.se"
    assert parking_form.recipients() == ["registrator@fargelanda.se", "chef@fargelanda.se"]

    parking_form.to_address = ""
    assert parking_form.recipients() == [department.email]

    parking_form.department = None
    assert parking_form.recipients() == [parking_form.municipality.email]

    parking_form.department = Department(name="Utan e-post", email="")
    assert parking_form.recipients() == [parking_form.municipality.email]


def test_the_unit_email_has_reference_answers_and_a_link_but_not_the_file(
    client, parking_form, django_capture_on_commit_callbacks
):
    data = parking_data(parking_form)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(parking_form.url, data)

    submission = latest_submission(parking_form)
    attachment = submission.attachments.get()
    message = mail.outbox[0]
    assert message.to == [parking_form.department.email]
    assert submission.reference in message.body
    name_field = parking_form.get_form_fields()[0]
    assert f"{name_field.label}: {data[name_field.clean_name]}" in message.body
    assert "läkarintyg.pdf" in message.body
    link = f"{settings.WAGTAILADMIN_BASE_URL}/admin/forms/bilagor/{attachment.pk}/"
    assert link in message.body
    assert message.attachments == []
    assert message.reply_to == [data[parking_form.email_field().clean_name]]


def test_a_confirmation_goes_to_the_person_only_when_they_ask_for_it(
    client, parking_form, django_capture_on_commit_callbacks
):
    email = parking_form.email_field().clean_name

    with django_capture_on_commit_callbacks(execute=True):
        client.post(parking_form.url, parking_data(parking_form))
    assert [m.to for m in mail.outbox] == [[parking_form.department.email]]
    assert latest_submission(parking_form).confirmation_requested is False

    mail.outbox.clear()
    data = parking_data(parking_form, **{CONFIRMATION_NAME: "on"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(parking_form.url, data)

    submission = latest_submission(parking_form)
    assert submission.confirmation_requested is True
    confirmation = next(m for m in mail.outbox if m.to == [data[email]])
    assert submission.reference in confirmation.body
    assert parking_form.title in confirmation.body
    name_field = parking_form.get_form_fields()[0]
    assert data[name_field.clean_name] not in confirmation.body, "the answers were sent along"
    assert "läkarintyg" not in confirmation.body.lower()


def test_the_confirmation_box_is_offered_only_where_the_page_says_so(client, form_page):
    form_page.send_confirmation = False
    assert CONFIRMATION_NAME not in form_page.get_form().fields
    form_page.send_confirmation = True
    fields = list(form_page.get_form().fields)
    assert fields.index(CONFIRMATION_NAME) == fields.index(form_page.email_field().clean_name) + 1


# --- Export -------------------------------------------------------------------------------------


def test_the_csv_export_has_the_reference_and_the_attachment_columns(client, parking_form):
    client.post(parking_form.url, parking_data(parking_form))
    submission = latest_submission(parking_form)
    attachment = submission.attachments.get()
    sign_in_for_admin(client, editor_for(parking_form))

    response = client.get(
        reverse("wagtailforms:list_submissions", args=[parking_form.pk]), {"export": "csv"}
    )

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    header, row = rows[0], rows[-1]
    label = file_field(parking_form).label
    assert header[:2] == ["Inskickat", "Referensnummer"]
    assert row[1] == submission.reference
    assert row[header.index(label)] == "läkarintyg.pdf"
    assert row[header.index(f"{label} (länk)")].endswith(
        reverse("form_attachment", args=[attachment.pk])
    )
    assert HONEYPOT_NAME not in header and CONFIRMATION_NAME not in header

    listing = client.get(reverse("wagtailforms:list_submissions", args=[parking_form.pk]))
    assert f'href="{settings.WAGTAILADMIN_BASE_URL}/admin/forms/bilagor/{attachment.pk}/"' in (
        listing.content.decode()
    )


# --- Spam defence -------------------------------------------------------------------------------


def test_the_honeypot_is_hidden_out_of_the_tab_order_and_labelled(client, form_page):
    soup = BeautifulSoup(client.get(form_page.url).content, "html.parser")

    honeypot = soup.select_one(f'input[name="{HONEYPOT_NAME}"]')
    assert honeypot["tabindex"] == "-1"
    assert honeypot["autocomplete"] == "off"
    assert "visually-hidden" in honeypot.parent["class"]
    label = soup.select_one(f'label[for="{honeypot["id"]}"]')
    assert label.get_text() == "Lämna det här fältet tomt"


def test_a_filled_honeypot_stores_nothing_and_answers_calmly(client, form_page):
    required, other = required_and_other_text_field(form_page)
    data = {**answers(form_page), HONEYPOT_NAME: "https://spam.example"}
    data[other.clean_name] = "Det här skrev jag själv"
    count = FormSubmission.objects.count()

    response = client.post(form_page.url, data)

    assert response.status_code == 200
    assert FormSubmission.objects.count() == count
    assert mail.outbox == []
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".error-summary") is None
    assert (
        soup.select_one('[role="status"]')
        .get_text(strip=True)
        .startswith("Vi kunde inte ta emot formuläret")
    )
    typed = soup.select_one(f'[name="{other.clean_name}"]')
    kept = typed.get("value") if typed.name == "input" else typed.get_text()
    assert kept.strip() == "Det här skrev jag själv"
    assert not soup.select_one(f'input[name="{HONEYPOT_NAME}"]').get("value")


def test_too_many_submissions_from_one_address_are_refused_and_kept(client, form_page, settings):
    settings.FORM_SUBMISSIONS_PER_CLIENT = 2
    settings.FORM_SUBMISSIONS_WINDOW = 600
    required, other = required_and_other_text_field(form_page)
    data = answers(form_page)
    for _ in range(2):
        assert client.post(form_page.url, data).status_code == 302
    count = FormSubmission.objects.count()
    data[other.clean_name] = "Det här skrev jag själv"

    response = client.post(form_page.url, data)

    assert response.status_code == 429
    assert FormSubmission.objects.count() == count
    summary = BeautifulSoup(response.content, "html.parser").select_one(".error-summary")
    assert "Vänta 10 minuter" in summary.get_text()
    soup = BeautifulSoup(response.content, "html.parser")
    typed = soup.select_one(f'[name="{other.clean_name}"]')
    kept = typed.get("value") if typed.name == "input" else typed.get_text()
    assert kept.strip() == "Det här skrev jag själv"

    other_address = client.post(form_page.url, data, REMOTE_ADDR="192.0.2.10")
    assert other_address.status_code == 302, "one address's limit stopped another"


def test_the_throttle_counts_the_english_translation_of_a_form_too(client, parking_form, settings):
    settings.FORM_SUBMISSIONS_PER_CLIENT = 1
    english = parking_form.get_translation(Locale.objects.get(language_code="en"))

    assert client.post(parking_form.url, parking_data(parking_form)).status_code == 302
    assert client.post(english.url, parking_data(english)).status_code == 429


# --- Demo content -------------------------------------------------------------------------------


def test_the_demo_forms_have_english_translations_with_english_labels():
    english = Locale.objects.get(language_code="en")
    for page in FormPage.objects.filter(locale__language_code="sv"):
        translation = page.get_translation_or_none(english)
        assert translation is not None, f"{page.url} has no English translation"
        swedish_fields = list(page.get_form_fields())
        english_fields = list(translation.get_form_fields())
        assert [f.clean_name for f in english_fields] == [f.clean_name for f in swedish_fields]
        assert [f.label for f in english_fields] != [f.label for f in swedish_fields]


def test_the_printable_forms_are_pdf_ua_in_a_public_collection_linked_from_services(client):
    import pikepdf
    from wagtail.documents.models import Document

    from citizen_portal.models import ServicePage

    documents = Document.objects.filter(collection__name="Blanketter")
    assert documents.count() == 3
    for document in documents:
        with document.file.open("rb") as handle:
            content = handle.read()
        pdf = pikepdf.open(io.BytesIO(content))
        with pdf.open_metadata() as meta:
            assert meta["pdfuaid:part"] == "1"
            assert meta["dc:title"] == document.title
        assert str(pdf.Root.Lang) == "sv"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert unembedded_fonts(pdf) == []
        types = structure_types(pdf)
        assert types.count("H1") == 1 and "H2" in types and "P" in types
        # The Swedish letters print as written, the title first.
        text = " ".join(extracted_text(content).split())
        assert text.startswith(document.title) or document.title in text
    parking = Document.objects.get(
        collection__name="Blanketter",
        title="Ansökan om parkeringstillstånd för rörelsehindrade",
    )
    with parking.file.open("rb") as handle:
        text = " ".join(extracted_text(handle.read()).split())
    for words in ("Personnummer (ÅÅÅÅMMDD-NNNN)", "Foto (passfoto, 35 × 45 mm)", "Namnteckning"):
        assert words in text
    service = ServicePage.objects.get(
        locale__language_code="sv", slug="parkeringstillstand-for-rorelsehindrade"
    )
    soup = BeautifulSoup(client.get(service.url).content, "html.parser")
    link = next(a for a in soup.select("a[href]") if "Skriv ut blanketten" in a.get_text())
    assert "PDF" in link.get_text() and ("kB" in link.get_text() or "KB" in link.get_text())
    assert client.get(link["href"]).status_code == 200
    assert os.path.basename(link["href"].rstrip("/")).endswith(".pdf")


def test_staff_get_an_english_submission_with_the_swedish_labels(
    client, parking_form, django_capture_on_commit_callbacks
):
    english = parking_form.get_translation(Locale.objects.get(language_code="en"))
    data = parking_data(english)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(english.url, data)

    message = mail.outbox[0]
    name_field = parking_form.get_form_fields()[0]
    assert f"{name_field.label}: {data[name_field.clean_name]}" in message.body
    assert "Skickat från sidan på engelska." in message.body
    assert message.subject.startswith(parking_form.subject)
