"""The register's files: stored privately, checked by extension *and* first bytes.

A policy or a template is an internal document. The files live outside MEDIA_ROOT, in
`PRIVATE_MEDIA_ROOT / "dokumentregister"`, under random names, and have no public address: the
only way to them is the register's download view, for signed-in employees and only while the
document is valid (views.download). The checks follow the web forms' (citizen_portal/forms.py):
a renamed program or web page is refused whatever it is called.
"""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

MAX_SIZE = 20 * 1024 * 1024
ZIP = b"PK\x03\x04"  # DOCX, XLSX and ODT are ZIP packages

# Extension → (content type, how its first bytes begin, what employees call it).
FILE_TYPES = {
    ".pdf": ("application/pdf", b"%PDF-", "PDF"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP,
        "Word",
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP, "Excel"),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP, "OpenDocument-text"),
}
ACCEPT = ",".join([*FILE_TYPES, *(content_type for content_type, _m, _l in FILE_TYPES.values())])


class RegisterStorage(FileSystemStorage):
    """A file system storage in `PRIVATE_MEDIA_ROOT/dokumentregister` that has no URLs."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(
            self._location, Path(settings.PRIVATE_MEDIA_ROOT) / "dokumentregister"
        )

    def url(self, name):
        raise ValueError("Register documents have no public URL; link to the download view.")


register_storage = RegisterStorage()


def get_register_storage():
    """For `FileField(storage=…)`: a callable keeps the storage out of the migrations."""
    return register_storage


def register_file_path(instance, filename):
    """A random name in a folder per year; the download is named after the title."""
    extension = os.path.splitext(filename)[1].lower()
    return f"{timezone.localdate():%Y}/{uuid.uuid4().hex}{extension}"


def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lower()


def size_text(size: int) -> str:
    """20 MB, not 20,0 MB."""
    return filesizeformat(size).replace("\xa0", " ").replace(",0 ", " ").replace(".0 ", " ")


def validate_register_file(value):
    """PDF, DOCX, XLSX or ODT whose first bytes match its extension, at most 20 MB. A file
    already stored was checked when it came in."""
    if not value or getattr(value, "_committed", False):
        return
    extension = extension_of(value.name)
    if extension not in FILE_TYPES:
        raise ValidationError(
            _("Filtypen går inte att använda: välj en PDF-, DOCX-, XLSX- eller ODT-fil."),
            code="file_type",
        )
    if value.size > MAX_SIZE:
        raise ValidationError(
            _("Filen är för stor: högst %(limit)s. Din fil är %(size)s."),
            code="file_size",
            params={"limit": size_text(MAX_SIZE), "size": size_text(value.size)},
        )
    _content_type, signature, _label = FILE_TYPES[extension]
    upload = value.file if hasattr(value, "file") else value
    position = upload.tell()
    upload.seek(0)
    head = upload.read(len(signature))
    upload.seek(position)
    if head != signature:
        raise ValidationError(
            _(
                "Filen går inte att öppna som %(type)s. Den kan vara skadad eller ha fel "
                "filändelse."
            ),
            code="file_content",
            params={"type": extension.lstrip(".").upper()},
        )
