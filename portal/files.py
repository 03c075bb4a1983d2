"""Private files: what residents attach (forms, e-service cases) and the employees' document
register. One storage, one download response and one type check for all of them.

The files are personal data or internal documents. They live in the `private` and `documents`
storages (portal.storage_config): on the file system outside MEDIA_ROOT, in
`PRIVATE_MEDIA_ROOT` (a folder per kind of file), or in an S3 bucket with a private ACL; under
random names, and with no public address: each app hands them out only through a view that has
found the file through a query scoped to the person asking.

A file is checked by its extension *and* by its first bytes, so a renamed program or web page
is refused whatever it is called.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import django.forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.functional import LazyObject, cached_property, empty
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileType:
    content_type: str
    signatures: tuple[bytes, ...]
    label: str


ZIP = b"PK\x03\x04"  # DOCX, XLSX and ODT are ZIP packages

# What residents may attach. HEIC (iPhone photos) is left out: iPhones send JPEG to a web form
# that asks for it, and not every office computer opens HEIC. Word files are left out too: a
# certificate or a photo is a PDF or a picture.
ATTACHMENT_TYPES = {
    ".pdf": FileType("application/pdf", (b"%PDF-",), "PDF"),
    ".jpg": FileType("image/jpeg", (b"\xff\xd8\xff",), "JPEG"),
    ".jpeg": FileType("image/jpeg", (b"\xff\xd8\xff",), "JPEG"),
    ".png": FileType("image/png", (b"\x89PNG\r\n\x1a\n",), "PNG"),
}

# What the document register holds: policies, templates and plans.
OFFICE_DOCUMENT_TYPES = {
    ".pdf": FileType("application/pdf", (b"%PDF-",), "PDF"),
    ".docx": FileType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (ZIP,), "Word"
    ),
    ".xlsx": FileType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,), "Excel"
    ),
    ".odt": FileType("application/vnd.oasis.opendocument.text", (ZIP,), "OpenDocument-text"),
}


def accept_attribute(types: dict[str, FileType]) -> str:
    """The file input's `accept`: the extensions and the content types."""
    return ",".join([*types, *sorted({t.content_type for t in types.values()})])


ACCEPT = accept_attribute(ATTACHMENT_TYPES)


def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lower()


def size_text(size: int) -> str:
    """10 MB, not 10,0 MB: whole megabytes as the limits are set."""
    return filesizeformat(size).replace("\xa0", " ").replace(",0 ", " ").replace(".0 ", " ")


def detected_content_type(upload, types: dict[str, FileType] = ATTACHMENT_TYPES) -> str | None:
    """The content type the file's extension promises, if its first bytes keep the promise."""
    file_type = types.get(extension_of(upload.name))
    if file_type is None:
        return None
    handle = upload.file if hasattr(upload, "file") and upload.file is not None else upload
    position = handle.tell() if hasattr(handle, "tell") else 0
    handle.seek(0)
    head = handle.read(16)
    handle.seek(position)
    if any(head.startswith(signature) for signature in file_type.signatures):
        return file_type.content_type
    return None


UNREADABLE = _(
    "Filen går inte att öppna som %(type)s. Den kan vara skadad eller ha fel filändelse."
)


def check_file(
    value, *, types: dict[str, FileType], max_size: int, type_message, content_message=UNREADABLE
) -> None:
    """Raise ValidationError when `value` is of a type not in `types`, larger than `max_size`
    or not what its extension says (its first bytes)."""
    extension = extension_of(value.name)
    if extension not in types:
        raise ValidationError(type_message, code="file_type")
    if value.size > max_size:
        raise ValidationError(
            _("Filen är för stor: högst %(limit)s. Din fil är %(size)s."),
            code="file_size",
            params={"limit": size_text(max_size), "size": size_text(value.size)},
        )
    if detected_content_type(value, types) is None:
        raise ValidationError(
            content_message,
            code="file_content",
            params={"type": extension.lstrip(".").upper()},
        )


def max_attachment_size() -> int:
    return settings.FORM_UPLOAD_MAX_SIZE


def attachment_limits_text() -> str:
    return gettext("Du kan skicka en PDF-, JPEG- eller PNG-fil på högst %(size)s.") % {
        "size": size_text(max_attachment_size())
    }


class AttachmentInput(django.forms.FileInput):
    """A file input that tells the browser's file picker which types are welcome; the server
    checks again, as anyone can send anything."""

    def __init__(self, attrs=None):
        super().__init__({"accept": ACCEPT, **(attrs or {})})


class AttachmentField(django.forms.FileField):
    """One file a resident attaches: PDF, JPEG or PNG, at most `FORM_UPLOAD_MAX_SIZE` bytes."""

    widget = AttachmentInput

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        check_file(
            value,
            types=ATTACHMENT_TYPES,
            max_size=max_attachment_size(),
            type_message=_("Filtypen går inte att skicka: välj en PDF-, JPEG- eller PNG-fil."),
            content_message=_(
                "Filen går inte att öppna som %(type)s. Den kan vara skadad eller ha fel "
                "filändelse: välj en PDF-, JPEG- eller PNG-fil."
            ),
        )


class PrivateFileStorage(FileSystemStorage):
    """A file system storage under `PRIVATE_MEDIA_ROOT` (in `folder`, if given) that has no
    URLs at all: every file goes out through a view that checked who is asking."""

    def __init__(self, folder: str = "", **kwargs):
        self.folder = folder
        super().__init__(**kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(
            self._location, Path(settings.PRIVATE_MEDIA_ROOT) / self.folder
        )

    def url(self, name):
        raise ValueError("Private files have no public URL; link to the view that hands it out.")


class NamedStorage(LazyObject):
    """`storages[alias]`, looked up when first used and again after `STORAGES` changes.

    A model field keeps the storage it is given when its class is built; this stand-in lets a
    field follow the `STORAGES` setting (file system or S3, and a test's override) instead."""

    def __init__(self, alias: str):
        self.__dict__["_alias"] = alias
        super().__init__()
        _named_storages.append(self)

    def _setup(self):
        self._wrapped = storages[self._alias]

    def __reduce__(self):
        return (NamedStorage, (self._alias,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_named_storages: list[NamedStorage] = []


@receiver(setting_changed)
def _forget_storages(*, setting, **kwargs):
    if setting == "STORAGES":
        for named in _named_storages:
            named._wrapped = empty


# The STORAGES aliases (portal.storage_config).
private_storage = NamedStorage("private")


def get_private_storage():
    """For `FileField(storage=…)`: `storages["private"]`, residents' form and case files. A
    callable keeps the storage out of the migrations."""
    return private_storage


def private_file_response(handle, filename: str, content_type: str) -> FileResponse:
    """A privately stored file as a download: never shown inline, as a file is not trusted to
    be what it says, and the browser must not guess another type or run anything in it."""
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def stored_file_response(field_file, filename: str, content_type: str) -> FileResponse:
    """`private_file_response` for a stored file; 404 when the file is gone from the storage
    (a clear page, not a server error)."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return private_file_response(handle, filename, content_type)
