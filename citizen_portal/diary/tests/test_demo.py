"""The diary's demo content, as `seed_demo` left it in the session's test database."""

import io
import time
from collections import Counter

import pytest
from django.db.models import Count
from django.utils import timezone

from citizen_portal.diary.demo import registers, seed_diary
from citizen_portal.diary.models import Case, Document, Register
from citizen_portal.diary.publication import MASKED_NUMBER, PERSONAL_IDENTITY_NUMBER
from portal.demo import municipality

pytestmark = pytest.mark.django_db

# Words in the names of the boards whose registers are never published: nearly everything in
# them is secret (offentlighets- och sekretesslagen 26 kap. 1 §).
SOCIAL_SERVICES = ("social", "individ", "familj", "omsorg", "välfärd", "överförmyndar")


def test_the_demo_diary_has_thousands_of_documents_in_all_five_municipalities():
    assert Document.objects.count() >= 2000
    per_municipality = dict(
        Document.objects.values_list("municipality__slug").annotate(Count("id"))
    )
    assert set(per_municipality) == set(registers())
    assert min(per_municipality.values()) >= 200


def test_no_social_services_register_is_published():
    for code, name in Register.objects.values_list("code", "name"):
        assert code not in {"SN", "SOC", "IFO", "VN", "ÖFN"}
        assert not any(word in name.lower() for word in SOCIAL_SERVICES), name


def test_the_registers_have_names_and_the_registrars_address_on_the_municipalitys_domain():
    registers = Register.objects.filter(documents__isnull=False).distinct()
    assert registers.count() >= 15
    for register in registers.select_related("municipality"):
        domain = municipality(register.municipality.slug)["email_domain"]
        assert register.name
        assert register.registrar_email == f"registrator@{domain}"


def test_nothing_shaped_like_a_personnummer_is_stored_but_the_demo_had_some():
    texts = [
        *Case.objects.values_list("title", flat=True),
        *Case.objects.values_list("department", flat=True),
        *Document.objects.values_list("title", flat=True),
        *Document.objects.values_list("party", flat=True),
    ]
    assert [text for text in texts if PERSONAL_IDENTITY_NUMBER.search(text)] == []
    assert sum(MASKED_NUMBER in text for text in texts) >= 5


def test_private_parties_are_stored_without_a_name():
    private = Document.objects.filter(party_type=Document.PartyType.PRIVATE)
    assert private.count() > 100
    assert not private.exclude(party="").exists()


def test_a_few_percent_are_secrecy_marked_and_their_titles_are_not_stored():
    secret = Document.objects.exclude(secrecy="")
    share = secret.count() / Document.objects.count()
    assert 0.015 <= share <= 0.035
    assert not secret.exclude(title="").exists()
    assert all(
        reference.startswith("OSL ") for reference in secret.values_list("secrecy", flat=True)
    )


def test_amal_numbers_each_board_in_its_own_series():
    numbers = Counter(
        Case.objects.filter(municipality__slug="amal").values_list("case_number", flat=True)
    )
    assert any(count > 1 for count in numbers.values())
    assert all(len(number) == 10 and number[4] == "-" for number in numbers)
    assert Case.objects.filter(municipality__slug="mellerud", case_number__regex=r"^KS \d{4}/\d+$")


def test_documents_are_numbered_in_their_case_and_registered_on_weekdays_up_to_today():
    today = timezone.localdate()
    for case_number, number, registered, written in Document.objects.values_list(
        "case__case_number", "document_number", "registered_date", "document_date"
    ):
        assert number.startswith(f"{case_number}-")
        assert registered.weekday() < 5 and registered <= today
        assert written <= registered


def test_seeding_again_changes_nothing_and_is_quick():
    before = Document.objects.count(), Case.objects.count(), Register.objects.count()
    started = time.monotonic()

    message = seed_diary(io.StringIO(), None)

    assert time.monotonic() - started < 2
    assert (Document.objects.count(), Case.objects.count(), Register.objects.count()) == before
    assert "diarieposter" in message
