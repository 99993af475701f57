"""An organisation admin's reset of someone's two-factor sign-in (the action; the button on the
users page calls it): their app and recovery codes go, their sessions end, the next sign-in asks
them to set it up again, and the admin is recorded as having done it."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from leaver.accounts.tests.factors import enrol, sign_in_fully, sign_in_with_password
from leaver.accounts.two_factor import reset_second_factor
from leaver.audit.models import AuditEvent
from leaver.core.errors import ActionRefused

pytestmark = pytest.mark.usefixtures("two_factor_required")


def test_a_reset_removes_the_app_and_codes_and_ends_their_sessions(cast):
    enrolled = enrol(cast.iro)
    phone, laptop, colleague = Client(), Client(), Client()
    sign_in_fully(phone, cast.iro, enrolled)
    sign_in_with_password(laptop, cast.iro)
    colleague_codes = enrol(cast.csm)
    sign_in_fully(colleague, cast.csm, colleague_codes)

    reset_second_factor(cast.iro, by=cast.org_admin)

    assert not TOTPDevice.objects.filter(user=cast.iro).exists()
    assert not StaticDevice.objects.filter(user=cast.iro).exists()
    assert not StaticToken.objects.filter(token__in=enrolled.recovery_codes).exists()
    for client in (phone, laptop):
        assert client.get("/work/")["Location"].startswith("/accounts/login/")
    # Nobody else is touched.
    assert colleague.get("/work/").status_code == 200
    assert TOTPDevice.objects.filter(user=cast.csm).exists()
    row = AuditEvent.objects.get(action="account.second_factor_reset")
    assert (row.actor, row.object_id, row.organisation_id) == (cast.org_admin,
                                                               cast.iro.public_id, cast.org.pk)


def test_the_next_sign_in_asks_them_to_set_it_up_again(client, cast):
    enrolled = enrol(cast.iro)
    reset_second_factor(cast.iro, by=cast.org_admin)
    sign_in_with_password(client, cast.iro)
    assert client.get("/work/")["Location"].startswith("/accounts/two-factor/set-up/")
    # The old recovery codes are no way in.
    response = client.post("/accounts/two-factor/recovery-code/",
                           {"code": enrolled.recovery_codes[0]})
    assert response["Location"].startswith("/accounts/two-factor/set-up/")


def test_no_reset_across_organisations(cast, other_cast):
    enrol(cast.iro)
    with pytest.raises(ActionRefused):
        reset_second_factor(cast.iro, by=other_cast.org_admin)
    assert TOTPDevice.objects.filter(user=cast.iro).exists()
    assert not AuditEvent.objects.filter(action="account.second_factor_reset").exists()
