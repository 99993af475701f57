"""The questionnaire answered one section per page, for every pathway: the form of one
section (with what was saved before), the answers shown by section on check-answers and
record pages, and saving one section's answers as a draft before the record exists.

The young person's pages grew these first (leaver.pathways.young_person.views_record); they
are here so another pathway uses the same machinery rather than a copy. Amending a locked
record's answers goes through leaver.cases.amending instead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.forms import BoundField
from django.http import Http404, QueryDict

from leaver.accounts.models import User
from leaver.cases import answers as case_answers
from leaver.cases import engine, records
from leaver.cases.events import CaseEvent
from leaver.cases.models import Interview, RecordDraft
from leaver.core import limits
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.answering import AnswerForm, item_label, words
from leaver.questionnaires.models import Version
from leaver.questionnaires.queries import answer_words, from_text, shown_items
from leaver.questionnaires.spec import NOT_ANSWERED_VALUES, Questionnaire, Section


def optional(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire with nothing required: a draft saved to finish later may have gaps."""
    return dataclasses.replace(questionnaire, sections=tuple(
        dataclasses.replace(s, items=tuple(dataclasses.replace(i, required=False)
                                           for i in s.items))
        for s in questionnaire.sections))


def answer_sections(questionnaire: Questionnaire, answers: Mapping[str, Value],
                    language: str = "en", easy_read: bool = False) -> list[dict[str, Any]]:
    """The shown questions and their answers by section. A "<key>_comment" item goes with
    the question it comments on."""
    shown = shown_items(questionnaire, answers)
    out = []
    for section in questionnaire.sections:
        rows: list[dict[str, Any]] = []
        for item in section.items:
            if item.key not in shown:
                continue
            answer = answers.get(item.key)
            words_ = answer_words(item, answer, language) if answer else ""
            if rows and item.key == f"{rows[-1]['key']}_comment":
                rows[-1]["comment"] = words_
                continue
            rows.append({"key": item.key, "label": item_label(item, language, easy_read),
                         "choice": bool(item.choices), "answer": words_, "comment": "",
                         "not_answered": str(answer) in NOT_ANSWERED_VALUES})
        if rows:
            out.append({"key": section.key, "title": words(section.title, language),
                        "rows": rows})
    return out


def answers_of_content(questionnaire: Questionnaire, content: Mapping[str, Any]
                       ) -> dict[str, Value]:
    """The answers kept in a record version's content, as the answering form takes them."""
    types = questionnaire.keys()
    return {key: from_text(types.get(key), value)
            for key, value in content.get("answers", [])}


@dataclass(frozen=True)
class SectionPage:
    section: Section
    number: int  # from 1
    keys: list[str]  # every section's key, in order
    form: AnswerForm

    @property
    def fields(self) -> list[BoundField]:
        return [self.form[item.key] for item in self.section.items]

    @property
    def next_key(self) -> str | None:
        return self.keys[self.number] if self.number < len(self.keys) else None


def section_page(case: Interview, version: Version, section_key: str,
                 data: QueryDict | None, *, later: bool = False, faces: bool = False,
                 language: str = "en", easy_read: bool = False) -> SectionPage:
    """The form of one section, holding what was saved for it (and the answers of the other
    sections, for its conditions). `later`: saved to finish later, so nothing is required."""
    questionnaire = version.questionnaire
    keys = [s.key for s in questionnaire.sections]
    if section_key not in keys:
        raise Http404("No such section")
    index = keys.index(section_key)
    section = questionnaire.sections[index]
    saved = case_answers.saved(case, questionnaire)
    own = {item.key for item in section.items}
    form = AnswerForm(
        data, questionnaire=optional(questionnaire) if later else questionnaire,
        sections=[section_key], earlier={k: v for k, v in saved.items() if k not in own},
        initial={k: v for k, v in saved.items() if k in own},
        faces=faces, language=language, easy_read=easy_read)
    for before, item in zip(section.items, section.items[1:], strict=False):
        if item.key == f"{before.key}_comment":
            # Every comment box looks alike: screen readers also hear which question it is on.
            question = form.fields[before.key].label
            form.fields[item.key].hidden_label_suffix = (  # type: ignore[attr-defined]
                f" on “{question}”")
            form.fields[item.key].error_messages["max_length"] = limits.too_long(
                f"Your comment on “{question}”", limits.ANSWER)
    return SectionPage(section=section, number=index + 1, keys=keys, form=form)


def draft_of(case: Interview) -> RecordDraft:
    draft, _ = RecordDraft.objects.get_or_create(interview=case)
    return draft


@transaction.atomic
def save_draft_section(*, actor: User, case: Interview, transition: str, section_key: str,
                       answers: Mapping[str, Value], done: bool = False) -> Interview:
    """One section's answers saved as a draft before the record exists, by someone who may
    take `transition` (the step that submits the record). `done`: saved with "Save and
    continue", so the section counts as completed. The answers' words are not audited; that
    a draft was saved is."""
    case = engine.lock(case)
    records.refuse_if_locked(case)
    engine.check(actor, case, transition)
    version = case_answers.pin(case)
    case_answers.replace_section(case, version, section_key, answers, actor=actor)
    draft = draft_of(case)
    sections = [key for key in draft.sections_done if key != section_key]
    draft.sections_done = [*sections, section_key] if done else sections
    draft.save(update_fields=["sections_done"])
    engine.record_event(actor, case, CaseEvent.RECORD_DRAFT_SAVED, section=section_key)
    return case
