import io

import pytest
from django.core.management import call_command

from employee_portal.documents.models import RegisterDocument

pytestmark = pytest.mark.django_db


def test_the_demo_register_spans_the_municipalities_and_is_seeded_once():
    documents = RegisterDocument.objects.select_related("municipality")
    owners = {d.municipality.slug if d.municipality else None for d in documents}
    assert {None, "amal", "mellerud", "bengtsfors", "dals-ed", "fargelanda"} <= owners
    assert documents.expired().filter(title="Tillfällig rutin för distansarbete").exists()
    pdf = documents.get(title="Informationssäkerhetspolicy för Dalslandskommunerna")
    with pdf.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    count = documents.count()

    call_command("seed_demo", stdout=io.StringIO())

    assert RegisterDocument.objects.count() == count
