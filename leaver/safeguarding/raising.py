"""Raising a concern: by an answer that meets its question's safeguarding trigger (a draft
section counts: the interview may still be going on), or by hand.

By answers, one concern per case per question: a question whose trigger was met once on a
case never raises again (saving the same answer again, or submitting the record, adds
nothing). A different question's trigger met while the case has an open concern joins that
concern (the leads are told there is another answer to read) rather than opening a second:
the leads deal with one young person's disclosures together. Met after the concern is closed,
it raises a new one. A concern raised by hand is always a new one.

Raising never waits for the IRO: the safeguarding leads are emailed at once (every lead; the
CSMs if the organisation has none) and the concern is due to be acknowledged within the
organisation's working hours (leaver.core.working_days).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import answers as case_answers
from leaver.cases.models import Interview
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.core.working_days import add_working_hours
from leaver.questionnaires import conditions
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.answering import words as wording
from leaver.questionnaires.queries import answer_words, shown_items
from leaver.questionnaires.spec import Item, Questionnaire
from leaver.safeguarding import access, config, patterns, telling, workflow
from leaver.safeguarding.events import SafeguardingEvent
from leaver.safeguarding.models import OPEN, Concern, Source, Trigger

logger = logging.getLogger(__name__)


def triggered(questionnaire: Questionnaire, answers: dict[str, Value]) -> list[Item]:
    """The answered, shown questions whose safeguarding trigger the answers meet."""
    known = questionnaire.keys()
    shown = shown_items(questionnaire, answers)
    met = []
    for item in questionnaire.items():
        if not item.safeguarding_trigger or item.key not in shown or not answers.get(item.key):
            continue
        try:
            node = conditions.parse(item.safeguarding_trigger, known)
        except conditions.ConditionError:
            # Checked when the questionnaire was published; a version that slipped through
            # must not stop the interview being saved.
            logger.warning("A safeguarding trigger could not be read (item %s).", item.key)
            continue
        if conditions.evaluate(node, answers):
            met.append(item)
    return met


def _new_concern(*, case: Interview, source: Source, actor: User | None, at: dt.datetime,
                 words: str = "", said_at: dt.datetime | None = None, note: str = ""
                 ) -> Concern:
    hours = config.settings_for(case.organisation_id).acknowledge_hours
    due = add_working_hours(at, hours, case.organisation.nation)
    return Concern.objects.create(
        organisation_id=case.organisation_id, interview=case, setting_id=case.setting_id,
        source=source, raised_by=actor, raised_at=at, words=words, said_at=said_at,
        note=note, acknowledge_by=due, next_escalation_at=due)


def _told(concern: Concern) -> None:
    telling.raised(concern)
    patterns.notice(concern)


def raise_from_answers(*, actor: User | None, case: Interview,
                       at: dt.datetime | None = None) -> Concern | None:
    """Called through the kernel's hook (leaver.cases.concerns.answers_saved) inside the
    transaction that saved the answers, with the case locked by that action. The concern
    raised or joined, or None if no new question's trigger was met."""
    at = at or timezone.now()
    questionnaire = case_answers.questionnaire_version(case).questionnaire
    answers = case_answers.saved(case, questionnaire)
    already = set(Trigger.objects.filter(interview=case).values_list("item_key", flat=True))
    met = [item for item in triggered(questionnaire, answers) if item.key not in already]
    if not met:
        return None
    concern = (Concern.objects.select_for_update().filter(interview=case, status__in=OPEN)
               .order_by("-raised_at", "-id").first())
    new = concern is None
    if concern is None:
        concern = _new_concern(case=case, source=Source.ANSWER, actor=actor, at=at)
    for item in met:
        comment = answers.get(f"{item.key}_comment")
        Trigger.objects.create(
            concern=concern, interview=case, item_key=item.key,
            question=wording(item.label, "en"), answer=answer_words(item, answers[item.key]),
            comment=str(comment or ""), recorded_by=actor, recorded_at=at)
    if new:
        workflow.record_event(actor, concern, SafeguardingEvent.RAISED_BY_ANSWER,
                              answers=len(met))
        _told(concern)
    else:
        workflow.check(None, concern, "add_answer")
        workflow.record_event(actor, concern, SafeguardingEvent.ANSWER_ADDED, answers=len(met))
        telling.answer_added(concern, concern.triggers.count())
    return concern


@dataclass(frozen=True)
class Disclosure:
    note: str  # what worries the person raising it
    words: str = ""  # what the young person said, in their own words
    said_at: dt.datetime | None = None


def refuse_bad_disclosure(disclosure: Disclosure, now: dt.datetime) -> None:
    if not disclosure.note.strip():
        raise ActionRefused("Say what the concern is.")
    limits.refuse_if_too_long(disclosure.note.strip(), limits.CONCERN_NOTE, "What the concern is")
    limits.refuse_if_too_long(disclosure.words.strip(), limits.CONCERN_WORDS,
                              "What the young person said")
    if disclosure.words.strip() and disclosure.said_at is None:
        raise ActionRefused("Enter when the young person said it.")
    if disclosure.said_at is not None and not disclosure.words.strip():
        raise ActionRefused("Enter what the young person said, or leave the date and time "
                            "empty.")
    if disclosure.said_at is not None and disclosure.said_at > now:
        raise ActionRefused("When the young person said it must be in the past.")


@transaction.atomic
def raise_by_hand(*, actor: User, case: Interview, disclosure: Disclosure,
                  at: dt.datetime | None = None) -> Concern:
    """The case's interviewer (at any moment) or the IRO reading the record raises a concern:
    the young person's own words, when they said them, and the raiser's note."""
    at = at or timezone.now()
    if not access.may_raise(actor, case):
        raise ActionRefused("Only the young person's interviewer, or their IRO once the record "
                            "is submitted, can raise a safeguarding concern here.")
    refuse_bad_disclosure(disclosure, at)
    concern = _new_concern(case=case, source=Source.BY_HAND, actor=actor, at=at,
                           words=disclosure.words.strip(), said_at=disclosure.said_at,
                           note=disclosure.note.strip())
    workflow.record_event(actor, concern, SafeguardingEvent.RAISED_BY_HAND)
    _told(concern)
    return concern
