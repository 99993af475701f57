"""Everything held about a young person or a member of staff, case by case: their details,
the case, the record's answers in every version, the review (recommendations or actions,
their responses, the letter), concerns about them, messages sent to them and the audit rows
about each. Read-only; the caller audits the export."""

from __future__ import annotations

from django.db.models import Q

from leaver.audit.models import AuditEvent
from leaver.audit.vocabulary import label_of
from leaver.cases import engine, sections, versions
from leaver.cases.models import AmendmentAgreement, Interview, InterviewRecord, LeaverLink
from leaver.notifications.models import Message
from leaver.questionnaires.models import Version
from leaver.reviews.models import Letter, Recommendation, Review
from leaver.safeguarding.models import Concern
from leaver.subject_access.dossier import Dossier, Part, shown

YOUNG_PERSON_FIELDS = (
    ("Date of birth", "date_of_birth"), ("Planned move date", "planned_move_date"),
    ("Social worker", "social_worker"), ("Independent Reviewing Officer", "allocated_iro"),
    ("Significant learning disability", "significant_learning_disability"),
    ("Preferred language", "preferred_language"), ("Other language", "other_language"),
    ("Phone", "phone"), ("Email", "email"), ("Address line 1", "address_line_1"),
    ("Address line 2", "address_line_2"), ("Town", "town"), ("Postcode", "postcode"),
    ("Consent asked on", "consent_asked_on"))
STAFF_FIELDS = (
    ("Email", "email"), ("Job role", "job_role"), ("Department", "department"),
    ("Line manager", "line_manager"), ("Line manager's name as given", "line_manager_name"),
    ("Start date", "start_date"), ("Leaving date", "leaving_date"),
    ("Reason for leaving (code)", "reason_code"), ("Language", "language"),
    ("Offer sent", "offer_sent_at"), ("Replied", "replied_at"),
    ("Confidentiality chosen", "confidentiality"), ("Taking part", "taking_part"))
CASE_FIELDS = (
    ("Opened", "created_at"), ("Consent recorded", "consent_recorded_at"),
    ("May be quoted anonymously", "may_quote_anonymously"), ("Interviewer", "interviewer"),
    ("Interview arranged for", "scheduled_for"), ("Where", "location"),
    ("Interview held", "held_at"), ("Held how", "held_how"), ("Held where", "held_where"),
    ("Support", "support"), ("Closed", "closed_at"))
CASE_FREE_TEXT = (("Reason for the outcome", "outcome_reason"),
                  ("People present", "people_present"), ("Support details", "support_details"))
RECORD_FIELDS = (
    ("Submitted", "submitted_at"), ("Submitted by", "submitted_by"),
    ("Complaints process discussed", "complaints_discussed"),
    ("Advocacy discussed", "advocacy_discussed"),
    ("Wanted to make a complaint", "complaints_referral_wanted"),
    ("Wanted an advocate", "advocacy_referral_wanted"),
    ("Agreed with the leaver", "agreed_with_young_person"),
    ("Circulation restricted", "circulation_restricted"),
    ("Checked by the leaver", "confirmation"), ("SHA-256 of the newest version", "content_sha256"))
RECORD_FREE_TEXT = (("Interviewer's notes", "interviewer_notes"),
                    ("Left out at the leaver's request", "left_out_note"),
                    ("Why circulation is restricted", "restriction_reason"))


def _fields(d: Dossier, part: Part, obj: object, fields: tuple[tuple[str, str], ...],
            free: bool = False) -> None:
    for label, name in fields:
        value = getattr(obj, name)
        display = getattr(obj, f"get_{name}_display", None)
        d.row(part, label, display() if display and value else value, free=free)


def _answers(d: Dossier, part: Part, case: Interview) -> None:
    """The record's answers in every version (version 1 as submitted, each amendment after
    it, with who, when and why), or the answers as they stand when no version was kept."""
    version = (Version.objects.get(pk=case.questionnaire_version_id)
               if case.questionnaire_version_id else None)
    questionnaire = version.questionnaire if version else None
    history = list(case.record_versions.select_related("made_by"))
    if not history:
        answers = {a.item_key: a.value for a in case.answers.all()}
        if answers:
            own = d.part("Answers", part)
            for key, value in answers.items():
                d.row(own, key, value, free=True)
        return
    for kept in history:
        own = d.part(f"Record version {kept.number}", part)
        d.row(own, "Made by", kept.made_by or "The leaver")
        d.row(own, "Made", kept.made_at)
        d.row(own, "Why it was changed", kept.reason, free=True)
        d.row(own, "SHA-256", kept.content_sha256)
        if questionnaire is None:
            for key, value in kept.content.get("answers", []):
                d.row(own, key, value, free=True)
            continue
        given = sections.answers_of_content(questionnaire, kept.content)
        for section in sections.answer_sections(questionnaire, given):
            for row in section["rows"]:
                d.row(own, row["label"], row["answer"], free=True)
                if row["comment"]:
                    d.row(own, f"{row['label']} (comment)", row["comment"], free=True)
    broken = versions.broken_versions(case)
    d.row(part, "Every version matches its SHA-256",
          "Yes" if not broken else f"No: {', '.join(str(n) for n in broken)}")


def _record(d: Dossier, parent: Part, case: Interview) -> None:
    record = InterviewRecord.objects.filter(interview=case).select_related(
        "submitted_by").first()
    part = d.part("Interview record", parent)
    if record is not None:
        _fields(d, part, record, RECORD_FIELDS)
        _fields(d, part, record, RECORD_FREE_TEXT, free=True)
    _answers(d, part, case)
    for request in case.correction_requests.select_related("version"):
        d.row(d.part("Correction asked for by the leaver", part), shown(request.requested_at),
              request.comment, free=True)
    for sign_off in case.sign_offs.select_related("version"):
        d.row(part, f"Signed as correct (version {sign_off.version.number})",
              f"{sign_off.typed_name}, {shown(sign_off.signed_at)}")
    for agreement in AmendmentAgreement.objects.filter(interview=case).select_related(
            "asked_by", "decided_by"):
        own = d.part("Request to amend the record", part)
        d.row(own, "Asked by", agreement.asked_by)
        d.row(own, "Asked", agreement.asked_at)
        d.row(own, "Why", agreement.reason, free=True)
        d.row(own, "Decision", agreement.get_status_display())
        d.row(own, "Decided by", agreement.decided_by)
        d.row(own, "Why it was refused", agreement.refusal_reason, free=True)
    for referral in case.referrals.all():
        own = d.part(f"Referral: {referral.get_kind_display()}", part)
        d.row(own, "Outcome", referral.get_outcome_display())
        d.row(own, "Made on", referral.made_on)
        d.row(own, "Reference", referral.reference)
        d.row(own, "Reason", referral.reason, free=True)


def _review(d: Dossier, parent: Part, case: Interview) -> None:
    review = Review.objects.filter(interview=case).first()
    if review is not None:
        d.row(d.part("Review", parent), "No action needed because", review.no_action_reason,
              free=True)
    for n, rec in enumerate(Recommendation.objects.filter(interview=case).select_related(
            "owner").order_by("created_at", "id"), start=1):
        own = d.part(f"Recommendation {n}", parent)
        d.row(own, "Recommendation", rec.text, free=True)
        d.row(own, "In the young person's words", rec.young_person_text, free=True)
        d.row(own, "For", rec.owner)
        d.row(own, "Due", rec.due_date)
        d.row(own, "Response", rec.get_response_kind_display() if rec.response_kind else "")
        d.row(own, "What they said", rec.response_text, free=True)
        d.row(own, "Answered", rec.responded_at)
        d.row(own, "Withdrawn", rec.withdrawn_at)
        d.row(own, "Why it was withdrawn", rec.withdrawal_reason, free=True)
    letter = Letter.objects.filter(interview=case).first()
    if letter is not None:
        own = d.part("Letter", parent)
        d.row(own, "Text", letter.text, free=True)
        d.row(own, "Sent on", letter.sent_on)
        d.row(own, "Sent how", letter.get_sent_how_display() if letter.sent_how else "")


def _concerns(d: Dossier, parent: Part, case: Interview) -> list[Concern]:
    concerns = list(Concern.objects.filter(interview=case).order_by("raised_at", "id"))
    for n, concern in enumerate(concerns, start=1):
        own = d.part(f"Safeguarding concern {n}", parent)
        d.row(own, "Raised", concern.raised_at)
        d.row(own, "Raised by", concern.raised_by or "The leaver's own answers")
        d.row(own, "Status", concern.get_status_display())
        d.row(own, "Their words", concern.words, free=True)
        d.row(own, "Note", concern.note, free=True)
        for trigger in concern.triggers.all():
            d.row(own, trigger.question, f"{trigger.answer} {trigger.comment}".strip(),
                  free=True)
        for note in concern.notes.select_related("written_by"):
            d.row(own, f"Note by {shown(note.written_by)}, {shown(note.written_at)}",
                  note.text, free=True)
        d.row(own, "Outcome", concern.get_outcome_display() if concern.outcome else "")
        d.row(own, "Why no action", concern.no_action_reason, free=True)
    return concerns


def audit_rows(d: Dossier, part: Part, events: list[AuditEvent]) -> None:
    for event in events:
        detail = ", ".join(f"{k}: {shown(v)}" for k, v in sorted(event.detail.items()))
        # Details may hold corrected values and names (a case's leaver, a search): checked
        # for other people's names like typed words.
        d.row(part, f"{shown(event.at)} · {shown(event.actor) or 'Leaver'}",
              label_of(event.action) + (f" ({detail})" if detail else ""), free=bool(detail))


def messages(d: Dossier, parent: Part, organisation_id: int, addresses: set[str],
             user_id: int | None = None) -> None:
    """Emails queued or sent to the person (a secret link's body is blanked once sent)."""
    if not addresses and user_id is None:
        return
    who = Q(pk__in=[])
    for address in addresses:
        who |= Q(to__iexact=address)
    if user_id is not None:
        who |= Q(user_id=user_id)
    part = d.part("Emails sent to them", parent)
    for message in Message.objects.filter(who, organisation_id=organisation_id).order_by(
            "created_at", "id"):
        d.row(part, f"{shown(message.created_at)} · {message.subject}",
              message.body or "(Not kept: it held a private link.)", free=True)


def add_case(d: Dossier, case: Interview, number: int) -> None:
    part = d.part(f"Case {number}: {case.get_pathway_display()}, {case.setting.name}")
    d.row(part, "Name", case.leaver_name)
    d.row(part, "Where they were", case.setting.name)
    d.row(part, "Stage", engine.state_label(case))
    details = d.part("Personal details", part)
    young_person = getattr(case, "young_person", None)
    staff_leaver = getattr(case, "staff_leaver", None)
    if young_person is not None:
        _fields(d, details, young_person, YOUNG_PERSON_FIELDS)
        d.row(details, "Communication needs", young_person.communication_needs, free=True)
    if staff_leaver is not None:
        _fields(d, details, staff_leaver, STAFF_FIELDS)
        d.row(details, "Why their line manager interviews them",
              staff_leaver.line_manager_override_reason, free=True)
    the_case = d.part("The case", part)
    _fields(d, the_case, case, CASE_FIELDS)
    _fields(d, the_case, case, CASE_FREE_TEXT, free=True)
    links = list(LeaverLink.objects.filter(interview=case).order_by("created_at", "id"))
    sent = d.part("Links sent to them", part) if links else None
    for link in links:
        assert sent is not None
        d.row(sent, link.get_purpose_display().capitalize(),
              f"sent {shown(link.created_at)}, works until {shown(link.expires_at)}"
              + (f", used {shown(link.used_at)}" if link.used_at else ""))
    _record(d, part, case)
    _review(d, part, case)
    concerns = _concerns(d, part, case)
    address = getattr(young_person or staff_leaver, "email", "")
    messages(d, part, case.organisation_id, {address} if address else set())
    ids = [case.public_id, *(c.public_id for c in concerns),
           *Recommendation.objects.filter(interview=case).values_list("public_id", flat=True)]
    audit_rows(d, d.part("Audit: what was done with this case, and by whom", part),
               list(AuditEvent.objects.filter(object_id__in=ids).select_related("actor")
                    .order_by("at", "id")))
