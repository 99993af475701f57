"""The record as a task list (GOV.UK pattern): when and how the interview was held, the
questionnaire's sections, and what goes with the answers, each with its status, and every
answer still missing, each linked to the place it is recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from leaver.cases import answers as case_answers
from leaver.cases.models import Interview, RecordDraft
from leaver.pathways.young_person import forms_record, recording_parts, wording
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.answering import item_label, words
from leaver.questionnaires.queries import shown_items
from leaver.questionnaires.spec import Questionnaire

NOT_STARTED, IN_PROGRESS, COMPLETED = "Not started", "In progress", "Completed"
FACTS, COMPLAINTS, AGREEMENT, CIRCULATION = "about", "complaints", "agreement", "circulation"


@dataclass(frozen=True)
class Missing:
    message: str
    url: str


@dataclass
class Task:
    key: str
    title: str
    url: str
    status: str = NOT_STARTED
    missing: list[Missing] = field(default_factory=list)


def page_url(interview: Interview, key: str) -> str:
    if key in (FACTS, COMPLAINTS, AGREEMENT, CIRCULATION):
        return reverse(f"young_person:record_{key}", args=[interview.public_id])
    return reverse("young_person:record_section", args=[interview.public_id, key])


def _status(started: bool, done: bool, missing: list[Missing]) -> str:
    if done and not missing:
        return COMPLETED
    return IN_PROGRESS if started or done else NOT_STARTED


def tasks(interview: Interview, questionnaire: Questionnaire, answers: dict[str, Value],
          draft: RecordDraft) -> tuple[list[Task], list[Task], list[Task]]:
    """(the interview, the questionnaire's sections, after the questions)."""
    def url(key: str) -> str:
        return page_url(interview, key)

    facts = Task(FACTS, "When, how and where it was held", url(FACTS))
    if interview.held_at is None:
        facts.missing.append(Missing("Record when, how and where the interview was held",
                                     f"{url(FACTS)}#id_held_at"))
    else:
        facts.status = COMPLETED
    shown = shown_items(questionnaire, answers)
    sections = []
    for section in questionnaire.sections:
        task = Task(section.key, words(section.title, "en"), url(section.key))
        for item in section.items:
            if item.key in shown and item.required and not answers.get(item.key):
                anchor = f"id_{item.key}_0" if item.choices else f"id_{item.key}"
                task.missing.append(Missing(
                    f"{task.title}: record an answer to “{item_label(item, 'en', False)}”",
                    f"{url(section.key)}#{anchor}"))
        started = any(answers.get(item.key) for item in section.items)
        task.status = _status(started, section.key in draft.sections_done, task.missing)
        sections.append(task)
    after = [
        Task(COMPLAINTS, "Complaints and advocacy", url(COMPLAINTS)),
        Task(AGREEMENT, "Agreeing the record with the young person", url(AGREEMENT)),
        Task(CIRCULATION, "Who reads the record", url(CIRCULATION)),
    ]
    complete = (draft.complaints_discussed is not None, bool(draft.agreed_with_young_person),
                draft.restrict_circulation is not None)
    messages = ("Answer the questions about complaints and advocacy",
                "Confirm that the record was agreed with the young person",
                "Say who should read the record")
    for task, done, message in zip(after, complete, messages, strict=True):
        task.status = COMPLETED if done else NOT_STARTED
        if not done:
            task.missing.append(Missing(message, task.url))
    return [facts], sections, after


def first_unfinished(groups: tuple[list[Task], ...]) -> Task | None:
    return next((t for group in groups for t in group if t.status != COMPLETED), None)


def all_missing(groups: tuple[list[Task], ...]) -> list[Missing]:
    return [m for group in groups for t in group for m in t.missing]


def task_groups(interview: Interview) -> tuple[list[Task], ...]:
    version = case_answers.questionnaire_version(interview)
    questionnaire = version.questionnaire
    return tasks(interview, questionnaire, case_answers.saved(interview, questionnaire),
                       recording_parts.draft_of(interview))


def wording_context(interview: Interview) -> dict[str, Any]:
    """The wording switch: offered only for a Welsh speaker or easy read."""
    young_person = interview.young_person
    offered = wording.offered(young_person)
    chosen = recording_parts.draft_of(interview).wording
    choices = [(w, recording_parts.WORDINGS[w]) for w in ["", *offered]]
    return {
        "wording_form": forms_record.WordingForm(
            initial={"wording": chosen if chosen in offered else ""}, choices=choices)
        if offered else None,
        "wording_url": reverse("young_person:record_wording", args=[interview.public_id]),
    }
