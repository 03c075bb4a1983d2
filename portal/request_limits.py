"""A limit on the size of what anyone may send, checked before anything reads it.

Django streams file uploads to disk whatever their size and checks a form's files only once
they have arrived, so without a limit one request could fill the disk. The largest thing a
person sends is an application or web form with its attachments, so `REQUEST_BODY_MAX_SIZE`
(60 MB by default) leaves room for that and stops the rest with 413 and a page in the visitor's
language. Text fields have Django's own, smaller limit (DATA_UPLOAD_MAX_MEMORY_SIZE, 400.html).
The reverse proxy should have the same limit (docs/operations.md).
"""

from django.conf import settings
from django.shortcuts import render


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django treats an unreadable length as none
        limit = settings.REQUEST_BODY_MAX_SIZE
        if limit and length > limit:
            return render(
                request,
                "413.html",
                {"limit_mb": limit // (1024 * 1024), "sent_mb": -(-length // (1024 * 1024))},
                status=413,
            )
        return self.get_response(request)
