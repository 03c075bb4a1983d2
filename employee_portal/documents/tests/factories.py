import datetime

import factory
from django.utils import timezone

from employee_portal.documents.models import RegisterDocument
from portal.models import Municipality

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def municipality(slug: str) -> Municipality:
    return Municipality.objects.get(slug=slug)


class RegisterDocumentFactory(factory.django.DjangoModelFactory):
    """A valid Åmål routine with a small PDF; pass `municipality=None` for a shared one."""

    title = factory.Sequence(lambda n: f"Rutin för nyckelkvittens {n}")
    description = "Hur nycklar och passerkort lämnas ut och kvitteras."
    category = RegisterDocument.Category.ROUTINE
    municipality = factory.LazyFunction(lambda: municipality("amal"))
    owner = "Fastighetschef, Åmåls kommun"
    owner_email = "fastighet@amal.se"
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
    version = "1.0"
    file = factory.django.FileField(filename="rutin.pdf", data=PDF)

    class Meta:
        model = RegisterDocument
