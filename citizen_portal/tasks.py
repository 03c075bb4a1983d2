"""Background work for citizen pages, run by django-tasks after the data is committed."""

from django.core.mail import send_mail
from django_tasks import task
from wagtail.contrib.forms.models import FormSubmission


@task()
def send_form_submission_email(submission_id: int):
    """Tell the receiving unit that a form was submitted. The submission itself is already
    stored, so a failed e-mail loses nothing: it is listed in the admin either way."""
    submission = FormSubmission.objects.select_related("page").get(pk=submission_id)
    page = submission.page.specific
    data = submission.get_data()
    body = "\n".join(
        f"{field.label}: {data.get(field.clean_name, '')}" for field in page.get_form_fields()
    )
    addresses = [a.strip() for a in page.to_address.split(",") if a.strip()]
    send_mail(page.subject or page.title, body, page.from_address or None, addresses)
