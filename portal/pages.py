"""What the portal's page types share: finding the page for an address in two queries,
whatever its depth, and leaving out restricted pages without a query.

Routing.

Wagtail's Page.route() walks the address one slug at a time, with two queries per level (the
child, then its specific page): eight for `/mellerud/barn-och-utbildning/forskola/`. Every
page's `url_path` already holds its whole address under the site's root, so PortalPage.route()
fetches the pages along the address in one query and the specific page at its end in one more.

It gives the same answer as Wagtail's walk: a page whose type routes its own sub-addresses
(an overridden route(), such as RoutablePageMixin's) gets the rest of the address to route
itself; a missing page or a page that is not live ends in a 404.

Restricted pages. Wagtail's `.public()` reads every view restriction each time it is called,
and its view-restriction check each time a page is served. portal/lookups.py keeps the
restricted sections in memory, so listings and page views ask the database only about pages
that are in one.
"""

from django.http import Http404
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from . import lookups


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        return lookups.private_q()


class PortalPageManager(PageManager):
    def get_queryset(self):
        return PortalPageQuerySet(self.model).order_by("path")


def _routes_children_by_slug(page_class) -> bool:
    return page_class.route in (Page.route, PortalPage.route)


class PortalPage:
    """A mixin for the portal's page types (before Page in the bases). Each concrete page
    type's `objects` is a PortalPageManager (set on the abstract bases)."""

    @property
    def localized(self):
        """Wagtail's `localized` (the live translation in the active language, else this
        page), with the active locale from memory."""
        return lookups.localized(self)

    def route(self, request, path_components):
        if not path_components:
            if self.get_deferred_fields():
                # The site's root page as portal/lookups.py gives it: fetch its own fields.
                return type(self).objects.get(pk=self.pk).route(request, path_components)
            return super().route(request, path_components)
        addresses = [
            self.url_path + "".join(f"{slug}/" for slug in path_components[: i + 1])
            for i in range(len(path_components))
        ]
        found = lookups.pages_at(self, addresses)
        parent = self
        for i, address in enumerate(addresses):
            page = found.get(address)
            if page is None or page.depth != self.depth + i + 1:
                raise Http404
            page._cached_parent_obj = parent
            remaining = path_components[i + 1 :]
            page_class = page.specific_class
            if page_class is None:
                raise Http404
            if not remaining or not _routes_children_by_slug(page_class):
                specific = page.specific
                specific._cached_parent_obj = parent
                locale = lookups.locale_by_id(specific.locale_id)
                if locale is not None:
                    specific.locale = locale
                return specific.route(request, remaining)
            parent = page
        raise Http404

    def get_view_restrictions(self):
        """Wagtail's query of the restrictions on this page and its ancestors, made only when
        one may apply (portal/lookups.py knows every restricted section)."""
        if lookups.may_be_restricted(self):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
