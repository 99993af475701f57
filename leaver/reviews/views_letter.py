"""The letter to the young person: written from the recommendations, downloaded as a PDF with
its address and the organisation's contacts, and recorded as sent (when and how)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods, require_safe

from leaver.accounts.models import User
from leaver.cases import access as case_access
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.core.pdf import render_pdf
from leaver.reviews import actions, forms
from leaver.reviews.access import can_download_letter
from leaver.reviews.events import ReviewEvent
from leaver.reviews.letter import blocks, contacts, language_of
from leaver.reviews.models import Letter
from leaver.reviews.queries import letter_of
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _case(user: User, public_id: uuid.UUID) -> Interview:
    """A case the user may open whose pathway writes a letter (the staff one does not)."""
    case = case_access.get_case_for_user(user, public_id)
    if not engine.definition_of(case).review_words.has_letter:
        raise Http404("No letter.")
    return case


def _refused(case: Interview, message: str) -> ActionRefused:
    return ActionRefused(message, back_url=engine.case_url(case), back_label="Back to the case")


def _shown(case: Interview, letter: Letter | None, user: User) -> dict[str, Any]:
    """The letter as it is printed: address, paragraphs and lists, the contacts. The address
    only for those who may see the leaver's contact details (after closing: fewer people)."""
    language = letter.language if letter is not None else language_of(case)
    heading, listed = contacts(case, language)
    return {
        "interview": case, "case_url": engine.case_url(case), "language": language,
        "address": engine.definition_of(case).postal_address(case)
        if case_access.can_see_contact_details(user, case) else [],
        "blocks": blocks(letter.text) if letter is not None else [],
        "contacts_heading": heading, "contacts": listed, "letter": letter,
    }


@login_required
@GET_POST
def letter(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = _case(user, public_id)
    engine.check(user, case, "edit_letter")
    saved = letter_of(case)
    if saved is not None and saved.sent_at is not None:
        if request.method == "POST":
            raise _refused(case, "The letter has been sent and can no longer be changed.")
        return render(request, "reviews/letter_sent.html", _shown(case, saved, user))
    form = forms.LetterForm(posted(request),
                            initial={"text": actions.letter_text_for(case, user)})
    return form_page(
        request, "reviews/letter.html", _shown(case, saved, user), form,
        lambda d: actions.save_letter(actor=user, interview=case, text=d["text"]),
        "The letter is saved. Download it, send it, then record it as sent.", request.path)


@require_safe
@login_required
def letter_pdf(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = _case(user, public_id)
    if not can_download_letter(user, case):
        raise _refused(case, "Only the IRO, the Children's Services Manager and the young "
                       "person's social worker can download the letter.")
    saved = letter_of(case)
    if saved is None:
        raise _refused(case, "There is no saved letter to download yet.")
    engine.record_event(user, case, ReviewEvent.LETTER_DOWNLOADED)
    # Month names in the letter's language (Django has Welsh).
    with translation.override(saved.language):
        html = render_to_string("reviews/letter_pdf.html", {
            **_shown(case, saved, user), "date": saved.sent_on or timezone.localdate(),
        })
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="letter-to-young-person.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@GET_POST
def letter_sent(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """When and how the letter went out; the case closes if nothing else is waiting."""
    user = _user(request)
    case = _case(user, public_id)
    engine.check(user, case, "letter_sent")
    saved = letter_of(case)
    if saved is None or saved.sent_at is not None:
        raise _refused(case, "Save the letter before recording it as sent." if saved is None
                       else "The letter is already recorded as sent.")
    return form_page(
        request, "reviews/letter_sent_form.html", _shown(case, saved, user),
        forms.SentForm(posted(request), initial={"sent_on": timezone.localdate()}),
        lambda d: actions.mark_letter_sent(actor=user, interview=case, sent_on=d["sent_on"],
                                           how=d["how"]),
        "The letter is recorded as sent.", engine.case_url(case))
