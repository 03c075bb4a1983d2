"""Making, revoking and opening preview links (docs/preview-links.md).

An editor who may edit a page makes a link for a named reviewer, valid 1–30 days; anyone with
the address sees the page's latest revision, rendered the way the admin's "Visa utkast"
renders it, under a banner that says it is not published. Making and revoking are logged in
the page's history.
"""

import datetime
import hashlib
import re
import secrets

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from .models import PreviewLink, editable_pages

DEFAULT_DAYS = 7
MAX_DAYS = 30

CREATED = "previews.link_created"
REVOKED = "previews.link_revoked"

# Sections of the tree that are not for the public. Their drafts are not shared through a
# link: the person who should review them is an employee and can sign in.
PRIVATE_SECTION_TYPES = ("employee_portal.EmployeeHomePage",)

# A token is 43 characters; anything much longer is not one, and is not hashed.
MAX_TOKEN_LENGTH = 100

_BODY_TAG = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)


class NotShareable(Exception):
    """The page may not be shown through a preview link; the message says why."""


def hash_token(token: str) -> str:
    """What is stored of a token. The token holds 256 random bits, so a plain SHA-256 cannot
    be reversed by guessing: no salt or slow hash is needed."""
    return hashlib.sha256(token.encode()).hexdigest()


def _private_content_types():
    private = []
    for label in PRIVATE_SECTION_TYPES:
        try:
            private.append(apps.get_model(label))
        except LookupError:
            continue
    return list(ContentType.objects.get_for_models(*private).values())


def in_private_section(page) -> bool:
    """Whether `page` is a private section's root or lies below one."""
    return (
        Page.objects.ancestor_of(page, inclusive=True)
        .filter(content_type__in=_private_content_types())
        .exists()
    )


def refusal(page) -> str | None:
    """Why `page` cannot be shared through a preview link, or None when it can."""
    if page.is_root() or not page.specific_deferred.is_previewable():
        return _("Den här sidan kan inte förhandsvisas.")
    if in_private_section(page):
        return _(
            "Sidan hör till Medarbetarportalen, som bara är till för anställda. Dess utkast "
            "delas inte med en länk: den som ska granska sidan kan logga in och se utkastet "
            "i redigeringsverktyget."
        )
    if page.get_view_restrictions().exists():
        return _(
            "Sidan är skyddad med lösenord eller inloggning. Dess utkast delas inte med en "
            "länk, som skulle gå förbi skyddet."
        )
    return None


def may_manage_links(user, page) -> bool:
    """Whether `user` may make, see and revoke `page`'s links: whoever may edit the page."""
    return (
        page.permissions_for_user(user).can_edit()
        and editable_pages(user).filter(pk=page.pk).exists()
    )


def links_for(user, page):
    """`page`'s links that `user` may see: all of them if they may edit it, else none."""
    return (
        PreviewLink.objects.for_user(user)
        .filter(page=page)
        .select_related("created_by", "revoked_by")
    )


def create_link(page, user, *, days: int = DEFAULT_DAYS, note: str) -> tuple[PreviewLink, str]:
    """A new link to `page` for the reviewer in `note`, valid `days` days. Returns the link and
    its token: the token is not stored, so this is the only time anyone sees it."""
    if not may_manage_links(user, page):
        raise PermissionDenied
    reason = refusal(page)
    if reason:
        raise NotShareable(reason)
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"A preview link is valid 1–{MAX_DAYS} days, not {days}.")
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        link = PreviewLink.objects.create(
            page=page,
            token_hash=hash_token(token),
            note=note,
            created_by=user,
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
        )
        log(
            instance=page,
            action=CREATED,
            user=user,
            data={"link": link.pk, "note": note, "expires_at": link.expires_at.isoformat()},
        )
    return link, token


def revoke_link(page, link_id, user) -> PreviewLink:
    """Revoke one of `page`'s links at once. PreviewLink.DoesNotExist when `user` may not edit
    the page, or the link is another page's. Revoking twice changes nothing."""
    with transaction.atomic():
        link = (
            PreviewLink.objects.for_user(user)
            .select_for_update()
            .filter(page=page, pk=link_id)
            .get()
        )
        if link.revoked_at is None:
            link.revoked_at = timezone.now()
            link.revoked_by = user
            link.save(update_fields=["revoked_at", "revoked_by"])
            log(instance=page, action=REVOKED, user=user, data={"link": link.pk, "note": link.note})
    return link


def open_link(token: str) -> PreviewLink | None:
    """The usable link with this token, its view counted; None for an unknown, expired or
    revoked token, or a page that has since become impossible to share (moved into a private
    section, protected)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    link = (
        PreviewLink.objects.usable()
        .select_related("page")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if link is None or refusal(link.page) is not None:
        return None
    now = timezone.now()
    PreviewLink.objects.filter(pk=link.pk).update(
        view_count=F("view_count") + 1, last_viewed_at=now
    )
    return link


def render_preview(request, link):
    """The page's latest revision, as the admin's "Visa utkast" renders it (a request made to
    look like one to the page's own address, so nothing on the page holds the token), with the
    banner."""
    page = link.page.get_latest_revision_as_object()
    response = page.make_preview_request(request, page.default_preview_mode)
    return _with_banner(response, link, page)


def _with_banner(response, link, page):
    """Put the "not published" banner first in the page's body, and its style sheet in the
    head. Anything other than a whole HTML page is left as it is."""
    if (
        response.streaming
        or response.status_code != 200
        or not response.get("Content-Type", "").startswith("text/html")
    ):
        return response
    content = response.content
    body = _BODY_TAG.search(content)
    if body is None:
        return response
    # The banner speaks the page's language, as the page around it does.
    language = getattr(getattr(page, "locale", None), "language_code", None)
    with translation.override(language or translation.get_language()):
        banner = render_to_string("previews/banner.html", {"link": link}).encode(response.charset)
        style = render_to_string("previews/banner_style.html").encode(response.charset)
    content = content[: body.end()] + banner + content[body.end() :]
    head_end = _HEAD_END.search(content)
    if head_end is not None:
        content = content[: head_end.start()] + style + content[head_end.start() :]
    response.content = content
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(content))
    return response
