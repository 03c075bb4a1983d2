"""A real varnishd with deploy/varnish/portal.vcl in front of the seeded test server, for the
tests in this folder.

varnishd runs with the committed VCL, its backend rewritten to the live server's port (as
deploy/varnish/run does for gunicorn), on a free loopback port with a working directory of
its own; it is stopped when the module's tests are done. Tests that use it are skipped where
Varnish is not installed (`apt-get install varnish`).
"""

import os
import re
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.processes import free_port, stop

VARNISHD = "/usr/sbin/varnishd"
VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "portal.vcl"


def render_vcl(backend_port: int) -> str:
    """The committed VCL with its backend at 127.0.0.1:`backend_port`."""
    vcl, count = re.subn(
        r'^(    \.port = )"\d+";', rf'\1"{backend_port}";', VCL.read_text(), flags=re.M
    )
    assert count == 1, 'the VCL\'s backend has no `.port = "…";` line to rewrite'
    return vcl


@pytest.fixture(scope="module")
def varnish(live_url, tmp_path_factory):
    """The base URL of a varnishd in front of the live server, for this module."""
    if not os.access(VARNISHD, os.X_OK):
        pytest.skip(f"{VARNISHD} is not installed (apt-get install varnish)")
    workdir = tmp_path_factory.mktemp("varnish")
    vcl = workdir / "portal.vcl"
    vcl.write_text(render_vcl(int(urlsplit(live_url).port)))
    port = free_port()
    # `-j none`: as root varnishd would switch to its own users, who cannot read pytest's
    # private temporary directory; a test instance needs no such isolation.
    process = subprocess.Popen(
        [VARNISHD, "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-f", str(vcl)]
        + ["-n", str(workdir / "n"), "-s", "malloc,32m", "-t", "120"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"varnishd did not start:\n{process.stdout.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("varnishd did not listen within 60 s")
                time.sleep(0.2)
        yield base
    finally:
        stop(process)
        process.stdout.close()


@pytest.fixture
def database_for_the_server(django_db_blocker):
    """The live server thread reads the seeded database; pytest-django blocks it otherwise
    (as for the browser tests in tests/e2e/). For the modules that use `varnish`:
    `pytestmark = pytest.mark.usefixtures("database_for_the_server")`."""
    with django_db_blocker.unblock():
        yield
