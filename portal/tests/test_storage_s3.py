"""Files several web servers share: the `STORAGES` in an S3 bucket (portal/storage_config.py).

The S3 tests run against moto's S3 server on loopback, standing for MinIO, Amazon S3 or any
S3-compatible store; they are skipped when moto (the dev extra) is not installed. Without
S3_BUCKET the files stay on the file system where they always were.
"""

import json
import uuid
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages

from employee_portal.documents.files import get_register_storage
from eservices.models import Case
from eservices.tests.factories import PDF, TOLVAN, building_answers, drawing, make_citizen
from portal import storage_config
from portal.files import get_private_storage
from portal.tests.settings_probe import PRODUCTION, start
from tests.processes import free_port

try:
    import boto3
    from moto.server import ThreadedMotoServer

    from portal.storage_s3 import PrivateS3Storage
except ImportError:  # the dev extra (moto) or django-storages[s3] is not installed
    ThreadedMotoServer = None

needs_s3 = pytest.mark.skipif(
    ThreadedMotoServer is None,
    reason="moto[server] and django-storages[s3] are needed (pip install -e '.[dev]')",
)

REGION = "eu-north-1"
SHOW_STORAGES = """
import json
import django
from django.conf import settings
django.setup()
print(json.dumps({alias: value["BACKEND"] for alias, value in settings.STORAGES.items()}))
"""
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's standalone S3 server on loopback, for the tests of this module."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_environ(s3_endpoint):
    """The environment of a web server with its files in a new, empty bucket."""
    environ = {
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_BUCKET": f"portal-{uuid.uuid4().hex[:12]}",
        "S3_ACCESS_KEY_ID": "portal-test",
        "S3_SECRET_ACCESS_KEY": "portal-test-secret",
        "S3_REGION": REGION,
    }
    bucket_client(environ).create_bucket(
        Bucket=environ["S3_BUCKET"], CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    return environ


@pytest.fixture
def s3_files(settings, s3_environ):
    """STORAGES as a server with these S3 variables has them (base.py), for one test."""
    settings.STORAGES = storage_config.storages(
        s3_environ, "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    return s3_environ


def bucket_client(environ):
    return boto3.client(
        "s3",
        endpoint_url=environ["S3_ENDPOINT_URL"],
        aws_access_key_id=environ["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=environ["S3_SECRET_ACCESS_KEY"],
        region_name=environ["S3_REGION"],
    )


def submitted_drawing(client):
    """A building permit application with one drawing, sent by Tolvan through the portal."""
    tolvan = make_citizen("tolvan", TOLVAN, "Tolvan", "Tolvansson")
    client.force_login(tolvan)
    response = client.post(
        "/e-tjanster/bygglov/ansok/",
        {"submission_key": str(uuid.uuid4()), **building_answers(), "drawings": [drawing()]},
    )
    assert response.status_code in (200, 302)
    case = Case.objects.filter(applicant=tolvan).latest("created_at")
    return case, case.attachments.get()


def download(client, case, attachment) -> bytes:
    response = client.get(f"/mina-sidor/arenden/{case.public_id}/bilagor/{attachment.public_id}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return b"".join(response.streaming_content)


@needs_s3
def test_a_case_file_lands_in_the_bucket_under_private_and_downloads_unchanged(
    db, client, s3_files
):
    case, attachment = submitted_drawing(client)

    key = f"private/{attachment.file.name}"
    stored = bucket_client(s3_files).get_object(Bucket=s3_files["S3_BUCKET"], Key=key)
    assert stored["Body"].read() == PDF
    assert isinstance(get_private_storage()._wrapped, PrivateS3Storage)
    assert download(client, case, attachment) == PDF
    # Nothing was written to the file system's private folder.
    assert not (Path(django_settings.PRIVATE_MEDIA_ROOT) / attachment.file.name).exists()


@needs_s3
def test_a_second_web_server_reads_the_same_file(db, client, s3_files):
    _case, attachment = submitted_drawing(client)

    # Another server: its own storage and S3 connection, built from the same environment.
    options = storage_config.s3_storages(dict(s3_files))["private"]["OPTIONS"]
    other_server = PrivateS3Storage(**options)

    assert other_server is not storages["private"]
    with other_server.open(attachment.file.name, "rb") as handle:
        assert handle.read() == PDF


@needs_s3
def test_a_private_file_has_no_public_grant_and_no_address(db, client, s3_files):
    _case, attachment = submitted_drawing(client)
    key = f"private/{attachment.file.name}"

    # moto enforces object ACLs for unsigned requests, as S3 does.
    anonymous = requests.get(
        f"{s3_files['S3_ENDPOINT_URL']}/{s3_files['S3_BUCKET']}/{key}", timeout=10
    )
    assert anonymous.status_code == 403
    assert PDF not in anonymous.content
    grants = bucket_client(s3_files).get_object_acl(Bucket=s3_files["S3_BUCKET"], Key=key)
    grantees = {grant["Grantee"].get("URI") for grant in grants["Grants"]}
    assert not grantees & {ALL_USERS, AUTHENTICATED_USERS}
    with pytest.raises(ValueError, match="no public URL"):
        attachment.file.url  # noqa: B018 - the property is what is refused


@needs_s3
def test_the_register_is_private_in_its_own_prefix(s3_files):
    storage = get_register_storage()
    name = storage.save("2026/policy.pdf", ContentFile(PDF))

    client = bucket_client(s3_files)
    assert client.get_object(Bucket=s3_files["S3_BUCKET"], Key=f"dokumentregister/{name}")
    anonymous = requests.get(
        f"{s3_files['S3_ENDPOINT_URL']}/{s3_files['S3_BUCKET']}/dokumentregister/{name}", timeout=10
    )
    assert anonymous.status_code == 403
    with pytest.raises(ValueError, match="no public URL"):
        storage.url(name)


@needs_s3
def test_public_media_is_public_under_media(s3_files):
    name = default_storage.save("images/bild.png", ContentFile(b"\x89PNG\r\n\x1a\nbild"))

    url = default_storage.url(name)
    assert f"/{s3_files['S3_BUCKET']}/media/" in url
    assert "Signature" not in url and "X-Amz" not in url
    assert requests.get(url, timeout=10).content == b"\x89PNG\r\n\x1a\nbild"

    # Wagtail's documents may be restricted to a collection: private, served by the portal.
    document = default_storage.save("documents/plan.pdf", ContentFile(PDF))
    key = f"{s3_files['S3_ENDPOINT_URL']}/{s3_files['S3_BUCKET']}/media/{document}"
    assert requests.get(key, timeout=10).status_code == 403


def test_without_s3_the_files_stay_where_they_always_were(db, client):
    assert (
        storage_config.storages({}, "x")["private"]["BACKEND"] == "portal.files.PrivateFileStorage"
    )
    private = Path(django_settings.PRIVATE_MEDIA_ROOT)

    case, attachment = submitted_drawing(client)

    assert attachment.file.path == str(private / attachment.file.name)
    assert Path(attachment.file.path).read_bytes() == PDF
    assert download(client, case, attachment) == PDF
    assert get_register_storage().path("2026/a.pdf") == str(private / "dokumentregister/2026/a.pdf")
    assert default_storage.path("images/a.png") == str(
        Path(django_settings.MEDIA_ROOT) / "images/a.png"
    )
    with pytest.raises(ValueError, match="no public URL"):
        attachment.file.url  # noqa: B018


@pytest.mark.parametrize(
    ("environ", "missing"),
    [
        ({"S3_BUCKET": "portal"}, "S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION"),
        (
            {"S3_ACCESS_KEY_ID": "key", "S3_SECRET_ACCESS_KEY": "secret", "S3_REGION": REGION},
            "S3_BUCKET",
        ),
        (
            {"S3_ENDPOINT_URL": "https://s3.example"},
            "S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION",
        ),
    ],
)
def test_production_refuses_s3_configured_by_halves(environ, missing):
    result = start("config.settings.production", **{**PRODUCTION, **environ})

    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert "ImproperlyConfigured" in message
    assert f"set {missing} in the environment" in message


@needs_s3
def test_production_starts_with_all_s3_variables():
    environ = {
        "S3_BUCKET": "portal",
        "S3_ACCESS_KEY_ID": "key",
        "S3_SECRET_ACCESS_KEY": "secret",
        "S3_REGION": REGION,
    }
    result = start("config.settings.production", SHOW_STORAGES, **{**PRODUCTION, **environ})

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "default": "portal.storage_s3.PublicMediaS3Storage",
        "private": "portal.storage_s3.PrivateS3Storage",
        "documents": "portal.storage_s3.PrivateS3Storage",
        "staticfiles": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }
