import datetime

import factory
from django.utils import timezone

from portal.previews.models import PreviewLink
from portal.previews.services import hash_token


class PreviewLinkFactory(factory.django.DjangoModelFactory):
    """A link made without the service's checks, e.g. to a page that can no longer be shared.
    Pass `page=`; `token=` is the secret the address holds (only its digest is stored)."""

    token_hash = factory.LazyAttribute(lambda link: hash_token(link.token))
    note = "Granskare i test"
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))

    class Params:
        token = factory.Sequence(lambda n: f"testtoken-{n:040d}")

    class Meta:
        model = PreviewLink
