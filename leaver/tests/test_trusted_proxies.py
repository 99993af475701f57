"""Attack-run finding "behind a proxy": the client address for the audit log and the sign-in
lockout comes from X-Forwarded-For only when the request arrives from a trusted proxy
(TRUSTED_PROXIES), read from the right; otherwise from the connection itself."""

from __future__ import annotations

import ipaddress

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from leaver import env
from leaver.audit.events import AccountEvent
from leaver.audit.models import AuditEvent
from leaver.core.client_address import client_address
from leaver.testing import PASSWORD
from leaver.tests.test_configuration import start_django

PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = (ipaddress.ip_network(PROXY), ipaddress.ip_network("fd00::/8"),
                                ipaddress.ip_network("192.168.0.0/16"))


def address(remote: str, forwarded: str | None = None) -> str | None:
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(request)


def sign_in(client, email, password, remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client.post("/accounts/login/", {"username": email, "password": password},
                       REMOTE_ADDR=remote, **extra)


# How the address is read.

def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = ()
    assert address("203.0.113.9", "198.51.100.1") == "203.0.113.9"


@pytest.mark.usefixtures("behind_proxy")
@pytest.mark.parametrize(("remote", "forwarded", "expected"), [
    (PROXY, "203.0.113.9", "203.0.113.9"),
    # The client wrote the left part itself; the proxy appended what it saw.
    (PROXY, "198.51.100.1, 203.0.113.9", "203.0.113.9"),
    # Two proxies of ours: the right-most address that is not ours is the client.
    (PROXY, "198.51.100.1, 203.0.113.9, 192.168.4.4", "203.0.113.9"),
    (PROXY, "203.0.113.9,192.168.4.4", "203.0.113.9"),
    # Every hop is ours (a request from inside): the left-most one.
    (PROXY, "192.168.1.1, 192.168.4.4", "192.168.1.1"),
    # Nothing forwarded, or nothing usable: the proxy itself.
    (PROXY, None, PROXY),
    (PROXY, "", PROXY),
    (PROXY, "not-an-address", PROXY),
    # Garbage to the right of an address: nothing left of it is believed.
    (PROXY, "203.0.113.9, unknown", PROXY),
    (PROXY, "203.0.113.9, unknown, 192.168.4.4", "192.168.4.4"),
    # Ports and IPv6 as proxies write them; IPv4-mapped IPv6 is the IPv4 address.
    (PROXY, "203.0.113.9:4711", "203.0.113.9"),
    (PROXY, "[2001:db8::7]:4711", "2001:db8::7"),
    ("fd00::1", "2001:db8::7", "2001:db8::7"),
    ("::ffff:10.0.0.5", "203.0.113.9", "203.0.113.9"),
    # From anywhere else the header is ignored.
    ("203.0.113.50", "198.51.100.1", "203.0.113.50"),
    ("10.0.0.6", "198.51.100.1", "10.0.0.6"),
])
def test_the_client_is_the_right_most_address_not_a_trusted_proxy(remote, forwarded,
                                                                   expected):
    assert address(remote, forwarded) == expected


def test_a_connection_without_an_address_has_none(settings):
    settings.TRUSTED_PROXIES = ()
    request = RequestFactory().get("/")
    request.META["REMOTE_ADDR"] = ""
    assert client_address(request) is None


# Trusted: the audit log and the lockout see the forwarded address.

@pytest.mark.usefixtures("behind_proxy")
def test_regression_behind_a_trusted_proxy_the_audit_log_records_the_forwarded_address(
        client, cast):
    response = sign_in(client, cast.iro.email, PASSWORD, PROXY, "198.51.100.1, 203.0.113.9")
    assert response.status_code == 302
    row = AuditEvent.objects.get(action=AccountEvent.SIGNED_IN, actor=cast.iro)
    assert row.ip_address == "203.0.113.9"


@pytest.mark.usefixtures("behind_proxy")
def test_regression_behind_a_trusted_proxy_the_lockout_counts_by_the_forwarded_address(
        client, cast, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        # The part the client writes itself changes every time: it buys nothing.
        response = sign_in(client, cast.iro.email, "wrong", PROXY,
                           f"198.51.100.{attempt}, 203.0.113.9")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    assert sign_in(client, cast.iro.email, PASSWORD, PROXY, "203.0.113.9").status_code == 429
    # Someone else behind the same proxy is not locked out with them.
    elsewhere = sign_in(client, cast.iro.email, PASSWORD, PROXY, "203.0.113.77")
    assert elsewhere.status_code == 302
    row = AuditEvent.objects.get(action=AccountEvent.SIGNED_IN, actor=cast.iro)
    assert row.ip_address == "203.0.113.77"


# Untrusted: a forged header is ignored.

def test_regression_a_forged_x_forwarded_for_is_not_written_to_the_audit_log(client, cast,
                                                                           settings):
    settings.TRUSTED_PROXIES = ()
    response = sign_in(client, cast.iro.email, PASSWORD, "203.0.113.50", "198.51.100.1")
    assert response.status_code == 302
    row = AuditEvent.objects.get(action=AccountEvent.SIGNED_IN, actor=cast.iro)
    assert row.ip_address == "203.0.113.50"


@pytest.mark.parametrize("trusted", [(), (ipaddress.ip_network(PROXY),)])
def test_regression_a_forged_x_forwarded_for_cannot_dodge_the_lockout(client, cast, settings,
                                                                    trusted):
    """With no proxy trusted, or from an address that is not the trusted proxy, a new
    X-Forwarded-For on every guess is still one address: the lockout comes at the limit."""
    settings.TRUSTED_PROXIES = trusted
    limit = settings.AXES_FAILURE_LIMIT
    for attempt in range(limit - 1):
        assert sign_in(client, cast.iro.email, "wrong", "203.0.113.50",
                       f"198.51.100.{attempt}").status_code == 200
    assert sign_in(client, cast.iro.email, "wrong", "203.0.113.50",
                   "198.51.100.200").status_code == 429
    assert sign_in(client, cast.iro.email, PASSWORD, "203.0.113.50",
                   "198.51.100.201").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.50"}


# Configuration.

def test_trusted_proxies_reads_addresses_and_networks(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", " 10.0.0.5, 192.168.0.0/16,fd00::/8 ")
    assert env.networks("TRUSTED_PROXIES") == (
        ipaddress.ip_network("10.0.0.5/32"), ipaddress.ip_network("192.168.0.0/16"),
        ipaddress.ip_network("fd00::/8"))
    monkeypatch.delenv("TRUSTED_PROXIES")
    assert env.networks("TRUSTED_PROXIES") == ()


@pytest.mark.parametrize("value", ["10.0.0.300", "proxy.example", "10.0.0.5/24", "10.0.0.0/33"])
def test_malformed_trusted_proxies_stops_start_up_naming_it(value):
    result = start_django(DEBUG="true", TRUSTED_PROXIES=value)
    assert result.returncode != 0
    assert "TRUSTED_PROXIES must list IP addresses or networks" in result.stderr
    assert repr(value) in result.stderr
