"""The register's files: stored privately (portal/files.py), checked by extension *and* first
bytes.

A policy or a template is an internal document. The files live in the `documents` storage
(portal.storage_config): outside MEDIA_ROOT, in `PRIVATE_MEDIA_ROOT / "dokumentregister"`, or in
an S3 bucket under `dokumentregister/` with a private ACL; under random names, and have no
public address: the only way to them is the register's download view, for signed-in employees
and only while the document is valid (views.download).
"""

import uuid

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.files import (
    OFFICE_DOCUMENT_TYPES,
    NamedStorage,
    accept_attribute,
    check_file,
    extension_of,
)

MAX_SIZE = 20 * 1024 * 1024
FILE_TYPES = OFFICE_DOCUMENT_TYPES
ACCEPT = accept_attribute(FILE_TYPES)

register_storage = NamedStorage("documents")


def get_register_storage():
    """For `FileField(storage=…)`: `storages["documents"]`. A callable keeps the storage out of
    the migrations."""
    return register_storage


def register_file_path(instance, filename):
    """A random name in a folder per year; the download is named after the title."""
    return f"{timezone.localdate():%Y}/{uuid.uuid4().hex}{extension_of(filename)}"


def validate_register_file(value):
    """PDF, DOCX, XLSX or ODT whose first bytes match its extension, at most 20 MB. A file
    already stored was checked when it came in."""
    if not value or getattr(value, "_committed", False):
        return
    check_file(
        value,
        types=FILE_TYPES,
        max_size=MAX_SIZE,
        type_message=_("Filtypen går inte att använda: välj en PDF-, DOCX-, XLSX- eller ODT-fil."),
    )
