"""The demo's safeguarding: the organisation's settings, Morgan Price's open concern (raised by
the bullying she disclosed, when the interview was recorded: leaver.safeguarding) and a
concern about Taylor Quinn that the interviewer raised by hand and the safeguarding lead
closed with a referral to the MASH. Through the real actions, so the audit log is real."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.models import Interview
from leaver.organisations.models import Organisation
from leaver.safeguarding import actions, config, raising
from leaver.safeguarding.models import ReferredTo


def load(org: Organisation, people: dict[str, User]) -> None:
    admin, lead, interviewer = people["alex"], people["dev"], people["ivan"]
    config.change_settings(actor=admin, organisation=org, choices=config.Choices(
        out_of_hours_phone="01632 960 999 (emergency duty team)", acknowledge_hours=4,
        pattern_count=2, pattern_months=12, deputies=[]))
    taylor = Interview.objects.get(organisation=org, leaver_name="Taylor Quinn")
    raised = timezone.now() - dt.timedelta(days=10)
    concern = raising.raise_by_hand(
        actor=interviewer, case=taylor, at=raised, disclosure=raising.Disclosure(
            note="After the interview she showed me messages from an adult she met online "
                 "who wants to meet her on her own.",
            words="He says he's 19 and I can't tell anyone because he'd get in trouble.",
            said_at=raised - dt.timedelta(minutes=20)))
    actions.acknowledge(actor=lead, concern=concern, at=raised + dt.timedelta(hours=1))
    actions.draft_referral(actor=lead, concern=concern, referral=actions.Referral(
        referred_to=ReferredTo.SOCIAL_CARE, reference="MASH-2026-0318",
        referred_on=timezone.localdate(raised)))
    actions.close(actor=lead, concern=concern, at=raised + dt.timedelta(hours=3))
