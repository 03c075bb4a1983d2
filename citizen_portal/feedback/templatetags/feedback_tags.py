from django import template

from ..forms import PageFeedbackForm
from ..pages import ANCHOR, accepts_feedback, is_thanks_request

register = template.Library()


@register.inclusion_tag("feedback/page_feedback.html", takes_context=True)
def page_feedback(context):
    """The question "Var sidan till hjälp?" for the page being shown, or the thank-you after
    an answer."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not page.pk or not accepts_feedback(page):
        return {"show": False}
    if getattr(request, "is_preview", False):
        return {"show": False}
    form = getattr(request, "page_feedback_form", None)
    return {
        "show": True,
        "page": page,
        "anchor": ANCHOR,
        "thanks": form is None and is_thanks_request(request),
        "form": form or PageFeedbackForm(),
    }
