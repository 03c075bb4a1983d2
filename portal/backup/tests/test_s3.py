"""A backup kept in an S3-compatible bucket (`backup_portal s3://bucket/prefix`): uploaded whole,
manifest and all, and downloaded again whole for restore_portal.

Against moto's S3 server on loopback, as portal/tests/test_storage_s3.py; skipped when moto (the
dev extra) is not installed. The bucket is reached with boto3's own AWS_* configuration."""

import io

import pytest
from django.core.management import call_command

from portal.backup import archive, s3
from tests.processes import free_port

try:
    import boto3
    from moto.server import ThreadedMotoServer
except ImportError:  # the dev extra (moto) is not installed
    ThreadedMotoServer = None

pytestmark = pytest.mark.skipif(
    ThreadedMotoServer is None, reason="moto[server] is needed (pip install -e '.[dev]')"
)

BUCKET = "dalslandsportalen-backup"


@pytest.fixture
def bucket(monkeypatch, tmp_path):
    """An empty bucket in moto's S3 server, and boto3 configured for it through AWS_*."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    for name, value in {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "backup-test",
        "AWS_SECRET_ACCESS_KEY": "backup-test-secret",
        "AWS_REGION": "eu-north-1",
        "AWS_DEFAULT_REGION": "eu-north-1",
        "AWS_CONFIG_FILE": str(tmp_path / "aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "aws-credentials"),
    }.items():
        monkeypatch.setenv(name, value)
    boto3.client("s3").create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
    )
    yield BUCKET
    server.stop()


def test_a_backup_in_a_bucket_is_uploaded_and_downloaded_whole(
    bucket, django_db_setup, django_db_blocker, tmp_path
):
    output = io.StringIO()
    with django_db_blocker.unblock():
        call_command("backup_portal", f"s3://{bucket}/nattlig/", stdout=output)
        stored = sum(1 for name in archive.STORAGE_NAMES for _file in archive.stored_names(name))

    address = output.getvalue().splitlines()[0].split(" i ", 1)[1]
    assert address.startswith(f"s3://{bucket}/nattlig/portal-backup-")
    folder = s3.download(*s3.parse_location(address), tmp_path / "nedladdad")
    manifest = archive.load_manifest(folder)
    assert archive.verify_backup(folder, manifest) == []
    assert len(manifest["files"]) == stored


def test_a_backup_address_without_a_bucket_is_refused():
    with pytest.raises(archive.BackupError, match="Ange en bucket"):
        s3.parse_location("s3:///nattlig")
    assert s3.parse_location("/var/backups/portal") is None
