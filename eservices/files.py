"""Handing out a case's attachment, to the applicant (eservices.views) and to handlers
(eservices.handler_views): the caller has already found it through a scoped query."""

from portal.files import stored_file_response


def attachment_response(attachment):
    return stored_file_response(attachment.file, attachment.original_name, attachment.content_type)
