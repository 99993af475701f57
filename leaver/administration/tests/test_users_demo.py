"""The demo's Users page has someone in each state an admin meets."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from leaver.accounts.models import User


@pytest.mark.django_db
def test_the_demo_shows_an_invited_and_a_switched_off_person(client, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(User.objects.get(email="alex.morgan@demo.example"))
    page = client.get(reverse("administration:users:list")).content.decode()
    for words in ("Priya Desai", "Invited", "Tom Baker", "Switched off", "Active"):
        assert words in page
