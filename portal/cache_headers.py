"""Cache-Control on every response: the portal itself says what Varnish (deploy/varnish/portal.vcl)
and browsers may keep, instead of leaving it to their defaults. docs/caching.md has the table.

Shared (`public`) only when the answer is the same for every anonymous visitor:

* a Wagtail page (`wagtail_serve`): `public, max-age=PAGE_CACHE_MAX_AGE,
  s-maxage=PAGE_CACHE_SHARED_MAX_AGE`. Publishing purges it from Varnish (citizen_portal/cache.py),
  so Varnish may keep it long; browsers, which nobody purges, only briefly;
* any other view (search, the diary, sitemap, the open-data API): `public,
  max-age=PAGE_CACHE_MAX_AGE`, for Varnish too, since nothing purges them. A view that set its
  own Cache-Control (the search suggestions, Wagtail's image renditions) keeps it.

Everything else gets Django's `add_never_cache_headers` (`private, no-store, no-cache, …`): a
request that is not GET/HEAD, carries a session cookie, a signed-in user or an Authorization
header; a response that sets or deletes a cookie, renders a CSRF token, is not a 200 or a
permanent redirect (errors, redirects to log in), or that the view already marked private; and
every URL of the personal areas, the same list as the VCL's `pass` (kept equal by
portal/tests/test_cache_headers.py).

Listed right after WhiteNoise in MIDDLEWARE, so it sees the response after the session, CSRF and
message middleware have set their cookies; static files never reach it.
"""

import re

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

# deploy/varnish/portal.vcl, vcl_recv: the signed-in areas, sign-in, forms that apply or request,
# previews, the health check, the language switch and documents (their collection's privacy is
# checked on every download). English lives under /en/.
PERSONAL_PATHS = (
    re.compile(
        r"^(/en)?/(admin|accounts|mina-sidor|medarbetare|handlaggning|forhandsvisning|health"
        r"|i18n|documents)(/|\?|$)"
    ),
    re.compile(r"^(/en)?/e-tjanster/.+/ansok/"),
    re.compile(r"^(/en)?/diarium/begar-ut/"),
)

# A page and a permanent redirect are the same for everyone; a temporary redirect (to log in, to
# the visitor's language), an error or a "not found" is not kept (errors are retried at once).
SHAREABLE_STATUSES = {200, 301, 308}

PRIVATE_DIRECTIVES = re.compile(r"\b(private|no-store|no-cache)\b", re.I)


def directives(response) -> set[str]:
    """The Cache-Control directives' names, in lower case."""
    header = response.get("Cache-Control", "")
    return {part.split("=")[0].strip().lower() for part in header.split(",") if part.strip()}


def is_personal_path(path: str) -> bool:
    return any(pattern.match(path) for pattern in PERSONAL_PATHS)


def is_personal(request, response) -> bool:
    """Whether `response` belongs to this request's visitor alone (or to nobody: an error)."""
    if request.method not in ("GET", "HEAD") or "Authorization" in request.headers:
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    # Sets, renews or deletes a cookie: the session, the CSRF token, messages, …
    if response.cookies:
        return True
    # get_token() ran, so the page carries a CSRF token (a form), even when its cookie was
    # already set (Django keeps the key once the token has been used in this request).
    if "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
        return True
    if getattr(request, "is_preview", False) or is_personal_path(request.path):
        return True
    if response.status_code not in SHAREABLE_STATUSES:
        return True
    return bool(PRIVATE_DIRECTIVES.search(response.get("Cache-Control", "")))


def is_wagtail_page(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request, response):
            # A view that already said `private, no-store` (file downloads, preview links) keeps
            # its own header; anything less strict is made `private, no-store, …`.
            if not {"private", "no-store"} <= directives(response):
                add_never_cache_headers(response)
        elif not response.has_header("Cache-Control"):
            if is_wagtail_page(request):
                patch_cache_control(
                    response,
                    public=True,
                    max_age=settings.PAGE_CACHE_MAX_AGE,
                    s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE,
                )
            else:
                patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
        return response
