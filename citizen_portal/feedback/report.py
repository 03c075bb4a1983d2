"""The editors' report "Sidfeedback" in the admin (Reports): per page, how many answered, the
share of "Nej" and the latest comments; filtered by municipality and period.

Limited in the query to the pages the editor may edit (Wagtail's page permissions, which the
editor groups per municipality grant: portal/identity/editor_groups.py), so a Mellerud editor
never sees the answers about Åmål's pages.
"""

import datetime

from django import forms
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.models import Municipality

from .models import PageFeedback

ROWS_SHOWN = 100
LATEST_COMMENTS = 3


class ReportFilterForm(forms.Form):
    kommun = forms.ModelChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla kommuner"),
    )
    fran = forms.DateField(
        label=_("Från och med"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    till = forms.DateField(
        label=_("Till och med"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def visible_feedback(user):
    """The answers about pages `user` may edit."""
    answers = PageFeedback.objects.all()
    if user.is_superuser:
        return answers
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return answers.filter(page_id__in=editable.values("pk"))


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def filtered(answers, data: dict):
    if data.get("kommun"):
        answers = answers.filter(municipality=data["kommun"])
    if data.get("fran"):
        answers = answers.filter(created_at__gte=_start_of(data["fran"]))
    if data.get("till"):
        answers = answers.filter(
            created_at__lt=_start_of(data["till"] + datetime.timedelta(days=1))
        )
    return answers


def report_rows(answers) -> list[dict]:
    """One row per page: the page, its municipality, answers, "Nej" and their share, the time of
    the latest answer and the latest comments. Most "Nej" first."""
    rows = list(
        answers.values("page_id")
        .annotate(
            answers=Count("pk"),
            no=Count("pk", filter=Q(helpful=False)),
            latest=Max("created_at"),
        )
        .order_by("-no", "-answers", "page_id")[:ROWS_SHOWN]
    )
    pages = Page.objects.in_bulk([row["page_id"] for row in rows])
    municipalities = dict(
        answers.filter(page_id__in=list(pages))
        .order_by()
        .values_list("page_id", "municipality__name")
        .distinct()
    )
    for row in rows:
        row["page"] = pages.get(row["page_id"])
        row["municipality"] = municipalities.get(row["page_id"]) or ""
        row["no_share"] = round(100 * row["no"] / row["answers"])
        row["comments"] = list(
            answers.filter(page_id=row["page_id"])
            .exclude(comment="")
            .order_by("-created_at", "-pk")[:LATEST_COMMENTS]
        )
    return rows
