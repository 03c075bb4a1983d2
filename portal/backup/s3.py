"""Backups kept in an S3-compatible bucket: `backup_portal s3://bucket/prefix`.

A backup is made in a local temporary folder (portal.backup.archive) and then uploaded, the
manifest last: a backup whose upload broke off has no manifest, and restore_portal refuses it.
For a restore the folder is downloaded first.

The bucket is reached with boto3's own configuration, not the portal's S3_* variables:
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION (or a profile in ~/.aws) and, for a store
other than Amazon S3 (MinIO, …), AWS_ENDPOINT_URL. The backups then need not be writable, or
deletable, with the keys the web servers have.
"""

from pathlib import Path

from .archive import MANIFEST_NAME, BackupError, safe_name

SCHEME = "s3://"


def parse_location(value: str) -> tuple[str, str] | None:
    """(bucket, prefix) of `s3://bucket/prefix`; None for a folder on this machine."""
    if not value.startswith(SCHEME):
        return None
    bucket, _, prefix = value[len(SCHEME) :].partition("/")
    if not bucket:
        raise BackupError(f"Ange en bucket: s3://bucket/prefix, inte {value}.")
    return bucket, prefix.strip("/")


def client():
    """An S3 client from boto3's standard configuration (see the module's docstring)."""
    try:
        import boto3
    except ImportError as error:
        raise BackupError(
            "boto3 behövs för en säkerhetskopia i S3 (django-storages[s3])."
        ) from error
    return boto3.client("s3")


def upload(directory: Path, bucket: str, prefix: str) -> str:
    """Upload a backup folder under `prefix/<its name>/`, the manifest last; its address."""
    s3 = client()
    key_prefix = "/".join(part for part in (prefix, directory.name) if part)
    paths = sorted(path for path in directory.rglob("*") if path.is_file())
    paths.sort(key=lambda path: path.name == MANIFEST_NAME and path.parent == directory)
    for path in paths:
        s3.upload_file(str(path), bucket, f"{key_prefix}/{path.relative_to(directory).as_posix()}")
    return f"{SCHEME}{bucket}/{key_prefix}"


def download(bucket: str, prefix: str, destination: Path) -> Path:
    """Download the backup at `s3://bucket/prefix` into `destination`; the local folder."""
    s3 = client()
    folder = destination / (prefix.rsplit("/", 1)[-1] or "backup")
    found = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=f"{prefix}/"):
        for item in page.get("Contents", []):
            relative = safe_name(item["Key"][len(prefix) + 1 :])
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            s3.download_file(bucket, item["Key"], str(target))
            found += 1
    if not found:
        raise BackupError(f"Det finns ingen säkerhetskopia i {SCHEME}{bucket}/{prefix}.")
    return folder
