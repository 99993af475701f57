"""Raising a concern by hand: the interviewer at any moment, the IRO once they can read the
record; the young person's own words, when they were said, and the raiser's note. Bad input is
refused with status 400, what was typed shown again, and nothing saved."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.core import mail
from django.utils import timezone

from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person.states import State
from leaver.safeguarding import raising
from leaver.safeguarding.models import Concern, SafeguardingSettings, Source, Status
from leaver.safeguarding.tests.helpers import raise_one
from leaver.testing import PEOPLE, datetime_parts, make_case


def raise_url(case):
    return f"/cases/{case.public_id}/safeguarding/raise/"


def post_data(**overrides):
    said = timezone.localtime() - dt.timedelta(hours=2)
    data = {"note": "He flinched when a member of staff came in.",
            "words": "He said if I tell anyone I'll be moved again.",
            **datetime_parts("said_at", said)}
    data.update(overrides)
    return data


def text(response):
    return html.unescape(response.content.decode())


def test_the_interviewer_raises_a_concern_before_the_interview_is_recorded(
        cast, client, django_capture_on_commit_callbacks):
    SafeguardingSettings.objects.create(organisation=cast.org, out_of_hours_phone="0300 1")
    case = make_case(cast, State.INTERVIEWER_ASSIGNED)
    client.force_login(cast.interviewer)
    page = text(client.get(raise_url(case)))
    assert "Raise a safeguarding concern" in page
    assert "call 999 now, then ring the out-of-hours safeguarding number, 0300 1." in page
    mail.outbox.clear()
    said = timezone.localtime() - dt.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(raise_url(case), post_data(**datetime_parts("said_at", said)))
    concern = Concern.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/safeguarding/concerns/{concern.public_id}/"
    assert (concern.source, concern.status, concern.raised_by) == (
        Source.BY_HAND, Status.RAISED, cast.interviewer)
    assert concern.words == "He said if I tell anyone I'll be moved again."
    assert concern.note == "He flinched when a member of staff came in."
    assert f"{timezone.localtime(concern.said_at):%Y-%m-%d %H:%M}" == f"{said:%Y-%m-%d %H:%M}"
    assert [m.to for m in mail.outbox] == [[cast.safeguarding_lead.email]]
    assert "moved again" not in mail.outbox[0].body
    # The raiser reads it at once.
    page = text(client.get(response["Location"]))
    assert "He said if I tell anyone I'll be moved again." in page


def test_the_iro_raises_a_concern_while_reading_the_record(cast, client):
    case = make_case(cast, State.WITH_IRO)
    client.force_login(cast.iro)
    record_page = text(client.get(f"/cases/{case.public_id}/record/"))
    assert f'href="{raise_url(case)}"' in record_page
    assert client.post(raise_url(case), post_data(words="", **{
        "said_at-day": "", "said_at-month": "", "said_at-year": "", "said_at-time": ""}
    )).status_code == 302
    assert Concern.objects.get().raised_by == cast.iro


@pytest.mark.parametrize("person", [p for p in PEOPLE if p not in ("interviewer", "iro")])
def test_nobody_else_may_raise_one_here(cast, client, person):
    case = make_case(cast, State.WITH_IRO)
    client.force_login(getattr(cast, person))
    assert client.get(raise_url(case)).status_code == 404
    assert client.post(raise_url(case), post_data()).status_code == 404
    assert f'href="{raise_url(case)}"' not in text(client.get(f"/cases/{case.public_id}/"))
    assert not Concern.objects.exists()


def test_the_iro_cannot_raise_one_before_the_record(cast, client):
    case = make_case(cast, State.SCHEDULED)
    client.force_login(cast.iro)
    assert client.get(raise_url(case)).status_code == 404


def test_another_organisations_interviewer_gets_404(cast, other_cast, client):
    case = make_case(cast, State.SCHEDULED)
    client.force_login(other_cast.interviewer)
    assert client.get(raise_url(case)).status_code == 404


@pytest.mark.parametrize(("overrides", "message"), [
    ({"note": ""}, "Say what the concern is."),
    ({"said_at-time": ""}, "When the young person said it must include a time"),
    ({"said_at-day": "31", "said_at-month": "2"}, "must be a real date"),
    ({**{f"said_at-{p}": "" for p in ("day", "month", "year", "time")}},
     "Enter when the young person said it"),
    ({"words": ""}, "Enter what the young person said, or leave the date and time empty"),
    ({**datetime_parts("said_at", timezone.now() + dt.timedelta(days=1))},
     "When the young person said it must be in the past"),
    ({"words": "x" * (limits.CONCERN_WORDS + 1)},
     "What the young person said must be 5,000 characters or fewer."),
    ({"note": "y" * (limits.CONCERN_NOTE + 1)},
     "What the concern is must be 5,000 characters or fewer."),
])
def test_bad_input_is_refused_with_what_was_typed_kept(cast, client, overrides, message):
    case = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    data = post_data(**overrides)
    response = client.post(raise_url(case), data)
    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert "There is a problem" in page
    for name in ("note", "words"):
        if data[name] and len(data[name]) < 100:
            assert data[name] in page
    assert not Concern.objects.exists()


def test_the_action_refuses_what_the_form_would(cast):
    case = make_case(cast, State.SCHEDULED)
    now = timezone.now()
    for disclosure, message in [
        (raising.Disclosure(note=" "), "Say what the concern is."),
        (raising.Disclosure(note="n", words="w"), "Enter when the young person said it."),
        (raising.Disclosure(note="n", said_at=now), "Enter what the young person said"),
        (raising.Disclosure(note="n", words="w", said_at=now + dt.timedelta(hours=1)),
         "must be in the past"),
        (raising.Disclosure(note="n" * (limits.CONCERN_NOTE + 1)), "5,000 characters"),
    ]:
        with pytest.raises(ActionRefused, match=message):
            raising.raise_by_hand(actor=cast.interviewer, case=case, disclosure=disclosure)
    with pytest.raises(ActionRefused, match="Only the young person's interviewer"):
        raising.raise_by_hand(actor=cast.social_worker, case=case,
                              disclosure=raising.Disclosure(note="n"))
    assert not Concern.objects.exists()


def test_each_raising_by_hand_is_a_new_concern(cast):
    case = make_case(cast, State.SCHEDULED)
    raise_one(cast, case)
    raise_one(cast, case)
    assert Concern.objects.filter(interview=case).count() == 2
