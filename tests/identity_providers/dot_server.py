"""Runs the django-oauth-toolkit test provider (`dot_idp`) in a subprocess.

    with run_dot_idp(tmp_path) as issuer:
        ...  # the portal's OpenID Connect apps point at issuer; clients in dot_idp.persons
        rotate_keys(issuer, keep_old=False)  # a new signing key before the next login

It gets its own settings module, SQLite database and first signing key in `tmp_dir`, the
portal's two clients with redirect URIs for `portal_urls` (default `http://testserver`,
Django's test client) and the test persons. It imports nothing of the portal. Its log is
`tmp_dir/dot_idp.log`.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.processes import free_port, stop

REPO = Path(__file__).resolve().parents[2]
SETTINGS = "tests.identity_providers.dot_idp.settings"
START_TIMEOUT = 30.0


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 (loopback http)
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _base_url(issuer: str) -> str:
    return issuer.removesuffix("/o")


def _post(url: str, command: dict) -> dict:
    request = urllib.request.Request(  # noqa: S310 (loopback http)
        url,
        data=json.dumps(command).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.load(response)


def rotate_keys(issuer: str, *, keep_old: bool) -> dict:
    """A new signing key from the next token on; the old one stays in the key set or not.
    Returns `{"signing": kid, "published": [kid, ...]}`."""
    return _post(f"{_base_url(issuer)}/test/keys/", {"action": "rotate", "keep_old": keep_old})


def sign_with_retired_key(issuer: str) -> dict:
    """The key that signed before the last rotation signs again, no longer published."""
    return _post(f"{_base_url(issuer)}/test/keys/", {"action": "sign_with_retired"})


def key_state(issuer: str) -> dict:
    return _post(f"{_base_url(issuer)}/test/keys/", {"action": "state"})


def set_claims(issuer: str, username: str, **claims) -> dict:
    """Change what the provider says about a test person from their next login on."""
    return _post(f"{_base_url(issuer)}/test/persons/{username}/", claims)


@contextmanager
def run_dot_idp(tmp_dir: Path, *portal_urls: str) -> Iterator[str]:
    """Start the provider on a free loopback port; yield its issuer; stop it afterwards."""
    tmp_dir = Path(tmp_dir)
    tmp_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    issuer = f"{base_url}/o"
    # Its own settings: nothing of the portal's environment (database, cache) may leak in.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CACHE_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DOT_IDP_ISSUER": issuer,
            "DOT_IDP_DATABASE": str(tmp_dir / "dot_idp.sqlite3"),
            "DOT_IDP_KEY_FILE": str(tmp_dir / "dot_idp_key.pem"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    django_admin = [sys.executable, "-m", "django"]
    seed = subprocess.run(
        [
            *django_admin,
            "seed_dot_idp",
            *(arg for url in portal_urls for arg in ("--portal-url", url)),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    if seed.returncode != 0:
        raise RuntimeError(f"seed_dot_idp failed:\n{seed.stdout}{seed.stderr}")
    log_path = tmp_dir / "dot_idp.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [*django_admin, "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(f"{issuer}/.well-known/openid-configuration"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"The django-oauth-toolkit provider did not start on {base_url}:\n"
                    f"{log_path.read_text()}"
                )
            time.sleep(0.1)
        yield issuer
    finally:
        stop(process, timeout=5)
