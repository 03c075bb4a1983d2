"""Handing out a case's attachment, to the applicant (eservices.views) and to handlers
(eservices.handler_views): the caller has already found it through a scoped query."""

from django.http import Http404

from citizen_portal.attachments import private_file_response


def attachment_response(attachment):
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return private_file_response(handle, attachment.original_name, attachment.content_type)
