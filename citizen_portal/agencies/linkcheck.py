"""The link check (`manage.py check_links`, daily through the scheduler): every external link on
a live page and every address in the agency register is asked whether it still answers.

1. Collect: the http(s) links in every live page's rich text, StreamField and URL fields (and
   those of its inline children), and every agency's address; each address once, with the
   pages and agencies it was found on.
2. Check, several at a time: HEAD, following redirects; GET when HEAD is refused or fails
   (some servers answer HEAD with 405, 403 or 501, or not at all), but not after a timeout,
   which a GET would only repeat. Each request has its own timeout.
3. Record, in one transaction: the final status, where a redirect led, when the address first
   failed. Addresses no longer found anywhere are forgotten.
4. Tell: the owner of each page with a link that has turned broken gets one e-mail per page
   (a background task, after commit), once per link and page until the link works again.

If no address answers at all, the server itself is most likely offline: nothing is recorded,
so residents do not see every link marked broken because of the portal's own network.
"""

import concurrent.futures
import dataclasses
import html
import logging
import re
from collections import defaultdict
from functools import partial
from urllib.parse import urlsplit, urlunsplit

import requests
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from portal.review import reminder_recipient

from .models import Agency, LinkCheck, LinkOccurrence

logger = logging.getLogger(__name__)

MAX_URL_LENGTH = 2000
MAX_REDIRECTS = 10
# Fewer addresses than this all failing may be real; more, and it is the portal's network.
OFFLINE_THRESHOLD = 3

HREF = re.compile(r"""<a\b[^>]*?\shref=(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def timeout_seconds() -> float:
    return float(getattr(settings, "LINK_CHECK_TIMEOUT", 10))


def worker_count() -> int:
    return int(getattr(settings, "LINK_CHECK_WORKERS", 8))


# --- Finding links ------------------------------------------------------------------------------


def normalise(url: str) -> str | None:
    """The address to check for a link's href, or None if it is not an external web address.
    The fragment is dropped: `…/sida#avsnitt` and `…/sida` are the same request."""
    url = html.unescape(url or "").strip()
    if not url.lower().startswith(("http://", "https://")) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.hostname:
        return None
    url = urlunsplit(parts._replace(fragment=""))
    return url if len(url) <= MAX_URL_LENGTH else None


def links_in_html(text: str):
    for match in HREF.finditer(text or ""):
        url = normalise(match.group(2))
        if url:
            yield url


def links_in_raw_stream(data):
    """Links in a StreamField's raw JSON: rich text (HTML with <a href>), URL blocks and any
    other text block whose whole value is a web address (e.g. an e-service button's)."""
    if isinstance(data, dict):
        for value in data.values():
            yield from links_in_raw_stream(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from links_in_raw_stream(value)
    elif isinstance(data, str):
        whole = normalise(data)
        if whole:
            yield whole
        elif "<a" in data:
            yield from links_in_html(data)


_LINK_FIELDS: dict[type, list] = {}


def _link_fields(model) -> list:
    """The fields of `model` that can hold links (cached per model)."""
    if model not in _LINK_FIELDS:
        _LINK_FIELDS[model] = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, StreamField | RichTextField | models.URLField)
        ]
    return _LINK_FIELDS[model]


def _child_relations(model) -> list:
    """The inline children (ParentalKey) of `model` whose model has fields with links."""
    return [
        relation
        for relation in get_all_child_relations(model)
        if _link_fields(relation.related_model)
    ]


def links_in_instance(instance):
    for field in _link_fields(type(instance)):
        value = field.value_from_object(instance)
        if not value:
            continue
        if isinstance(field, StreamField):
            yield from links_in_raw_stream(list(value.raw_data))
        elif isinstance(field, RichTextField):
            yield from links_in_html(value)
        else:
            url = normalise(value)
            if url:
                yield url
    for relation in _child_relations(type(instance)):
        for child in getattr(instance, relation.get_accessor_name()).all():
            yield from links_in_instance(child)


@dataclasses.dataclass
class Found:
    pages: set[int] = dataclasses.field(default_factory=set)
    agencies: set[int] = dataclasses.field(default_factory=set)


def collect_links() -> dict[str, Found]:
    """Every external address on a live page or in the register, with where it was found."""
    found: dict[str, Found] = defaultdict(Found)
    # The page row holds the live content; drafts are only in revisions and are not checked.
    for page in Page.objects.live().specific().iterator(chunk_size=200):
        for url in links_in_instance(page):
            found[url].pages.add(page.pk)
    for agency in Agency.objects.all():
        url = normalise(agency.url)
        if url:
            found[url].agencies.add(agency.pk)
    return dict(found)


# --- Checking ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Result:
    url: str
    status_code: int | None = None
    error: str = ""
    redirected_to: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and self.status_code is not None and self.status_code < 400


def _user_agent() -> str:
    return f"Dalslandsportalen-lankkontroll/1.0 (+{settings.WAGTAILADMIN_BASE_URL})"


def _from_response(url: str, response) -> Result:
    final = response.url if response.history else ""
    return Result(
        url=url,
        status_code=response.status_code,
        redirected_to=final if final and final != url else "",
    )


def _error(url: str, exc: Exception) -> Result:
    Error = LinkCheck.Error
    if isinstance(exc, requests.Timeout):
        kind = Error.TIMEOUT
    elif isinstance(exc, requests.exceptions.SSLError):
        kind = Error.CERTIFICATE
    elif isinstance(exc, requests.ConnectionError):
        kind = Error.CONNECTION
    elif isinstance(exc, requests.TooManyRedirects):
        kind = Error.REDIRECTS
    elif isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        kind = Error.INVALID
    else:
        kind = Error.OTHER
    return Result(url=url, error=kind)


def check_url(url: str, timeout: float) -> Result:
    """Ask `url` with HEAD, then with GET unless HEAD got an answer below 400 or timed out."""
    try:
        return _ask(url, timeout)
    except Exception:  # one odd address must not stop the whole check
        logger.exception("Link check of %s failed", url)
        return Result(url=url, error=LinkCheck.Error.OTHER)


def _ask(url: str, timeout: float) -> Result:
    with requests.Session() as session:
        session.max_redirects = MAX_REDIRECTS
        session.headers.update({"User-Agent": _user_agent(), "Accept": "*/*"})
        try:
            response = session.head(url, allow_redirects=True, timeout=timeout)
            response.close()
            result = _from_response(url, response)
            if result.ok:
                return result
        except requests.Timeout as exc:
            return _error(url, exc)
        except requests.RequestException:
            pass
        try:
            # stream: only the status and headers are needed, not the body.
            with session.get(url, allow_redirects=True, timeout=timeout, stream=True) as response:
                return _from_response(url, response)
        except requests.RequestException as exc:
            return _error(url, exc)


def check_all(urls, timeout: float, workers: int) -> dict[str, Result]:
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return dict(zip(urls, pool.map(partial(check_url, timeout=timeout), urls), strict=True))


# --- Recording ------------------------------------------------------------------------------------


def _record(found: dict[str, Found], results: dict[str, Result], now) -> dict:
    existing = {link.url: link for link in LinkCheck.objects.filter(url__in=list(found))}
    summary = {"checked": len(results), "broken": 0, "newly_broken": 0, "redirected": 0}
    for url, result in results.items():
        link = existing.get(url) or LinkCheck(url=url)
        was_broken = link.pk is not None and not link.ok
        link.status_code = result.status_code
        link.error = result.error
        link.redirected_to = result.redirected_to
        link.ok = result.ok
        link.checked_at = now
        if link.ok:
            link.first_failed_at = None
        elif link.first_failed_at is None:
            link.first_failed_at = now
        link.save()

        pages = found[url].pages
        occurrences = link.occurrences.all()
        occurrences.exclude(page_id__in=pages).delete()
        known = set(occurrences.values_list("page_id", flat=True))
        LinkOccurrence.objects.bulk_create(
            LinkOccurrence(link=link, page_id=page_id) for page_id in sorted(pages - known)
        )
        if link.ok:
            # Told once per breakage: if it breaks again, the owner hears of it again.
            link.occurrences.exclude(owner_notified_at=None).update(owner_notified_at=None)
        link.agencies.set(found[url].agencies)

        summary["broken"] += not link.ok
        summary["newly_broken"] += not link.ok and not was_broken
        summary["redirected"] += bool(link.redirected_to)
    # Addresses that are no longer on any live page or in the register.
    LinkCheck.objects.exclude(url__in=list(found)).delete()
    return summary


def _notify_owners(now) -> int:
    """Queue one e-mail per page whose owner has not been told about a broken link on it."""
    from portal import outbox

    from .emails import broken_link_email

    pending = (
        LinkOccurrence.objects.filter(link__ok=False, owner_notified_at=None, page__live=True)
        .select_related("page", "page__owner", "link")
        .order_by("page_id", "link__url")
    )
    by_page = defaultdict(list)
    for occurrence in pending:
        by_page[occurrence.page].append(occurrence)
    notified = 0
    for page, occurrences in by_page.items():
        recipient = reminder_recipient(page)
        if recipient is None:
            logger.warning(
                "No one to tell about broken links on page %s: its owner has no e-mail address "
                "and CONTENT_REVIEW_FALLBACK_EMAIL is empty.",
                page.pk,
            )
            continue
        links = sorted({o.link for o in occurrences}, key=lambda link: link.url)
        # The e-mail is stored with owner_notified_at: both or neither.
        with transaction.atomic():
            LinkOccurrence.objects.filter(pk__in=[o.pk for o in occurrences]).update(
                owner_notified_at=now
            )
            outbox.queue(broken_link_email(page, links, recipient), kind="broken-links")
        notified += 1
    return notified


def run_link_check(timeout: float | None = None, workers: int | None = None) -> dict:
    """Collect, check, record and tell (see the module's docstring). Returns what it did."""
    timeout = timeout_seconds() if timeout is None else timeout
    workers = worker_count() if workers is None else workers
    found = collect_links()
    urls = sorted(found)
    results = check_all(urls, timeout, workers)
    if len(results) >= OFFLINE_THRESHOLD and all(r.status_code is None for r in results.values()):
        logger.warning(
            "Link check: none of %s addresses answered; the server seems to be offline. "
            "Nothing was recorded.",
            len(results),
        )
        return {"checked": len(results), "offline": True}
    now = timezone.now()
    with transaction.atomic():
        summary = _record(found, results, now)
        summary["owners_told"] = _notify_owners(now)
    return summary
