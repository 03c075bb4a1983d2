"""gunicorn settings for Dalslandsportalen: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`.

Used by `make serve` (deploy/Procfile) and by deploy/systemd/dalslandsportalen-web.service.
Every value can be changed with an environment variable, so one committed file fits every
server.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# Loopback only: Varnish (deploy/varnish/portal.vcl) or the TLS proxy sits in front and is the
# only client. The VCL's backend points at this address.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8200")

# Synchronous workers: the portal's requests are short and database-bound, so the usual
# 2 × cores + 1 keeps the CPUs busy while some workers wait on PostgreSQL. Capped at 12: each
# worker holds a database connection (DATABASE_CONN_MAX_AGE) and its own memory, and more
# workers than that on one server mostly queue on the database. Measure with bench/.
workers = _int("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 12))

# A worker silent this long is killed and replaced: a stuck request must not hold a worker
# forever. 30 s is above the slowest normal page (search, the diary's lists); uploads stream
# through the proxy first, so they do not count against it.
timeout = _int("GUNICORN_TIMEOUT", 30)

# On HUP (new release) or TERM, running requests get this long to finish before their worker
# is killed: long enough for any request within `timeout`.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)

# Replace each worker after about this many requests, so a slow leak in a library cannot grow
# without bound. The jitter spreads the restarts so the workers do not all restart at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# Keep-alive towards Varnish, which reuses its backend connections across requests.
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Whose X-Forwarded-* headers gunicorn believes (the scheme for wsgi.url_scheme): only the
# proxy in front on the same machine. Django itself uses SECURE_PROXY_SSL_HEADER and
# TRUSTED_PROXY_COUNT; this only keeps gunicorn consistent with them.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log to standard output (the journal under systemd, the terminal under honcho); the
# application's own log goes to standard error (LOG_LEVEL).
accesslog = "-"
errorlog = "-"
# Behind Varnish the client address is the proxy's; log X-Forwarded-For as well.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
