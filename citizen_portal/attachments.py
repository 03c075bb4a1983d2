"""Files residents attach to web forms: stored privately, handed out only to staff who may read
the form's submissions.

The files (a medical certificate, a photo of a home) are personal data. They live outside
MEDIA_ROOT, in `PRIVATE_MEDIA_ROOT`, under random names, and have no public address: the only
way to them is `form_attachment` below, behind the admin's sign-in and second factor
(`/admin/` paths, portal.accounts.RequireSecondFactorMiddleware) and Wagtail's own rule for who
may see a form's submissions (`get_forms_for_user`: change permission on the form page).
"""

import logging
import os
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.defaults import permission_denied
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.forms.utils import get_forms_for_user

logger = logging.getLogger(__name__)


class PrivateFileStorage(FileSystemStorage):
    """A file system storage in `PRIVATE_MEDIA_ROOT` that has no URLs at all."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise ValueError(
            "Form attachments have no public URL; link to citizen_portal.attachments."
            "form_attachment instead."
        )


private_storage = PrivateFileStorage()


def get_private_storage():
    """For `FileField(storage=…)`: a callable keeps the storage out of the migrations."""
    return private_storage


def attachment_path(instance, filename):
    """A random name in a folder per month; the name the resident gave is kept in the row."""
    extension = os.path.splitext(filename)[1].lower()
    return f"blanketter/{timezone.localdate():%Y-%m}/{uuid.uuid4().hex}{extension}"


def private_file_response(handle, filename: str, content_type: str) -> FileResponse:
    """A privately stored file as a download: never shown inline, as a file is not trusted to
    be what it says, and the browser must not guess another type or run anything in it."""
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def admin_url(attachment) -> str:
    """The attachment's address for staff, absolute (it goes into e-mails and exports)."""
    path = reverse("form_attachment", args=[attachment.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


@never_cache
@require_admin_access
def form_attachment(request, pk):
    """Hand one attached file to a member of staff who may see the form's submissions, as a
    download (never shown inline: a file is not trusted to be what it says)."""
    from .models import FormAttachment

    attachment = get_object_or_404(FormAttachment.objects.select_related("submission"), pk=pk)
    page_id = attachment.submission.page_id
    if not get_forms_for_user(request.user).filter(pk=page_id).exists():
        # A plain 403, not Wagtail's redirect to the dashboard: the link came from an e-mail.
        return permission_denied(request, PermissionDenied())
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    logger.info(
        "Form attachment %s (submission %s) downloaded by user %s",
        attachment.pk,
        attachment.submission.reference,
        request.user.pk,
    )
    return private_file_response(handle, attachment.original_name, attachment.content_type)
