"""Telling residents about links known to be broken (the link check's findings), beside the
link: "(länken fungerar inte just nu)". Text, not only a colour, so everyone gets it.

    {% load agencies_tags %}
    {{ page.how_to_apply|richtext|mark_broken_links }}   rich text: a note after each broken link
    <a href="{{ value.url }}">{{ value.name }}</a>{% broken_link_note value.url %}
"""

import re

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from wagtail.rich_text import RichText

from ..linkcheck import normalise
from ..registry import broken_urls

register = template.Library()

ANCHOR = re.compile(r"<a\b[^>]*>.*?</a>", re.IGNORECASE | re.DOTALL)
HREF = re.compile(r"""\shref=(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def _note() -> str:
    return render_to_string("agencies/includes/broken_link_note.html").strip()


def _url_of(anchor: str) -> str | None:
    match = HREF.search(anchor)
    return normalise(match.group(2)) if match else None


@register.filter
def mark_broken_links(value):
    """Rendered rich text with a note after every link the link check found broken. One query,
    and none for text without external links."""
    if isinstance(value, RichText | SafeData):
        html = str(value)
    else:
        # Not HTML the site made: escaped as Django would, so it has no links to mark.
        return conditional_escape(value)
    urls = {url for url in map(_url_of, ANCHOR.findall(html)) if url}
    broken = broken_urls(urls)
    if not broken:
        return mark_safe(html)  # noqa: S308 - already safe (rich text or a safe string)
    note = _note()
    marked = ANCHOR.sub(
        lambda match: (
            match.group(0) + " " + note if _url_of(match.group(0)) in broken else match.group(0)
        ),
        html,
    )
    return mark_safe(marked)  # noqa: S308 - safe input plus our own template's output


@register.simple_tag
def broken_link_note(url):
    """The note, if the link check last found `url` broken; else nothing."""
    normalised = normalise(url)
    if normalised and broken_urls({normalised}):
        return mark_safe(" " + _note())  # noqa: S308 - our own template's output
    return ""
