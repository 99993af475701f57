"""The menu leads each person to the cases they work on: an interviewer for a school to its
staff leavers, any other interviewer to the young people's cases."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.organisations.models import Role, Setting, SettingKind
from leaver.testing import make_cast, make_user

pytestmark = pytest.mark.django_db


def menu(user) -> list[str]:
    client = Client()
    client.force_login(user)
    return [item["label"] for item in client.get("/accounts/").context["nav_items"]]


def test_each_role_is_led_to_its_own_cases():
    cast = make_cast()
    school = Setting.objects.create(organisation=cast.org, name="Hill School",
                                    kind=SettingKind.SCHOOL)
    staff_interviewer = make_user(cast.org, "Sid School", Role.INTERVIEWER, school)
    head = make_user(cast.org, "Hana Head", Role.HEADTEACHER, school)
    assert "Staff leavers" in menu(staff_interviewer)
    assert "Cases" not in menu(staff_interviewer)
    assert "Staff leavers" in menu(head)
    assert "Cases" not in menu(head)
    assert "Cases" in menu(cast.interviewer)
    assert "Staff leavers" not in menu(cast.interviewer)
    assert "Staff leavers" not in menu(cast.social_worker)
