"""The offer (seed 000: voluntary, valued by the school, one to one, confidential): emailed
with a link through the outbox, a reply date in working days, a printable letter whose new
link ends the emailed one, resending, a new link, and the leaver's "no" or withdrawal."""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases import links
from leaver.cases.models import LeaverLink, LinkPurpose
from leaver.core.working_days import add_working_days
from leaver.organisations.models import Deadlines
from leaver.pathways.staff import actions_offer
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import make_staff_case


def live_links(case) -> list[LeaverLink]:
    return list(LeaverLink.objects.filter(interview=case, used_at__isnull=True,
                                          ended_at__isnull=True))


def token_in(body: object) -> str:
    return str(body).split("/you/", 1)[1].split("/", 1)[0]


def test_sending_the_offer_emails_a_link_with_the_seeds_words(
        client, staff, django_capture_on_commit_callbacks, caplog):
    case = make_staff_case(staff)
    Deadlines.objects.create(organisation=staff.yp.org, offer_days=7)
    client.force_login(staff.headteacher)
    assert "voluntary" in client.get(reverse("staff:send_offer", args=[case.public_id])
                                     ).content.decode()
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:send_offer", args=[case.public_id]))
    assert response.status_code == 302
    case.refresh_from_db()
    leaver = case.staff_leaver
    assert case.state == State.OFFERED
    assert leaver.reply_due == add_working_days(timezone.localdate(), 7, "england")
    [message] = mail.outbox
    assert message.to == ["morgan.price@home.example"]
    body = message.body
    for words in ("voluntary", "values what you have to say", "one to one", "confidential",
                  f"{staff.headteacher.full_name}, our headteacher, encourages",
                  f"{leaver.reply_due:%-d %B %Y}"):
        assert words in body
    token = token_in(body)
    assert links.open_link(token).interview == case
    # The token is in the email only: never in the logs.
    assert token not in caplog.text
    assert AuditEvent.objects.filter(action=StaffEvent.OFFER_SENT).count() == 1


def test_resending_the_offer_ends_the_link_sent_before(staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_staff_case(staff, State.OFFERED)
        actions_offer.send_offer(actor=staff.hr_lead, interview=case)
    first, second = (token_in(m.body) for m in mail.outbox[-2:])
    with pytest.raises(links.LinkRefused) as refused:
        links.open_link(first)
    assert refused.value.kind == "replaced"
    assert links.open_link(second).interview == case
    assert len(live_links(case)) == 1


def test_printing_the_letter_makes_a_new_link_and_ends_the_emailed_one(
        client, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_staff_case(staff, State.OFFERED)
    emailed = token_in(mail.outbox[-1].body)
    client.force_login(staff.hr_lead)
    page = client.get(reverse("staff:offer_letter", args=[case.public_id])).content.decode()
    assert "The link in the email you sent will stop working" in page
    response = client.post(reverse("staff:offer_letter", args=[case.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    with pytest.raises(links.LinkRefused):
        links.open_link(emailed)
    [link] = live_links(case)
    assert link.purpose == LinkPurpose.OFFER
    assert AuditEvent.objects.filter(action=StaffEvent.LINK_SENT,
                                     detail__how="letter").count() == 1


def test_the_letter_cannot_be_printed_before_the_offer_is_sent(client, staff):
    case = make_staff_case(staff)
    client.force_login(staff.hr_lead)
    assert client.post(reverse("staff:offer_letter", args=[case.public_id])).status_code == 403
    assert live_links(case) == []


def test_a_new_link_is_emailed_for_the_step_the_leaver_is_on(
        client, staff, django_capture_on_commit_callbacks):
    case = make_staff_case(staff, State.AWAITING_CONFIRMATION)
    mail.outbox.clear()
    client.force_login(staff.hr_lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:new_link", args=[case.public_id]))
    assert response.status_code == 302
    [message] = mail.outbox
    assert "check the record" in message.body
    assert links.open_link(token_in(message.body)).purpose == LinkPurpose.REVIEW


def test_no_new_link_when_the_leaver_has_nothing_to_do(client, staff):
    case = make_staff_case(staff, State.SCHEDULED)
    client.force_login(staff.hr_lead)
    assert client.post(reverse("staff:new_link", args=[case.public_id])).status_code == 400
    assert live_links(case) == []


def test_recording_that_they_declined_closes_the_case_and_ends_the_link(client, staff):
    case = make_staff_case(staff, State.OFFERED)
    client.force_login(staff.headteacher)
    response = client.post(reverse("staff:record_decline", args=[case.public_id]),
                           {"reason": "Told me in the corridor they would rather not."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.DECLINED
    assert case.closed_at is not None
    assert case.outcome_reason == "Told me in the corridor they would rather not."
    assert live_links(case) == []


def test_the_reason_for_declining_is_optional(staff):
    case = make_staff_case(staff)
    actions_offer.record_decline(actor=staff.hr_lead, interview=case)
    case.refresh_from_db()
    assert case.state == State.DECLINED
    assert case.outcome_reason == ""


def test_withdrawal_has_a_warning_and_closes_the_case(client, staff):
    case = make_staff_case(staff, State.SCHEDULED)
    client.force_login(staff.hr_lead)
    page = client.get(reverse("staff:withdraw", args=[case.public_id])).content.decode()
    assert "govuk-button--warning" in page
    assert "cannot be undone" in page
    client.post(reverse("staff:withdraw", args=[case.public_id]), {"reason": ""})
    case.refresh_from_db()
    assert case.state == State.WITHDRAWN


def test_a_too_long_reason_is_refused_and_shown_again(client, staff):
    case = make_staff_case(staff, State.OFFERED)
    client.force_login(staff.hr_lead)
    response = client.post(reverse("staff:record_decline", args=[case.public_id]),
                           {"reason": "x" * 2001})
    assert response.status_code == 400
    assert "2,000 characters or fewer" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.OFFERED


def test_the_offer_date_counts_working_days_of_the_organisations_nation(staff):
    staff.yp.org.nation = "wales"
    staff.yp.org.save()
    case = make_staff_case(staff, State.OFFERED)
    assert case.staff_leaver.reply_due == add_working_days(timezone.localdate(), 10, "wales")


def test_the_timeline_says_how_each_link_went_and_the_reply_date(client, staff):
    case = make_staff_case(staff, State.OFFERED)
    actions_offer.print_offer(actor=staff.hr_lead, interview=case)
    client.force_login(staff.hr_lead)
    page = client.get(reverse("staff:case", args=[case.public_id])).content.decode()
    assert f"reply by {case.staff_leaver.reply_due:%-d %B %Y}" in page
    assert "printed in a letter" in page
