"""Files residents attach to web forms: stored privately, handed out only to staff who may read
the form's submissions.

The files (a medical certificate, a photo of a home) are personal data. They live outside
MEDIA_ROOT, in `PRIVATE_MEDIA_ROOT` (portal/files.py), under random names, and have no public
address: the only way to them is `form_attachment` below, behind the admin's sign-in and
second factor (`/admin/` paths, portal.accounts.RequireSecondFactorMiddleware) and Wagtail's own
rule for who may see a form's submissions (`get_forms_for_user`: change permission on the
form page).
"""

import logging
import os
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.defaults import permission_denied
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.forms.utils import get_forms_for_user

from portal.files import stored_file_response

logger = logging.getLogger(__name__)


def attachment_path(instance, filename):
    """A random name in a folder per month; the name the resident gave is kept in the row."""
    extension = os.path.splitext(filename)[1].lower()
    return f"blanketter/{timezone.localdate():%Y-%m}/{uuid.uuid4().hex}{extension}"


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
    response = stored_file_response(
        attachment.file, attachment.original_name, attachment.content_type
    )
    logger.info(
        "Form attachment %s (submission %s) downloaded by user %s",
        attachment.pk,
        attachment.submission.reference,
        request.user.pk,
    )
    return response
