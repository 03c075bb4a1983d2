"""The register's invariants: a department of the document's own municipality, and only real
PDF, DOCX, XLSX or ODT files of at most 20 MB, stored privately under random names."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from employee_portal.documents.files import MAX_SIZE
from employee_portal.documents.models import RegisterDocument
from portal.models import Department

from .factories import PDF, RegisterDocumentFactory, municipality

pytestmark = pytest.mark.django_db

ZIP = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40


def unsaved(**fields) -> RegisterDocument:
    data = {
        "title": "Riktlinje för tjänsteresor",
        "description": "När du får resa i tjänsten och hur resan bokas.",
        "category": RegisterDocument.Category.GUIDELINE,
        "municipality": municipality("mellerud"),
        "owner": "Ekonomichef, Melleruds kommun",
        "owner_email": "ekonomi@mellerud.se",
        "valid_until": timezone.localdate() + datetime.timedelta(days=30),
        "file": ContentFile(PDF, name="resor.pdf"),
    }
    data.update(fields)
    return RegisterDocument(**data)


def accepted(document) -> RegisterDocument:
    """Cleaned without a single error, then saved: the register holds it, with its file in the
    private storage under a random name."""
    document.full_clean()
    document.save()
    stored = RegisterDocument.objects.get(pk=document.pk)
    assert stored.file.storage.exists(stored.file.name)
    assert Path(stored.file.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    return stored


def errors_of(document) -> dict:
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    return caught.value.message_dict


def test_a_complete_document_is_accepted_and_stored_privately():
    stored = accepted(unsaved())

    assert stored.title == "Riktlinje för tjänsteresor"
    assert stored.content_type == "application/pdf"


def test_a_department_of_another_municipality_is_refused():
    amal_department = Department.objects.filter(municipality__slug="amal").first()

    errors = errors_of(unsaved(department=amal_department))

    assert errors["department"] == ["Förvaltningen hör till en annan kommun än den du valt."]


def test_a_department_of_the_documents_own_municipality_is_accepted():
    mellerud_department = Department.objects.filter(municipality__slug="mellerud").first()

    assert accepted(unsaved(department=mellerud_department)).department == mellerud_department


def test_a_shared_document_cannot_name_one_municipalitys_department():
    errors = errors_of(
        unsaved(
            municipality=None,
            department=Department.objects.filter(municipality__slug="mellerud").first(),
        )
    )

    assert "department" in errors


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rutin.exe", b"MZ\x90\x00", "Filtypen går inte att använda"),
        ("rutin.html", b"<html></html>", "Filtypen går inte att använda"),
        ("rutin.pdf", b"<html><script>alert(1)</script>", "Filen går inte att öppna som PDF"),
        ("rutin.docx", PDF, "Filen går inte att öppna som DOCX"),
        ("rutin.xlsx", b"MZ\x90\x00", "Filen går inte att öppna som XLSX"),
    ],
)
def test_a_file_of_the_wrong_type_or_with_the_wrong_first_bytes_is_refused(name, content, message):
    errors = errors_of(unsaved(file=ContentFile(content, name=name)))

    assert message in errors["file"][0]


@pytest.mark.parametrize(
    ("name", "content"),
    [("rutin.pdf", PDF), ("mall.docx", ZIP), ("budget.xlsx", ZIP), ("plan.odt", ZIP)],
)
def test_pdf_docx_xlsx_and_odt_with_matching_first_bytes_are_accepted(name, content):
    stored = accepted(unsaved(file=ContentFile(content, name=name)))

    assert stored.file_extension == Path(name).suffix
    assert stored.download_name.endswith(Path(name).suffix)


def test_a_file_over_20_mb_is_refused():
    big = ContentFile(PDF + b"\x00" * (MAX_SIZE + 1 - len(PDF)), name="stor.pdf")

    errors = errors_of(unsaved(file=big))

    assert "Filen är för stor: högst 20 MB" in errors["file"][0]


def test_the_file_is_stored_privately_under_a_random_name():
    document = RegisterDocumentFactory(title="Rutin för kassahantering")

    path = Path(document.file.path).resolve()
    assert path.is_relative_to((Path(settings.PRIVATE_MEDIA_ROOT) / "dokumentregister").resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert "rutin" not in path.name and "kassahantering" not in path.name
    assert path.read_bytes() == PDF
    with pytest.raises(ValueError):
        _ = document.file.url


def test_current_leaves_out_documents_whose_last_day_has_passed():
    today = timezone.localdate()
    last_day_today = RegisterDocumentFactory(valid_until=today)
    expired = RegisterDocumentFactory(valid_until=today - datetime.timedelta(days=1))

    current = RegisterDocument.objects.current()

    assert current.filter(pk=last_day_today.pk).exists()
    assert not current.filter(pk=expired.pk).exists()
    assert expired.is_expired and not last_day_today.is_expired


def test_a_replaced_or_deleted_documents_file_is_removed_once_committed(
    django_capture_on_commit_callbacks,
):
    document = RegisterDocumentFactory()
    first = Path(document.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(PDF, name="ny-version.pdf")
        document.save()
    second = Path(document.file.path)

    assert second.exists() and second != first
    assert not first.exists()

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()

    assert not second.exists()
