"""The staff record for those who may read it (leaver.cases.access): the answers of its
newest version, whether the leaver signed it as correct, every version with who, when and why,
and a comparison of any two. Every read is audited."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from leaver.accounts.models import User
from leaver.cases import access, amending, amendment_agreement, engine, records, sections, versions
from leaver.cases.events import CaseEvent
from leaver.cases.models import Confirmation, Interview, RecordVersion, SignOff
from leaver.cases.version_rows import change_rows
from leaver.pathways.staff import amending as staff_amending
from leaver.questionnaires.models import Version
from leaver.questionnaires.spec import Questionnaire


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _questionnaire(case: Interview) -> Questionnaire | None:
    if case.questionnaire_version_id is None:
        return None
    return Version.objects.get(pk=case.questionnaire_version_id).questionnaire


def _day(moment: Any) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y}"


def confirmation_words(case: Interview, signed: SignOff | None,
                       history: list[RecordVersion]) -> list[str]:
    """What the record page says about the leaver's check, newest facts last."""
    record = case.record
    if signed is not None:
        lines = [f"Signed as correct by the leaver on {_day(signed.signed_at)} "
                 f"(version {signed.version.number})"
                 + (f", recorded in person by {signed.recorded_by.full_name}."
                    if signed.recorded_by else ".")]
        later = [v for v in history if v.number > signed.version.number]
        for version in later:
            who = version.made_by.full_name if version.made_by else "the leaver"
            lines.append(f"Amended since: version {version.number} by {who} on "
                         f"{_day(version.made_at)} because {version.reason}")
        return lines
    if record.confirmation == Confirmation.AWAITING:
        due = f" by {record.confirmation_due:%-d %B %Y}" if record.confirmation_due else ""
        return [f"Sent to the leaver to check{due}. Not signed yet."]
    if record.confirmation == Confirmation.CORRECTIONS_REQUESTED:
        return ["The leaver asked for corrections."]
    if record.confirmation == Confirmation.NOT_CONFIRMED:
        return ["Not confirmed by the leaver: they did not sign it by the deadline."]
    return ["Not sent to the leaver to check yet."]


@require_safe
@login_required
def record(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = access.get_record_for_user(user, public_id)
    engine.record_event(user, case, CaseEvent.RECORD_VIEWED)
    history = list(case.record_versions.select_related("made_by"))
    latest = history[-1] if history else None
    signed = (SignOff.objects.filter(interview=case).select_related("version", "recorded_by")
              .order_by("-signed_at", "-id").first())
    questionnaire = _questionnaire(case)
    shown: list[dict[str, Any]] = []
    if questionnaire is not None and latest is not None:
        shown = sections.answer_sections(
            questionnaire, sections.answers_of_content(questionnaire, latest.content))
    agreement = amendment_agreement.panel(user, case, staff_amending.AGREED_BY)
    may_amend = engine.may(user, case, "amend_record") or (
        engine.may(user, case, "amend_later") and agreement["may_amend_now"])
    return render(request, "staff/record.html", {
        "case": case, "record": case.record, "latest": latest, "versions": history,
        "signed": signed, "sections": shown,
        "confirmation": confirmation_words(case, signed, history),
        "intact": latest is not None and records.hash_of(latest.content)
        == latest.content_sha256 == case.record.content_sha256,
        "requests": case.correction_requests.select_related("version", "answered_by"),
        "may_amend": may_amend, "agreement": agreement,
        "pending": may_amend and bool(amending.pending_changes(case)),
        "can_open_case": access.can_open_case(user, case),
    })


def _number(request: HttpRequest, name: str) -> int:
    try:
        return int(request.GET.get(name, ""))
    except ValueError:
        raise Http404("No such version.") from None


@require_safe
@login_required
def compare(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """What changed between two versions (?from=1&to=3), for those who may read the record."""
    user = _user(request)
    case = access.get_record_for_user(user, public_id)
    history = list(case.record_versions.select_related("made_by"))
    by_number = {v.number: v for v in history}
    if len(history) < 2:
        raise Http404("There is only one version.")
    older_number = _number(request, "from") if "from" in request.GET else history[-2].number
    newer_number = _number(request, "to") if "to" in request.GET else history[-1].number
    if older_number not in by_number or newer_number not in by_number:
        raise Http404("No such version.")
    if older_number > newer_number:
        older_number, newer_number = newer_number, older_number
    older, newer = by_number[older_number], by_number[newer_number]
    engine.record_event(user, case, CaseEvent.RECORD_VIEWED,
                        compared=[older.number, newer.number])
    return render(request, "staff/versions_compare.html", {
        "case": case, "older": older, "newer": newer, "versions": history,
        "rows": change_rows(_questionnaire(case), versions.compare(older, newer)),
        "between": [v for v in history if older.number < v.number <= newer.number],
    })
