"""Content-Security-Policy and Permissions-Policy on every response (docs/operations.md,
"Security headers"). Django's SecurityMiddleware adds Referrer-Policy, X-Content-Type-Options
and, in production, Strict-Transport-Security; XFrameOptionsMiddleware adds X-Frame-Options.

The policy itself is `CONTENT_SECURITY_POLICY` in config/settings/base.py (django-csp). This
middleware is django-csp's, with three decisions of the portal's own:

* **frame-ancestors follows X-Frame-Options.** Every response says `DENY` /
  `frame-ancestors 'none'`, except the ones Wagtail marks `SAMEORIGIN` (its preview, shown in
  the editor's iframe), which get `frame-ancestors 'self'`.
* **The Wagtail admin (/admin/) allows inline scripts and styles.** Wagtail 8 writes inline
  `<script>`s with per-field ids (InlinePanel, the date and time widgets, search promotions,
  wagtail-localize) and style attributes; they carry no nonce and cannot be hashed. Only
  signed-in staff with a second factor reach it, and it is never cached.
* **A nonce is never cached.** The portal's own templates have no inline script, so the header
  of a cacheable page is the same for everyone and Varnish may keep it with the page. Should a
  response ever use `request.csp_nonce`, it is made `private, no-store`, so neither Varnish nor
  the portal's caches replay one visitor's nonce to the next.

What the browser blocks it reports to `csp_report` (`report-uri /csp-rapport/`), which logs it.

Listed right after SecurityMiddleware, outside the cache headers (portal/cache_headers.py), so
it sees the final Cache-Control and the X-Frame-Options of the view.
"""

import json
import logging
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal import throttle
from portal.cache_headers import directives

# Features the portal uses none of are switched off for it and everything it frames; the
# second-factor pages use passkeys (WebAuthn) on the portal's own origin.
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "autoplay=()",
        "camera=()",
        "display-capture=()",
        "encrypted-media=()",
        "fullscreen=(self)",
        "geolocation=()",
        "gyroscope=()",
        "hid=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        "picture-in-picture=()",
        "publickey-credentials-create=(self)",
        "publickey-credentials-get=(self)",
        "screen-wake-lock=()",
        "serial=()",
        "usb=()",
        "xr-spatial-tracking=()",
    ]
)

ADMIN_PREFIX = "/admin/"


def media_origin() -> str | None:
    """The origin public media is served from when it is not the portal's own (an S3 bucket),
    for img-src; None when media is served by the portal."""
    try:
        url = default_storage.url("csp")
    except Exception:  # noqa: BLE001 - a storage that cannot make URLs has none to allow
        return None
    parts = urlsplit(url)
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


class SecurityHeadersMiddleware(CSPMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self.media_origin = media_origin()

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        update = dict(parts.update or {})
        replace = dict(parts.replace or {})
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            replace["frame-ancestors"] = [SELF]
        else:
            replace.setdefault("frame-ancestors", [NONE])
        added = {}
        if request.path_info.startswith(ADMIN_PREFIX):
            added = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}
            # Image previews of uploads (blob:) and the focal point tool.
            added["img-src"] = ["blob:"]
        if self.media_origin:
            added["img-src"] = [*added.get("img-src", []), self.media_origin]
        for directive, sources in added.items():
            update[directive] = [*update.get(directive, []), *sources]
        parts.update = update
        parts.replace = replace
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        nonce_used = isinstance(getattr(request, "_csp_nonce", None), str)
        if nonce_used and not {"private", "no-store"} <= directives(response):
            add_never_cache_headers(response)
        return response


logger = logging.getLogger(__name__)

# A report is a small JSON object; anything longer is cut before it is read.
REPORT_MAX_BYTES = 16 * 1024


def _without_query(address) -> str:
    """An address without its query, fragment and long ids: a search, a diary query, a case id
    or a preview link's token may be personal or secret, and the rest is enough to find the
    template."""
    if not isinstance(address, str):
        return ""
    parts = urlsplit(address)
    if parts.scheme in ("http", "https"):
        path = "/".join(
            "…" if len(step) >= 20 and any(c.isdigit() for c in step) else step
            for step in parts.path.split("/")
        )
        return f"{parts.scheme}://{parts.netloc}{path}"[:300]
    return address[:100]  # "inline", "eval", "data", …


@csrf_exempt
@require_POST
def csp_report(request):
    """`report-uri` of the policy: the browser posts what it blocked; the portal logs it
    (logger `portal.security_headers`, WARNING), at most CSP_REPORTS_PER_MINUTE per client, so
    a robot cannot fill the log. Always 204: the browser expects no answer."""
    if (
        throttle.hit("csp-report", request, limit=settings.CSP_REPORTS_PER_MINUTE, window=60)
        is not None
    ):
        return HttpResponse(status=204)
    try:
        body = json.loads(request.body[:REPORT_MAX_BYTES])
    except ValueError:
        return HttpResponse(status=204)
    report = body.get("csp-report") if isinstance(body, dict) else None
    if isinstance(report, dict):
        logger.warning(
            "Content-Security-Policy blocked %s (%s) on %s (%s:%s)",
            _without_query(report.get("blocked-uri")),
            str(report.get("effective-directive") or report.get("violated-directive"))[:100],
            _without_query(report.get("document-uri")),
            _without_query(report.get("source-file")),
            str(report.get("line-number", ""))[:10],
        )
    return HttpResponse(status=204)
