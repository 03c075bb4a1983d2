"""The sitemap lists every live, public page in every language. Employee pages contribute no
URLs (`EmployeeOnlyPage.get_sitemap_urls`)."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_language = Q()
        for translation in root.get_translations(inclusive=True):
            in_any_language |= Q(path__startswith=translation.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_any_language)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
