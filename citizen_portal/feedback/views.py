"""The form under every citizen page posts here (docs/page-feedback.md).

The page itself is cached for everyone (portal/cache_headers.py), so the form carries no CSRF
token (rendering one would make every citizen page private) and no answer ever changes it:

* an answer is stored, then the browser is sent back to the page with `?tack=1#sidfeedback`
  (post/redirect/get: reloading does not answer twice); that address is never cached
  (wagtail_hooks.never_cache_thanks), so the thank-you reaches only the one who answered;
* a comment that is too long renders the page in place from this POST (never cached either)
  with the message and the text kept.

Without a CSRF token another site could make a visitor's browser post an answer. That can do no
more than anyone can do by answering, and the throttle limits both.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from portal import throttle

from . import services
from .forms import PageFeedbackForm
from .pages import ANCHOR, THANKS_PARAMETER, accepts_feedback

THROTTLE_SCOPE = "page-feedback"


def throttle_limit() -> tuple[int, int]:
    """(answers, seconds): enough for a person who answers on every page they read."""
    return (
        getattr(settings, "PAGE_FEEDBACK_THROTTLE_LIMIT", 20),
        getattr(settings, "PAGE_FEEDBACK_THROTTLE_WINDOW", 600),
    )


@csrf_exempt
@require_POST
def submit(request, page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not accepts_feedback(page):
        raise Http404
    # The page's language, whatever the address: messages and the page shown again speak it.
    with translation.override(page.locale.language_code):
        limit, window = throttle_limit()
        wait = throttle.hit(THROTTLE_SCOPE, request, limit=limit, window=window)
        if wait is not None:
            response = TemplateResponse(
                request,
                "feedback/throttled.html",
                {"page": page, "minutes": max(1, -(-wait // 60))},
                status=429,
            )
            response["Retry-After"] = str(wait)
            return response.render()
        form = PageFeedbackForm(request.POST)
        if not form.is_valid():
            # The template tag shows this form, with its errors and the comment as typed.
            request.page_feedback_form = form
            return page.serve(request).render()
        services.record_answer(
            page,
            helpful=form.is_helpful,
            comment=form.cleaned_data["comment"],
            language=page.locale.language_code,
        )
    response = redirect(f"{page.url}?{THANKS_PARAMETER}=1#{ANCHOR}")
    response.status_code = 303  # "See Other": the browser fetches the page with GET
    return response
