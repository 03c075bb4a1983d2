"""Retention (eservices.retention): a case past its e-service's retention period is deleted with
everything that belongs to it, files included, and the case log keeps its trace."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from eservices import services
from eservices.models import (
    Case,
    CaseAttachment,
    CaseEvent,
    CaseLog,
    CaseMessage,
    EService,
    Kind,
    Notification,
)
from eservices.retention import DRAFT_RETENTION_DAYS, purge_expired_cases

from .factories import building_answers, drawing

pytestmark = pytest.mark.django_db

Status = Case.Status


def ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def as_request(user):
    request = RequestFactory().post("/")
    request.user = user
    return request


def building_case(applicant, slug="mellerud", *, submit=True):
    """A building permit application with a drawing, and a message with a file."""
    eservice = EService.objects.get(kind=Kind.BUILDING_PERMIT, municipality__slug=slug)
    case = Case.objects.create(
        eservice=eservice,
        municipality=eservice.municipality,
        applicant=applicant,
        data=building_answers(),
    )
    services.store_files(
        case, [drawing()], applicant, CaseAttachment.Type.APPLICATION, field_name="drawings"
    )
    if submit:
        case = services.submit(as_request(applicant), case)
        services.applicant_message(
            as_request(applicant), case, "Här är fasadritningen.", [drawing("fasad.pdf")]
        )
    return case


def preschool_case(applicant, slug="amal"):
    eservice = EService.objects.get(kind=Kind.PRESCHOOL, municipality__slug=slug)
    case = Case.objects.create(
        eservice=eservice,
        municipality=eservice.municipality,
        applicant=applicant,
        data={"email": "emma.karlsson@example.se"},
    )
    return services.submit(as_request(applicant), case)


def close(case, days_ago, status=Status.CLOSED):
    Case.objects.filter(pk=case.pk).update(status=status, closed_at=ago(days_ago))


def exists(case) -> bool:
    return Case.objects.filter(pk=case.pk).exists()


def purge(capture) -> int:
    # The files are deleted once the purge is committed.
    with capture(execute=True):
        return purge_expired_cases()


def test_a_closed_case_past_retention_is_purged_with_its_files_and_leaves_a_log_row(
    tolvan, django_capture_on_commit_callbacks
):
    case = building_case(tolvan)
    reference = case.reference
    files = [a.file.name for a in case.attachments.all()]
    storage = CaseAttachment._meta.get_field("file").storage
    assert len(files) == 2 and all(storage.exists(name) for name in files)
    earlier_log = set(CaseLog.objects.filter(case=case).values_list("pk", flat=True))
    close(case, days_ago=case.eservice.retention_days + 1)

    assert purge(django_capture_on_commit_callbacks) == 1

    assert not exists(case)
    for model in (CaseEvent, CaseMessage, CaseAttachment, Notification):
        assert not model.objects.filter(case_id=case.pk).exists(), model
    assert not any(storage.exists(name) for name in files)
    # The case log outlives the case: the earlier rows keep the reference, and the purge is
    # written there by the system, with what was removed.
    kept = CaseLog.objects.filter(pk__in=earlier_log)
    assert kept.count() == len(earlier_log)
    assert set(kept.values_list("case_reference", flat=True)) == {reference}
    assert not kept.filter(case__isnull=False).exists()
    purge_row = CaseLog.objects.get(case_reference=reference, action=CaseLog.Action.PURGE)
    assert purge_row.case is None
    assert purge_row.actor is None and purge_row.actor_label == "system"
    assert "2 bilagor" in purge_row.detail
    assert "1 meddelanden" in purge_row.detail
    assert f"{case.eservice.retention_days} dagar" in purge_row.detail


def test_a_withdrawn_case_past_retention_is_purged_too(emma, django_capture_on_commit_callbacks):
    case = preschool_case(emma)
    close(case, days_ago=case.eservice.retention_days + 1, status=Status.WITHDRAWN)

    assert purge(django_capture_on_commit_callbacks) == 1
    assert not exists(case)


def test_a_case_within_retention_and_an_open_case_stay(tolvan, django_capture_on_commit_callbacks):
    recent = building_case(tolvan)
    close(recent, days_ago=recent.eservice.retention_days - 1)
    # Open for years (a decision never came): not closed, so not purged.
    open_case = building_case(tolvan, "amal")
    Case.objects.filter(pk=open_case.pk).update(submitted_at=ago(3000), updated_at=ago(3000))
    # Decided but not yet closed.
    decided = preschool_case(tolvan)
    Case.objects.filter(pk=decided.pk).update(status=Status.DECIDED, decided_at=ago(3000))

    assert purge(django_capture_on_commit_callbacks) == 0

    assert exists(recent) and exists(open_case) and exists(decided)
    assert recent.attachments.count() == 2
    assert not CaseLog.objects.filter(action=CaseLog.Action.PURGE).exists()


def test_each_eservice_has_its_own_retention_period(
    emma, tolvan, django_capture_on_commit_callbacks
):
    EService.objects.filter(kind=Kind.PRESCHOOL, municipality__slug="amal").update(
        retention_days=30
    )
    EService.objects.filter(kind=Kind.BUILDING_PERMIT, municipality__slug="mellerud").update(
        retention_days=365
    )
    short = preschool_case(emma, "amal")
    long = building_case(tolvan, "mellerud")
    close(short, days_ago=100)
    close(long, days_ago=100)

    assert purge(django_capture_on_commit_callbacks) == 1

    assert not exists(short)
    assert exists(long)


def test_a_draft_left_untouched_is_purged_and_a_recent_one_stays(
    tolvan, django_capture_on_commit_callbacks
):
    old = building_case(tolvan, submit=False)
    old_file = old.attachments.get().file.name
    Case.objects.filter(pk=old.pk).update(updated_at=ago(DRAFT_RETENTION_DAYS + 1))
    recent = building_case(tolvan, submit=False)
    Case.objects.filter(pk=recent.pk).update(
        created_at=ago(400), updated_at=ago(DRAFT_RETENTION_DAYS - 10)
    )

    assert purge(django_capture_on_commit_callbacks) == 1

    assert not exists(old)
    assert not CaseAttachment._meta.get_field("file").storage.exists(old_file)
    assert exists(recent)
    purge_row = CaseLog.objects.get(action=CaseLog.Action.PURGE)
    assert purge_row.case_reference == f"utkast {old.public_id}"
    assert "utkast" in purge_row.detail and "1 bilagor" in purge_row.detail


def test_the_command_purges_and_says_how_many(emma):
    case = preschool_case(emma)
    close(case, days_ago=case.eservice.retention_days + 1)
    out = io.StringIO()

    call_command("purge_cases", stdout=out)

    assert out.getvalue().strip() == "Gallrade ärenden: 1."
    assert not exists(case)


# The reminder a week before a draft goes -----------------------------------------------------


def draft(applicant, *, days_untouched, email="emma.karlsson@example.se"):
    eservice = EService.objects.get(kind=Kind.PRESCHOOL, municipality__slug="amal")
    case = Case.objects.create(
        eservice=eservice,
        municipality=eservice.municipality,
        applicant=applicant,
        data={"email": email, "child_name": "Alva Karlsson"} if email else {},
    )
    Case.objects.filter(pk=case.pk).update(updated_at=ago(days_untouched))
    case.refresh_from_db()
    return case


def reminders(case):
    return list(case.notifications.filter(event="utkast-gallras"))


def test_a_resident_is_told_a_week_before_an_untouched_draft_is_removed(emma):
    from django.core import mail

    from eservices.notifications import deliver_due_notifications
    from eservices.retention import draft_removal_date, remind_about_old_drafts

    due = draft(emma, days_untouched=DRAFT_RETENTION_DAYS - 7)
    not_yet = draft(emma, days_untouched=DRAFT_RETENTION_DAYS - 8)
    without_address = draft(emma, days_untouched=DRAFT_RETENTION_DAYS - 7, email="")

    assert remind_about_old_drafts() == 1
    (reminder,) = reminders(due)
    assert reminder.recipient == "emma.karlsson@example.se"
    assert reminders(not_yet) == [] and reminders(without_address) == []

    deliver_due_notifications()
    (sent,) = [m for m in mail.outbox if m.to == ["emma.karlsson@example.se"]]
    assert sent.subject == "Ditt utkast tas snart bort"
    removal = draft_removal_date(due)
    assert f"tas bort den {removal:%Y-%m-%d}" in sent.body
    assert f"/mina-sidor/arenden/{due.public_id}/andra/" in sent.body
    assert "Alva" not in sent.body, "no personal details from the application in an e-mail"

    # Once per last change: the next day's run reminds nobody again.
    assert remind_about_old_drafts(now=timezone.now() + datetime.timedelta(days=1)) == 1
    assert len(reminders(due)) == 1


@pytest.mark.parametrize(
    "changed_at, removed_on",
    [("02:30", datetime.date(2026, 8, 31)), ("14:30", datetime.date(2026, 9, 1))],
)
def test_the_removal_date_in_the_reminder_is_the_night_the_purge_takes_the_draft(
    emma, changed_at, removed_on
):
    """Run the nightly purge at 03:00 on the night before the day the reminder names, and on
    that day: the draft is still there the first time and gone the second."""
    from eservices.retention import draft_removal_date, purge_expired_cases

    hour, minute = (int(part) for part in changed_at.split(":"))
    changed = timezone.make_aware(datetime.datetime(2026, 6, 2, hour, minute))
    case = draft(emma, days_untouched=0)
    Case.objects.filter(pk=case.pk).update(updated_at=changed)
    case.refresh_from_db()

    removal = draft_removal_date(case)
    assert removal == removed_on  # 90 days after 2 June is 31 August

    def purge_night(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(3, 0)))

    purge_expired_cases(now=purge_night(removal - datetime.timedelta(days=1)))
    assert Case.objects.filter(pk=case.pk).exists()
    purge_expired_cases(now=purge_night(removal))
    assert not Case.objects.filter(pk=case.pk).exists()


def test_a_draft_saved_again_after_its_reminder_is_reminded_again_before_its_new_date(emma):
    from eservices.retention import remind_about_old_drafts

    case = draft(emma, days_untouched=DRAFT_RETENTION_DAYS - 7)
    remind_about_old_drafts()
    # The resident opened it and saved it again; weeks later it is near its new date.
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    later = timezone.now() + datetime.timedelta(days=DRAFT_RETENTION_DAYS - 7)

    assert remind_about_old_drafts(now=later) == 1
    assert len(reminders(case)) == 2


def test_a_sent_application_gets_no_draft_reminder(emma):
    from eservices.retention import remind_about_old_drafts

    case = preschool_case(emma)
    Case.objects.filter(pk=case.pk).update(updated_at=ago(DRAFT_RETENTION_DAYS - 7))

    assert remind_about_old_drafts() == 0
    assert reminders(case) == []
