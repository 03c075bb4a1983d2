"""Two web servers sharing one S3-compatible store: a resident's case file uploaded through one
gunicorn instance downloads byte-identical through another.

moto's standalone S3 server runs on loopback (as in portal/tests/test_storage_s3.py), standing
for MinIO or Amazon S3. Two gunicorn instances (deploy/gunicorn.conf.py, production settings)
share one throwaway PostgreSQL database, a copy of one migrated and seeded with `seed_demo`
under production settings (tests/deploy/stack.py; production requires PostgreSQL-grade
settings, and two servers on one SQLite file would not show what a municipality runs), and one
bucket through S3_BUCKET, S3_ENDPOINT_URL, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and S3_REGION
(portal/storage_config.py). Each has its own PORTAL_VAR_DIR, so they share no folder: only the
database and the bucket. Static files are collected once and linked into both.

The resident is signed in the way a session store sees an e-ID login: the demo's Tolvan
Tolvansson (a `CitizenIdentity`) gets a session made with Django's SessionStore and the auth
session keys, under the servers' own settings (`manage.py shell`). The demo identity provider
cannot be used with production settings, and the e-ID login itself is tested elsewhere
(tests/e2e/, portal/identity/tests/). The file goes in through the real e-service form (a
building permit application with a drawing, POSTed to instance A with its CSRF token and
submission key, as the browser sends it) and out through the portal's scoped download view on
Mina sidor, on instance B.

It proves: the bytes through B equal those sent to A; the object lies in the bucket under
private/ and neither server's folder has it; an anonymous GET of the object at the S3 endpoint
is refused (403); the download view on B refuses a visitor who is not signed in.

Skipped without moto/boto3, without PostgreSQL, or unless DATABASE_URL is PostgreSQL (CI runs
the suite twice; this module runs only in the PostgreSQL pass). The servers are stopped and
the database dropped when the module is done, also on failure.
"""

import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
import requests

from tests.deploy import stack
from tests.processes import free_port

try:
    import boto3
    from moto.server import ThreadedMotoServer
except ImportError:  # the dev extra (moto[server]) is not installed
    ThreadedMotoServer = None

REGION = "eu-north-1"
TOLVAN = "191212121212"
START_SECONDS = 120


def _skip_reason() -> str | None:
    if ThreadedMotoServer is None:
        return "moto[server] and boto3 are needed (pip install -e '.[dev]')"
    return stack.postgres_skip_reason()


_reason = _skip_reason()
pytestmark = pytest.mark.skipif(_reason is not None, reason=_reason or "")

SIGN_IN = """
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model

from portal.identity.models import CitizenIdentity

identity = CitizenIdentity.objects.filter(personal_identity_number="{number}").first()
if identity is None:
    user = get_user_model().objects.create_user("stack-tolvan")
    identity = CitizenIdentity.objects.create(
        user=user, personal_identity_number="{number}", given_name="Tolvan",
        family_name="Tolvansson",
    )
user = identity.user
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "portal.auth_backends.PortalModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


@pytest.fixture(scope="module")
def s3(request):
    """moto's S3 server on loopback and a new, empty bucket: the S3_* environment."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        environ = {
            "S3_ENDPOINT_URL": f"http://{host}:{port}",
            "S3_BUCKET": f"portal-{uuid.uuid4().hex[:12]}",
            "S3_ACCESS_KEY_ID": "portal-test",
            "S3_SECRET_ACCESS_KEY": "portal-test-secret",
            "S3_REGION": REGION,
        }
        bucket_client(environ).create_bucket(
            Bucket=environ["S3_BUCKET"], CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        yield environ
    finally:
        server.stop()


def bucket_client(environ):
    return boto3.client(
        "s3",
        endpoint_url=environ["S3_ENDPOINT_URL"],
        aws_access_key_id=environ["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=environ["S3_SECRET_ACCESS_KEY"],
        region_name=environ["S3_REGION"],
    )


class Servers:
    def __init__(self, a: str, b: str, database: str, var_dirs: list[Path], session_key: str):
        self.a, self.b = a, b
        self.database = database
        self.var_dirs = var_dirs
        self.session_key = session_key

    def resident(self) -> requests.Session:
        """A browser of the signed-in resident: the session cookie, sent to both servers."""
        session = stack.LoopbackSession()
        session.cookies.set("sessionid", self.session_key, domain="127.0.0.1", path="/")
        return session


@pytest.fixture(scope="module")
def servers(request, s3):
    work = Path(tempfile.mkdtemp(prefix="portal-shared-s3-"))
    var_a, var_b = work / "a", work / "b"
    var_b.mkdir()
    started = []
    try:
        with stack.throwaway_database(request.config, "s3", var_a) as database:
            environs = [
                stack.production_environ(
                    database,
                    var_dir,
                    GUNICORN_BIND=f"127.0.0.1:{free_port()}",
                    GUNICORN_WORKERS="1",
                    **s3,
                )
                for var_dir in (var_a, var_b)
            ]
            # The seeded files stay with the template copy in A's folder (the demo's own, on
            # the file system); everything uploaded from here on goes to the bucket.
            shutil.rmtree(var_a / "private", ignore_errors=True)
            stack.manage(environs[0], "collectstatic", "--no-input", "-v0")
            (var_b / "static").symlink_to(var_a / "static")
            session_key = stack.manage(
                environs[0], "shell", "--no-imports", "-v0", "-c", SIGN_IN.format(number=TOLVAN)
            ).split()[-1]
            bases = []
            for name, environ in zip("ab", environs, strict=True):
                started.append(
                    stack.Started(
                        [stack.PYTHON, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
                        + ["config.wsgi"],
                        environ,
                        work / f"gunicorn-{name}.log",
                    )
                )
                bases.append(f"http://{environ['GUNICORN_BIND']}")
            for base, process in zip(bases, started, strict=True):
                stack.wait_for(
                    lambda base=base: requests.get(base + "/health/", timeout=5).ok,
                    START_SECONDS,
                    f"/health/ of gunicorn at {base}",
                    process,
                )
            yield Servers(*bases, database, [var_a, var_b], session_key)
            for process in started:
                process.stop()
            started = []
    finally:
        for process in started:
            process.stop()
        shutil.rmtree(work, ignore_errors=True)


def apply_with_drawing(servers: Servers, content: bytes) -> tuple[str, str, str]:
    """A building permit application with one drawing, sent through instance A as the browser
    sends the form; the case's and the file's public ids and the file's storage name."""
    from eservices.tests.factories import building_answers

    resident = servers.resident()
    url = servers.a + "/e-tjanster/bygglov/ansok/"
    page = resident.get(url, timeout=30, allow_redirects=False)
    assert page.status_code == 200, page.text[-2000:]
    form = next(
        form
        for form in stack.forms_of(page.text)
        if any(field["name"] == "submission_key" for field in form["fields"])
    )
    hidden = {
        field["name"]: field["value"]
        for field in form["fields"]
        if field["name"] in ("csrfmiddlewaretoken", "submission_key")
    }
    response = resident.post(
        url,
        data={**hidden, **building_answers()},
        files={"drawings": ("situationsplan.pdf", content, "application/pdf")},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[-3000:]
    rows = stack.query(
        servers.database,
        """
        SELECT c.public_id, a.public_id, a.file
        FROM eservices_caseattachment a JOIN eservices_case c ON c.id = a.case_id
        WHERE a.original_name = 'situationsplan.pdf'
        ORDER BY a.id DESC LIMIT 1
        """,
    )
    assert rows, "no attachment was stored"
    return tuple(str(value) for value in rows[0])


def test_a_case_file_uploaded_through_one_server_downloads_unchanged_through_the_other(servers, s3):
    # A PDF of its own, so no other file can stand in for it.
    content = (
        b"%PDF-1.4\n%" + uuid.uuid4().hex.encode() + b"\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    )
    case_id, file_id, name = apply_with_drawing(servers, content)
    download = f"/mina-sidor/arenden/{case_id}/bilagor/{file_id}/"

    response = servers.resident().get(servers.b + download, timeout=30, allow_redirects=False)
    assert response.status_code == 200, response.status_code
    assert response.content == content
    assert "no-store" in response.headers["Cache-Control"]

    # In the bucket, under private/, and on neither server's disk.
    stored = bucket_client(s3).get_object(Bucket=s3["S3_BUCKET"], Key=f"private/{name}")
    assert stored["Body"].read() == content
    for var_dir in servers.var_dirs:
        assert not [path for path in var_dir.rglob("*") if path.name == Path(name).name]

    # Nobody reads it without the keys or the portal.
    anonymous = requests.get(
        f"{s3['S3_ENDPOINT_URL']}/{s3['S3_BUCKET']}/private/{name}", timeout=10
    )
    assert anonymous.status_code == 403
    assert content not in anonymous.content
    for base in (servers.a, servers.b):
        refused = requests.get(base + download, timeout=30, allow_redirects=False)
        assert refused.status_code in (302, 403, 404), refused.status_code
        assert content not in refused.content
        if refused.status_code == 302:
            # To the e-ID sign-in, and back to the file only after it.
            assert refused.headers["Location"].split("?")[0] != download
