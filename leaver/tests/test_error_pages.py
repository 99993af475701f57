"""Error pages (400, 403, a refused CSRF check, 404, 500) in the service's own style, with DEBUG
off: each shows an incident reference that is also in the log with the path and the status,
and the log never holds the query string or what was posted."""

from __future__ import annotations

import re

import pytest
from django.test import Client, RequestFactory
from django.utils.functional import SimpleLazyObject

from leaver import errors
from leaver.testing import PASSWORD

REFERENCE = re.compile(r'id="incident-reference">([0-9A-F]{4}-[0-9A-F]{4})<')
SECRET = "Jordan-Ellis"  # stands for personal data in a query string or a form


@pytest.fixture(autouse=True)
def _debug_off(settings):
    settings.DEBUG = False  # pytest-django's default too; said here because it is the point


def reference_in(response) -> str:
    match = REFERENCE.search(response.content.decode())
    assert match, "no incident reference on the page"
    return match.group(1)


def assert_logged(caplog, reference: str, path: str, status: int) -> None:
    [line] = [r.getMessage() for r in caplog.records if reference in r.getMessage()]
    assert line.startswith(f"Incident {reference}: ")
    assert f" {path} answered {status}" in line
    assert SECRET not in caplog.text
    assert PASSWORD not in caplog.text


def assert_page(response, status: int, heading: str) -> str:
    assert response.status_code == status
    body = response.content.decode()
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in body
    assert 'class="govuk-footer' in body  # the service's own page, not Django's
    assert "no-store" in response["Cache-Control"]
    return reference_in(response)


@pytest.mark.urls("leaver.tests.failing_urls")
@pytest.mark.django_db
def test_500_shows_a_reference_that_is_in_the_log(caplog, cast):
    client = Client(raise_request_exception=False)
    client.force_login(cast.csm)
    response = client.get(f"/test-errors/broken/?name={SECRET}")
    reference = assert_page(response, 500, "Sorry, there is a problem with the service")
    assert "Try again later" in response.content.decode()
    assert_logged(caplog, reference, "/test-errors/broken/", 500)
    assert "RuntimeError" in caplog.text  # what failed, for whoever reads the log


def test_the_500_page_needs_neither_the_database_nor_the_user():
    """No `db` fixture: pytest-django refuses any database access in this test."""
    def no_user() -> None:
        raise AssertionError("the 500 page asked who is signed in")

    request = RequestFactory().get("/somewhere/")
    request.user = SimpleLazyObject(no_user)  # type: ignore[assignment]
    try:
        raise RuntimeError("the database is down")
    except RuntimeError:
        response = errors.server_error(request)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    reference_in(response)


@pytest.mark.django_db
def test_400_shows_a_reference_that_is_in_the_log(caplog, client):
    # A Host header outside ALLOWED_HOSTS is Django's commonest 400.
    response = client.get(f"/accounts/login/?name={SECRET}", HTTP_HOST="attacker.example")
    reference = assert_page(response, 400, "Sorry, there is a problem with the service")
    assert_logged(caplog, reference, "/accounts/login/", 400)


@pytest.mark.urls("leaver.tests.failing_urls")
@pytest.mark.django_db
def test_400_from_a_suspicious_request_in_a_view(caplog, client):
    response = client.get("/test-errors/suspicious/")
    reference = assert_page(response, 400, "Sorry, there is a problem with the service")
    assert_logged(caplog, reference, "/test-errors/suspicious/", 400)


@pytest.mark.urls("leaver.tests.failing_urls")
def test_403_shows_a_reference_that_is_in_the_log(caplog, client, cast):
    client.force_login(cast.iro)
    response = client.get(f"/test-errors/forbidden/?name={SECRET}")
    reference = assert_page(response, 403, "You do not have permission to see this page")
    assert cast.iro.full_name in response.content.decode()  # still signed in, with the header
    assert_logged(caplog, reference, "/test-errors/forbidden/", 403)


def test_a_refused_csrf_check_shows_a_reference_that_is_in_the_log(caplog, cast):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/accounts/login/?name={SECRET}",
                           {"username": cast.iro.email, "password": PASSWORD})
    reference = assert_page(response, 403, "Sorry, your form could not be sent")
    assert "Nothing has been changed" in response.content.decode()
    assert_logged(caplog, reference, "/accounts/login/", 403)
    assert "CSRF check failed" in caplog.text
    assert cast.iro.email not in caplog.text  # the posted form is not logged
    assert "_auth_user_id" not in client.session


def test_404_shows_a_reference_that_is_in_the_log(caplog, client, cast):
    client.force_login(cast.social_worker)
    response = client.get(f"/cases/00000000-0000-0000-0000-000000000000/?name={SECRET}")
    reference = assert_page(response, 404, "Page not found")
    body = response.content.decode()
    assert cast.social_worker.full_name in body
    assert 'name="csrfmiddlewaretoken"' in body  # the header's sign-out form still works
    assert_logged(caplog, reference, "/cases/00000000-0000-0000-0000-000000000000/", 404)


@pytest.mark.django_db
def test_404_for_an_address_that_matches_nothing(caplog, client):
    response = client.get("/no-such-page/")
    reference = assert_page(response, 404, "Page not found")
    assert_logged(caplog, reference, "/no-such-page/", 404)


@pytest.mark.django_db
def test_every_error_gets_its_own_reference(client):
    references = {reference_in(client.get("/no-such-page/")) for _ in range(5)}
    assert len(references) == 5


@pytest.mark.django_db
def test_a_crafted_path_cannot_write_extra_log_lines(caplog, client):
    client.get("/no-such-page/%0AIncident FAKE-0000: forged/")
    lines = [r.getMessage() for r in caplog.records if r.name == "leaver.errors"]
    assert len(lines) == 1
    assert "\n" not in lines[0]
