"""The portal's URLs and one test-only page with an inline script, for
tests/e2e/test_content_security_policy.py (set as ROOT_URLCONF by that test only)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns

INLINE_SCRIPT_PAGE = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>CSP</title></head>
<body><p id="status">Skriptet kördes inte</p>
<script>document.getElementById("status").textContent = "Skriptet kördes";</script>
</body></html>"""


def inline_script(request):
    return HttpResponse(INLINE_SCRIPT_PAGE)


urlpatterns = [path("csp-test/inline-script/", inline_script), *portal_urlpatterns]
