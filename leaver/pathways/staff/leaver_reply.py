"""What the staff pathway gives the kernel's leaver pages (leaver.cases.you) through its
Definition: the wording the leaver reads, who is never offered as their interviewer, and
what is stored when they reply to the offer (their choices, on StaffLeaver)."""

from __future__ import annotations

from typing import Any

from leaver.cases.models import Interview
from leaver.pathways.staff.models import (
    Confidentiality,
    StaffLanguage,
    StaffLeaver,
    TakingPart,
)


def leaver_language(case: Interview) -> str:
    """"cy" for a member of staff who reads Welsh, else "" (the questionnaire's English)."""
    leaver = StaffLeaver.objects.filter(interview=case).first()
    return "cy" if leaver is not None and leaver.language == StaffLanguage.WELSH else ""


def not_interviewers(case: Interview) -> frozenset[int]:
    """Never offered to the leaver as their interviewer: their line manager (seed 000)."""
    manager = StaffLeaver.objects.filter(interview=case).values_list(
        "line_manager_id", flat=True).first()
    return frozenset({manager}) if manager else frozenset()


def on_leaver_reply(case: Interview, reply: dict[str, Any]) -> None:
    """Store the leaver's reply to the offer. `reply`: "accepted" (bool), "confidentiality"
    and "taking_part" (choice values, empty when declining), "preferred_interviewer" (a
    User or None) and "at" (when they replied). Runs inside the kernel's action."""
    leaver = StaffLeaver.objects.select_for_update().get(interview=case)
    leaver.replied_at = reply["at"]
    if reply["accepted"]:
        leaver.confidentiality = Confidentiality(reply["confidentiality"])
        leaver.taking_part = TakingPart(reply["taking_part"])
        leaver.preferred_interviewer = reply.get("preferred_interviewer")
    leaver.save(update_fields=["replied_at", "confidentiality", "taking_part",
                               "preferred_interviewer"])
