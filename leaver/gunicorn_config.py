"""gunicorn's settings for Leaver in production: `gunicorn -c python:leaver.gunicorn_config`
(what `make serve` runs; docs/deploy.md). Every value comes from the environment, read as loudly
as the Django settings: a malformed one stops start-up naming it.

This module is read by gunicorn's master process before any worker loads Django, so it reads
the environment itself and imports nothing of Django.
"""

from __future__ import annotations

import os
from typing import Any

from gunicorn.glogging import Logger

from leaver import env
from leaver.core.link_tokens import hide_link_tokens

wsgi_app = "leaver.wsgi:application"

# Where to listen: host:port (the reverse proxy forwards here), or unix:/path/to.sock.
bind = [env.text("BIND", "127.0.0.1:8000")]

# Worker processes, each serving one request at a time. gunicorn's usual advice is 2 per core
# plus 1; capped, because every worker keeps its own database connection and memory.
MAX_DEFAULT_WORKERS = 9
workers = env.integer("WEB_CONCURRENCY", min(2 * (os.cpu_count() or 1) + 1, MAX_DEFAULT_WORKERS),
                      minimum=1)
# A request running longer than this is killed (and logged); a page that slows as the data grows
# shows up here first (STACK-NOTES).
timeout = env.integer("WEB_TIMEOUT", 30, minimum=1)
graceful_timeout = 30

# gunicorn may believe X-Forwarded-Proto (for wsgi.url_scheme) only from the same proxies that
# Leaver believes X-Forwarded-For from (TRUSTED_PROXIES; leaver.core.client_address).
forwarded_allow_ips = ",".join(str(network) for network in env.networks("TRUSTED_PROXIES"))

# Logs to standard output and error, for systemd's journal or the container's log. The access
# log gives the path without the query string (a search can carry a name) and no referrer (whose
# query string could); the client here is the proxy's address, the audit log has the real one.
accesslog = "-"
errorlog = "-"
loglevel = env.text("LOG_LEVEL", "info").lower()
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'

# Links sent by email carry a secret in their path (a password reset, an invitation): the access
# log writes those paths with the secret hidden, as the console log does (leaver.core.link_tokens).
class RedactingLogger(Logger):  # type: ignore[misc]
    """gunicorn's logger, with the secret of an emailed link left out of the access log."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        atoms["U"] = hide_link_tokens(atoms.get("U", ""))
        return atoms


logger_class = RedactingLogger

# No runtime control socket (gunicorn 25+ opens one in the home directory by default): workers
# are managed by restarting the service.
control_socket_disable = True
