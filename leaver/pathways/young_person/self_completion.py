"""The interviewer sends the young person one of their own links (leaver.cases.you): the
questions to answer themselves before the interview (their answers become the interviewer's
draft; the interviewer still submits the record), or the submitted record to check and sign.
Each by email to the young person's own address, after a confirmation page."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import access, engine, leaver_mail, versions
from leaver.cases import answers as case_answers
from leaver.cases.models import Confirmation, Interview, LinkPurpose
from leaver.core.errors import ActionRefused
from leaver.core.working_days import add_working_days
from leaver.organisations.queries import deadlines_of
from leaver.pathways.young_person.forms import SubmitForm
from leaver.pathways.young_person.views import GET_POST
from leaver.ui.pages import form_page, posted

# What each link is, in the interviewer's words and in the young person's (the email).
SENDS = {
    "questions": ("send_self_completion", LinkPurpose.SELF_COMPLETION,
                  "Send the questions to the young person",
                  "Your exit interview questions",
                  ["You can answer the exit interview questions yourself, on a phone or a "
                   "computer, before you meet your interviewer.",
                   "It takes about 20 minutes. You can stop and carry on later.",
                   "You do not have to answer every question. Your interviewer will read "
                   "your answers and talk about them with you."]),
    "record": ("send_review_link", LinkPurpose.REVIEW,
               "Send the record to the young person to check",
               "Check what was written down",
               ["This is what was written down at your exit interview.",
                "Please read it. If it is right, you can sign it. If something is wrong, "
                "you can tell us what to change."]),
}


def _email(interview: Interview) -> str:
    email = interview.young_person.email.strip()
    if not email:
        raise ActionRefused(
            f"There is no email address for {interview.leaver_name}, so the link cannot be "
            "sent. Add their email on the case page first (“Change the phone or email”), "
            "or go through it with them in person.",
            back_url=engine.case_url(interview), back_label="Back to the case")
    return email


@transaction.atomic
def send(*, actor: User, interview: Interview, what: str) -> Interview:
    """Email the young person the link for `what` ("questions" or "record"), ending any
    earlier one for the same purpose."""
    name, purpose, _, subject, paragraphs = SENDS[what]
    interview = engine.lock(interview)
    engine.check(actor, interview, name)
    email = _email(interview)
    if purpose == LinkPurpose.SELF_COMPLETION:
        case_answers.pin(interview)
    else:
        record = interview.record
        if versions.current(interview) is None:
            versions.take_version(record, actor=actor)
        record.confirmation = Confirmation.AWAITING
        record.confirmation_due = add_working_days(
            timezone.localdate(), deadlines_of(interview.organisation_id).confirmation_days,
            interview.organisation.nation)
        record.save(update_fields=["confirmation", "confirmation_due"])
    leaver_mail.send_link(interview, purpose=purpose, actor=actor, to=email,
                          subject=subject, paragraphs=paragraphs)
    engine.take(actor, interview, name)
    return interview


@login_required
@GET_POST
def send_link(request: HttpRequest, public_id: uuid.UUID, what: str) -> HttpResponse:
    """The confirmation page, then the email."""
    if what not in SENDS:
        raise Http404("No such link")
    user: User = request.user  # type: ignore[assignment]
    interview = access.get_case_for_user(user, public_id)
    name, _, title, _, paragraphs = SENDS[what]
    engine.check(user, interview, name)
    email = _email(interview)
    return form_page(
        request, "young_person/send_link.html",
        {"interview": interview, "title": title, "email": email, "paragraphs": paragraphs,
         "what": what}, SubmitForm(posted(request)),
        lambda d: send(actor=user, interview=interview, what=what),
        f"Sent to {email}.", engine.case_url(interview))
