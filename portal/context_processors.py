from .models import Municipality


def portal(request):
    """What every page's header and footer need: the municipality switch."""
    return {"all_municipalities": Municipality.objects.all()}
