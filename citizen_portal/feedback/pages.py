"""Which pages ask "Var sidan till hjälp?": every page of Invånarportalen's information tree
(citizen_portal.models.CitizenPage, the agencies' pages included), not the employee portal, not
Mina sidor (no pages) and not web forms with their confirmation pages (FormPage)."""

from wagtail.models import Page

THANKS_PARAMETER = "tack"
ANCHOR = "sidfeedback"


def accepts_feedback(page: Page) -> bool:
    from citizen_portal.models import CitizenPage

    return isinstance(page.specific, CitizenPage)


def is_thanks_request(request) -> bool:
    return request.method in ("GET", "HEAD") and request.GET.get(THANKS_PARAMETER) == "1"
