"""A case's answers to its questionnaire version: which version, the drafts saved so far,
checking a complete set against the version, storing them, and reading them across cases."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet
from django.utils.datastructures import MultiValueDict

from leaver.accounts.models import User
from leaver.cases import concerns
from leaver.cases.models import Answer, Interview, InterviewRecord
from leaver.core import limits
from leaver.core.encrypted_fields import Sealed
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Pathway
from leaver.questionnaires import queries as codec
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.answering import AnswerForm, answer_to, words
from leaver.questionnaires.models import Version
from leaver.questionnaires.selection import version_for
from leaver.questionnaires.spec import DID_NOT_ANSWER, NOT_ASKED, ItemType, Questionnaire, Section

NO_QUESTIONNAIRE = (
    "Your organisation has no published questionnaire for this pathway, so the interview "
    "cannot be recorded yet. Ask your organisation admin to publish one."
)


def questionnaire_version(case: Interview) -> Version:
    """The version the interview is recorded against: the one pinned when the case opened,
    or (if none was published then) the organisation's current one."""
    if case.questionnaire_version_id is not None:
        return Version.objects.select_related("template").get(pk=case.questionnaire_version_id)
    version = version_for(organisation_id=case.organisation_id,
                          pathway=Pathway(case.pathway), setting=case.setting)
    if version is None:
        raise ActionRefused(NO_QUESTIONNAIRE)
    return version


def pin(case: Interview) -> Version:
    """The case's version, fixed on the case now if it was not yet."""
    version = questionnaire_version(case)
    if case.questionnaire_version_id is None:
        case.questionnaire_version = version
        case.save(update_fields=["questionnaire_version"])
    return version


def saved(case: Interview, questionnaire: Questionnaire) -> dict[str, Value]:
    """The answers saved so far, as the answering form takes them."""
    types = questionnaire.keys()
    return {a.item_key: codec.from_text(types.get(a.item_key), a.value)
            for a in Answer.objects.filter(interview=case)}


def _form_data(answers: Mapping[str, Value]) -> MultiValueDict[str, str]:
    data: MultiValueDict[str, str] = MultiValueDict()
    for key, value in answers.items():
        data.setlist(key, list(value) if isinstance(value, list | tuple) else [value])
    return data


def check_complete(questionnaire: Questionnaire, answers: Mapping[str, Value]
                   ) -> dict[str, Value]:
    """The answers to keep (hidden items discarded), or ActionRefused saying what is wrong:
    every required item that is shown must be answered, in every section."""
    if set(answers) - set(questionnaire.keys()):
        raise ActionRefused("The record has answers to questions that are not in the form.")
    form = AnswerForm(_form_data(answers), questionnaire=questionnaire)
    if not form.is_valid():
        for name in form.fields:
            if name in form.errors:
                message = str(form.errors[name][0])
                raise ActionRefused(message if message.endswith(".") else f"{message}.")
        raise ActionRefused(str(form.non_field_errors()[0]))
    return form.visible_answers


def refuse_if_too_long(questionnaire: Questionnaire, answers: Mapping[str, Value]) -> None:
    """No answer is stored longer than leaver.core.limits.ANSWER, whatever sent it."""
    labels = {item.key: words(item.label, "en") for item in questionnaire.items()}
    for key, value in answers.items():
        limits.refuse_if_too_long(codec.to_text(value).strip(), limits.ANSWER,
                                  answer_to(labels.get(key, key)))


FREE_TEXT = frozenset({ItemType.SHORT_TEXT, ItemType.LONG_TEXT})


def stored(item_type: ItemType | None, text: str) -> str:
    """How an answer is stored: free text encrypted at rest (`Sealed`, ADR 0027); a choice
    code, number, date or "did not want to answer" plain, so reports count them in SQL."""
    if item_type in FREE_TEXT and text not in (DID_NOT_ANSWER, NOT_ASKED):
        return Sealed(text)
    return text


def store(case: Interview, version: Version, answers: Mapping[str, Value]) -> None:
    questionnaire = version.questionnaire
    refuse_if_too_long(questionnaire, answers)
    types = questionnaire.keys()
    Answer.objects.bulk_create(
        Answer(interview=case, version=version, item_key=key,
               value=stored(types.get(key), codec.to_text(value).strip()))
        for key, value in answers.items() if codec.to_text(value).strip()
    )


def section_of(version: Version, section_key: str) -> Section:
    section = next((s for s in version.questionnaire.sections if s.key == section_key), None)
    if section is None:
        raise ActionRefused("That part of the questionnaire does not exist.")
    return section


def replace_section(case: Interview, version: Version, section_key: str,
                    answers: Mapping[str, Value], *, actor: User | None = None,
                    amending: bool = False) -> None:
    """One section's draft answers replace what was saved for it before. `actor`: who saved
    them (None: the leaver themselves), told to safeguarding with the case (concerns).
    Once the record exists its answers are locked: only an amendment (leaver.cases.amending,
    `amending`) changes them, and it ends in a new version with who, when and why."""
    if not amending and InterviewRecord.objects.filter(interview=case).exists():
        raise ActionRefused("This record is locked. Change its answers by amending it: the "
                            "change is kept as a new version, with the reason.")
    keys = {item.key for item in section_of(version, section_key).items}
    if set(answers) - keys:
        raise ActionRefused("The answers are to questions that are not in this part.")
    Answer.objects.filter(interview=case, item_key__in=keys).delete()
    store(case, version, answers)
    concerns.answers_saved(actor, case)


def replace_all(case: Interview, version: Version, answers: Mapping[str, Value], *,
                actor: User | None = None) -> None:
    Answer.objects.filter(interview=case).delete()
    store(case, version, answers)
    concerns.answers_saved(actor, case)


def answers_to(item_key: str, organisation_id: int) -> QuerySet[Answer]:
    """Every answer to the item `item_key` in the organisation, whatever the version."""
    return (Answer.objects
            .filter(item_key=item_key, interview__organisation_id=organisation_id)
            .select_related("version", "interview")
            .order_by("interview__created_at", "id"))
