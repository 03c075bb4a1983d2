"""The page a visitor sees when a request fails: a calm "try again in a minute" (503) while
the database cannot be reached, Django's ordinary server error (500) for everything else.

When PostgreSQL restarts or the network to it drops, every request fails in the first place
that asks the database (the request's site, the session, the signed-in user, the view) with
`OperationalError` or `InterfaceError`. Nothing is wrong with what the visitor did and nothing
they already sent is lost, so they get 503 with `Retry-After`, not "Ett fel uppstod". Django
calls `handler500` (config/urls.py) inside the `except` block that caught the exception, so
`sys.exc_info()` tells which kind of failure it was.

This view must work with the database away: it renders its template without the request, so
no context processor (the user, the portal settings) runs, and it never raises. If even the
template fails, a short page with the same status is returned.
"""

import logging
import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

# How long a visitor (or Varnish, or a monitor) should wait before asking again, in seconds.
RETRY_AFTER_SECONDS = 30

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

# When a template cannot even be rendered: Swedish first, English after, no style or script.
FALLBACK_PAGES = {
    503: (
        "<!DOCTYPE html><html lang='sv'><head><meta charset='utf-8'>"
        "<title>Tjänsten är tillfälligt otillgänglig – Dalslandsportalen</title></head><body>"
        "<h1>Tjänsten är tillfälligt otillgänglig</h1>"
        "<p>Försök igen om en minut. Det du redan har skickat finns kvar.</p>"
        "<p lang='en'>The service is temporarily unavailable. Please try again in a minute.</p>"
        "</body></html>"
    ),
    500: (
        "<!DOCTYPE html><html lang='sv'><head><meta charset='utf-8'>"
        "<title>Ett fel uppstod – Dalslandsportalen</title></head><body>"
        "<h1>Ett fel uppstod</h1><p>Försök igen om en stund.</p>"
        "<p lang='en'>Something went wrong. Please try again in a moment.</p>"
        "</body></html>"
    ),
}


def is_database_unavailable(error: BaseException | None) -> bool:
    """Whether `error`, or an exception it was raised from or while handling, says that the
    database cannot be reached."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def _render(template_name: str, status: int) -> HttpResponse:
    try:
        content = loader.get_template(template_name).render({})
    except Exception:
        logger.exception("Couldn't render %s; answering with the plain page", template_name)
        content = FALLBACK_PAGES[status]
    return HttpResponse(content, status=status)


def server_error(request) -> HttpResponse:
    """`handler500`: 503 with `503.html` when the database is away, else 500 with `500.html`."""
    try:
        if is_database_unavailable(sys.exc_info()[1]):
            response = _render("503.html", 503)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            response["Cache-Control"] = "no-store"
            return response
        return _render("500.html", 500)
    except Exception:  # this view must never fail itself
        return HttpResponse(FALLBACK_PAGES[500], status=500)
