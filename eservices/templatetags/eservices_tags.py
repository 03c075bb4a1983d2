from django import template

register = template.Library()


@register.simple_tag
def eservices_for(page):
    """The open e-services a service page describes (in any of its languages), so the page can
    offer "Ansök" straight into the e-service."""
    from eservices.models import EService

    return list(
        EService.objects.filter(
            active=True, service_page__translation_key=page.translation_key
        ).select_related("municipality")
    )
