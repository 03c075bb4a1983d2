"""Runs the demo identity provider (demo_idp) in a subprocess, for tests that sign in through it.

    with run_demo_idp(live_server.url, tmp_path) as idp_url:
        ...  # the portal's OpenID Connect apps point at idp_url

The provider gets its own database and signing key in `tmp_dir`, the portal's two clients with
redirect URIs for `portal_url`, and freshly reset test identities. Its log is
`tmp_dir/demo_idp.log`.
"""

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

REPO = Path(__file__).resolve().parent.parent
START_TIMEOUT = 20.0


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 (loopback http)
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def run_demo_idp(portal_url: str, tmp_dir: Path, *more_portal_urls: str) -> Iterator[str]:
    """Start the provider on a free loopback port; yield its base URL; stop it afterwards.

    The clients accept the callback URLs of `portal_url` and of each of `more_portal_urls`
    (the same server as `http://localhost:<port>`, say, where passkeys need a host name)."""
    tmp_dir = Path(tmp_dir)
    tmp_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demo_idp.settings",
        "DEMO_IDP_DATABASE": str(tmp_dir / "demo_idp.sqlite3"),
        "DEMO_IDP_KEY_FILE": str(tmp_dir / "demo_idp_key.pem"),
        "PYTHONUNBUFFERED": "1",
    }
    manage = [sys.executable, str(REPO / "manage.py")]
    # seed_idp runs migrate itself.
    seed = subprocess.run(
        [
            *manage,
            "seed_idp",
            *(arg for url in (portal_url, *more_portal_urls) for arg in ("--portal-url", url)),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    if seed.returncode != 0:
        raise RuntimeError(f"seed_idp failed:\n{seed.stdout}{seed.stderr}")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = tmp_dir / "demo_idp.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(f"{base_url}/.well-known/openid-configuration"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"The demo identity provider did not start on {base_url}:\n"
                    f"{log_path.read_text()}"
                )
            time.sleep(0.1)
        yield base_url
    finally:
        stop(process, timeout=5)
