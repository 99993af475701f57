"""The error pages (400, 403, a refused CSRF check, 404, 500, and 503 when the database's
storage is full) in the service's own style.

Each page shows an incident reference, and the same reference goes into the log with the
method, the path and the status, so a person who reports a problem can quote something the
people running the service can find. The log line never holds the query string (a search can
carry a name) or anything that was posted.

The 400 and 500 pages are rendered without the request: no context processor runs, so they need
neither the database nor the signed-in user, which may be exactly what failed. The 403 and 404
pages keep the header's navigation for someone who is signed in.

A step refused by an action ("You cannot do this", `leaver.ui.pages.RefusalMiddleware`) is not
an error and does not come here.
"""

from __future__ import annotations

import logging
import secrets
import sys

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger("leaver.errors")


def incident_reference() -> str:
    """Eight random hexadecimal characters in two groups, easy to read out: `4F2A-9C1B`."""
    raw = secrets.token_hex(4).upper()
    return f"{raw[:4]}-{raw[4:]}"


def _logged(request: HttpRequest, status: int, level: int, cause: str = "") -> str:
    reference = incident_reference()
    # Escaped, so a crafted path cannot write extra lines into the log.
    method, path = (text[:200].encode("unicode_escape").decode("ascii")
                    for text in (request.method or "", request.path))
    logger.log(level, "Incident %s: %s %s answered %s%s", reference, method, path, status,
               f" ({cause})" if cause else "")
    return reference


def _standalone(template: str, status: int, reference: str) -> HttpResponse:
    """A page rendered from the template alone. If even that fails, plain text: the reference
    must reach the person whatever else is broken."""
    try:
        body = loader.render_to_string(template, {"reference": reference})
    except Exception:
        logger.exception("Incident %s: the error page itself could not be shown", reference)
        return HttpResponse(
            "Sorry, there is a problem with the service. Try again later. "
            f"If you contact us about it, quote the reference {reference}.\n",
            status=status, content_type="text/plain; charset=utf-8")
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    reference = _logged(request, 400, logging.WARNING, type(exception).__name__)
    return _standalone("400.html", 400, reference)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    reference = _logged(request, 403, logging.WARNING)
    return render(request, "403.html", {"reference": reference}, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: usually a form left open past the session, or cookies blocked."""
    reference = _logged(request, 403, logging.WARNING, f"CSRF check failed: {reason}")
    return render(request, "errors/csrf_failure.html", {"reference": reference}, status=403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    reference = _logged(request, 404, logging.INFO)
    return render(request, "404.html", {"reference": reference}, status=404)


def storage_full(exception: BaseException | None) -> bool:
    """The database could not write for want of space: SQLite's SQLITE_FULL ("database or disk
    is full"), or PostgreSQL's disk_full (SQLSTATE 53100). Nothing of the failed transaction
    was written; what was saved before is untouched."""
    if not isinstance(exception, OperationalError):
        return False
    return ("database or disk is full" in str(exception)
            or getattr(exception.__cause__, "sqlstate", None) == "53100")


def server_error(request: HttpRequest) -> HttpResponse:
    # Django logs the traceback itself ("Internal Server Error"), right after this line.
    failure, exception, _ = sys.exc_info()
    if storage_full(exception):
        reference = _logged(request, 503, logging.CRITICAL, "the database's storage is full")
        response = _standalone("errors/storage_full.html", 503, reference)
        response["Retry-After"] = "300"
        return response
    reference = _logged(request, 500, logging.ERROR, failure.__name__ if failure else "")
    return _standalone("500.html", 500, reference)
