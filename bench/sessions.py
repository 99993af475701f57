"""Signing the bench's people in without their passwords or authenticator apps: a session is
written straight into the session store, as Django's login() and django-otp's verification
would leave it (signed in, second factor passed, sign-in time stamped)."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from leaver.accounts.models import User
from leaver.accounts.sessions import SIGNED_IN_AT


def signed_in_client_cookie(user: User) -> tuple[str, str]:
    """(cookie name, value) of a new session in which `user` is signed in with two factors."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store[SIGNED_IN_AT] = timezone.now().timestamp()
    store.create()
    assert store.session_key is not None
    return settings.SESSION_COOKIE_NAME, store.session_key
