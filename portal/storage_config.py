"""Where the portal keeps files, read from the environment: the `STORAGES` setting.

Pure functions over a mapping of environment variables, so settings can call them without
Django being set up, and tests can call them with any environment.

Three kinds of files, each a named storage (`django.core.files.storage.storages[...]`):

* `default`: public media, Wagtail's images and documents.
* `private`: what residents attach to forms and e-service cases (personal data).
* `documents`: the employees' document register (internal documents).

Without `S3_BUCKET` they live on the file system, as they always have: `MEDIA_ROOT`,
`PRIVATE_MEDIA_ROOT` and `PRIVATE_MEDIA_ROOT/dokumentregister`. With it, in that bucket of an
S3-compatible object store under `media/`, `private/` and `dokumentregister/`, so several web
servers share the same files. Private and register files are stored with a private ACL and have
no URL (portal.storage_s3.PrivateS3Storage): they are only read through the portal's views.
"""

from collections.abc import Mapping

S3_VARIABLES = (
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_REGION",
)
# S3_ENDPOINT_URL may be left out for Amazon S3 itself; the rest are needed together.
S3_REQUIRED = ("S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION")

# The prefixes in the bucket, and the folder the register has under PRIVATE_MEDIA_ROOT.
MEDIA_PREFIX = "media"
PRIVATE_PREFIX = "private"
DOCUMENTS_PREFIX = "dokumentregister"
DOCUMENTS_FOLDER = "dokumentregister"


def _value(environ: Mapping[str, str], name: str) -> str:
    return (environ.get(name) or "").strip()


def s3_enabled(environ: Mapping[str, str]) -> bool:
    """Whether any S3 variable is set: then the files are in the bucket (or start-up stops)."""
    return any(_value(environ, name) for name in S3_VARIABLES)


def missing_settings(environ: Mapping[str, str]) -> list[str]:
    """The S3 variables still needed when some are set; empty when none or all are."""
    if not s3_enabled(environ):
        return []
    return [name for name in S3_REQUIRED if not _value(environ, name)]


def file_system_storages() -> dict[str, dict]:
    """The storages on the local file system (the default, and the test suite's)."""
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "portal.files.PrivateFileStorage"},
        "documents": {
            "BACKEND": "portal.files.PrivateFileStorage",
            "OPTIONS": {"folder": DOCUMENTS_FOLDER},
        },
    }


def s3_options(environ: Mapping[str, str]) -> dict:
    """What the three S3 storages share: the bucket, its address and the keys."""
    return {
        "bucket_name": _value(environ, "S3_BUCKET"),
        "endpoint_url": _value(environ, "S3_ENDPOINT_URL") or None,
        "access_key": _value(environ, "S3_ACCESS_KEY_ID"),
        "secret_key": _value(environ, "S3_SECRET_ACCESS_KEY"),
        "region_name": _value(environ, "S3_REGION") or None,
        # Names are random or made unique, as on the file system: never overwrite a file.
        "file_overwrite": False,
    }


def s3_storages(environ: Mapping[str, str]) -> dict[str, dict]:
    """The storages in one S3 bucket under three prefixes."""
    shared = s3_options(environ)
    private = {
        **shared,
        # No public grant on the object; a URL, should one ever be made, is signed.
        "default_acl": "private",
        "querystring_auth": True,
    }
    return {
        # Public media is linked from pages (and cached with them), so its URLs are unsigned
        # and images publicly readable; Wagtail's documents are private, served by the portal.
        "default": {
            "BACKEND": "portal.storage_s3.PublicMediaS3Storage",
            "OPTIONS": {
                **shared,
                "location": MEDIA_PREFIX,
                "default_acl": "public-read",
                "querystring_auth": False,
            },
        },
        "private": {
            "BACKEND": "portal.storage_s3.PrivateS3Storage",
            "OPTIONS": {**private, "location": PRIVATE_PREFIX},
        },
        "documents": {
            "BACKEND": "portal.storage_s3.PrivateS3Storage",
            "OPTIONS": {**private, "location": DOCUMENTS_PREFIX},
        },
    }


def storages(environ: Mapping[str, str], staticfiles_backend: str) -> dict[str, dict]:
    """The `STORAGES` setting: in S3 when `S3_BUCKET` is set, else on the file system."""
    files = s3_storages(environ) if _value(environ, "S3_BUCKET") else file_system_storages()
    return {**files, "staticfiles": {"BACKEND": staticfiles_backend}}
