"""Reads for the leaver's own pages: the statement they are shown, the interviewers they may
choose from, who hears of their reply, the wording they read, and their answers as words."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.organisations.models import ConfidentialityStatement, Membership, Role
from leaver.organisations.queries import current_statement
from leaver.questionnaires import conditions
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.answering import item_label, words
from leaver.questionnaires.queries import answer_words, shown_items
from leaver.questionnaires.spec import NOT_ANSWERED_VALUES, Questionnaire

logger = logging.getLogger(__name__)


def wording(case: Interview) -> tuple[str, bool]:
    """The language and easy-read choice of the leaver's pages (the pathway says which)."""
    chosen = engine.definition_of(case).leaver_language(case)
    return ("cy", False) if chosen == "cy" else ("en", chosen == "easy")


def statement(case: Interview) -> ConfidentialityStatement | None:
    return current_statement(case.organisation_id, case.pathway)


def statement_text(case: Interview, shown: ConfidentialityStatement) -> tuple[str, bool]:
    """The statement's words for this leaver, and whether they are the Welsh text."""
    welsh = wording(case)[0] == "cy" and bool(shown.text_cy.strip())
    return shown.text_for(welsh=welsh), welsh


def interviewers(case: Interview) -> list[Membership]:
    """Whom the leaver may ask for: the organisation's interviewers, never those the pathway
    rules out (a staff leaver's line manager), in name order."""
    barred = engine.definition_of(case).not_interviewers(case)
    return list(Membership.objects.filter(
        role=Role.INTERVIEWER, user__organisation_id=case.organisation_id,
        user__is_active=True).exclude(user_id__in=barred).select_related("user")
        .order_by("user__full_name", "user_id"))


def leads(case: Interview) -> list[User]:
    """Who arranges the interview for this case (those who may assign the interviewer):
    told of the leaver's reply. A headteacher never hears of an anonymous leaver."""
    held = engine.definition_of(case).transitions["assign_interviewer"].roles
    found = User.objects.filter(organisation_id=case.organisation_id, is_active=True,
                                memberships__role__in=list(held)).distinct()
    return [user for user in found if engine.acts_as_any(user, case, held)]


def interviewer_or_leads(case: Interview) -> list[User]:
    return [case.interviewer] if case.interviewer is not None else leads(case)


def answer_sections(questionnaire: Questionnaire, answers: Mapping[str, Value],
                    language: str = "en", easy_read: bool = False) -> list[dict[str, Any]]:
    """The shown questions and their answers, by section, in the leaver's wording."""
    shown = shown_items(questionnaire, answers)
    out = []
    for section in questionnaire.sections:
        rows = [{"key": item.key, "label": item_label(item, language, easy_read),
                 "answer": answer_words(item, answers[item.key], language)
                 if answers.get(item.key) else "",
                 "not_answered": str(answers.get(item.key)) in NOT_ANSWERED_VALUES,
                 "required": item.required}
                for item in section.items if item.key in shown]
        if rows:
            out.append({"key": section.key, "title": words(section.title, language),
                        "rows": rows})
    return out


def triggers_met(questionnaire: Questionnaire, answers: Mapping[str, Value],
                 keys: set[str]) -> bool:
    """Whether an answer to one of `keys` meets its question's safeguarding trigger (the
    same test leaver.safeguarding makes when the answers are saved)."""
    known = questionnaire.keys()
    shown = shown_items(questionnaire, answers)
    for item in questionnaire.items():
        if (item.key not in keys or not item.safeguarding_trigger or item.key not in shown
                or not answers.get(item.key)):
            continue
        try:
            node = conditions.parse(item.safeguarding_trigger, known)
        except conditions.ConditionError:
            logger.warning("A safeguarding trigger could not be read (item %s).", item.key)
            continue
        if conditions.evaluate(node, dict(answers)):
            return True
    return False
