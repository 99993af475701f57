"""The free-text answers a report groups into themes (leaver.reports.themes; ADR 0024), with
who may be quoted and the names to replace.

- Young people: every short or long text item of the questionnaire versions their records
  were answered on, by stable key across versions (the newest version's wording); a young
  person is quoted only if they agreed to be (`Interview.may_quote_anonymously`).
- Staff: "what would have made you stay" (`would_have_stayed`). Staff are never asked for
  leave to quote; a member of staff is quoted only if they chose to be named (the headteacher
  and HR lead, who read the report, may read their whole record anyway). Anyone who chose
  "anonymous in reports", or never chose, is never quoted: their answers count only inside
  the themes, which cover 5 answers or more.

Only submitted records' answers count; "did not want to answer" and "not asked" are not text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import QuerySet

from leaver.accounts.models import User
from leaver.cases.models import Answer, Interview
from leaver.organisations.models import Organisation, Setting
from leaver.pathways.staff.models import Confidentiality
from leaver.questionnaires.models import Version
from leaver.questionnaires.spec import DID_NOT_ANSWER, NOT_ASKED, Item, ItemType
from leaver.reports.themes import SAMPLE, ItemThemes, Redactor, Response, themes

TEXT_TYPES = (ItemType.SHORT_TEXT, ItemType.LONG_TEXT)
STAY_ITEM = "would_have_stayed"
HOME = "[home]"
SCHOOL = "[school]"


def redactor_for(organisation: Organisation, cases: QuerySet[Interview], place_word: str
                 ) -> Redactor:
    """The names known to the system: the organisation's people, the leavers of the report
    (a leaver may name another) and the organisation's settings."""
    people = [*User.objects.filter(organisation=organisation).values_list("full_name", flat=True),
              *cases.values_list("leaver_name", flat=True)]
    places = Setting.objects.filter(organisation=organisation).values_list("name", flat=True)
    return Redactor(people, list(places), place_word)


def _text_items(version_ids: Iterable[int]) -> list[Item]:
    """The text items of these versions, one per key, in the newest version's order and
    wording (a key only older versions ask comes after)."""
    found: dict[str, Item] = {}
    for version in Version.objects.filter(pk__in=set(version_ids)).order_by("-pk"):
        for item in version.questionnaire.items():
            if item.type in TEXT_TYPES:
                found.setdefault(item.key, item)
    return list(found.values())


def _responses(cases: QuerySet[Interview], key: str, field: str,
               may_quote: Callable[[object], bool]) -> tuple[int, list[Response]]:
    """How many answered the question `key`, and their answers in a fixed order (the case,
    then the answer): all of them, or above themes.SAMPLE an evenly spread sample of about
    that size, read as a stream (memory stays the same however many answered). `field` of
    the answer holds what `may_quote` decides from."""
    answers = Answer.objects.filter(
        interview__in=cases.filter(record__isnull=False), item_key=key).exclude(
        value__in=["", DID_NOT_ANSWER, NOT_ASKED])
    total = answers.count()
    step = max(1, -(-total // SAMPLE))
    found = [Response(value, may_quote(consent), (name,))
             for i, (value, name, consent) in enumerate(
                 answers.order_by("interview_id", "id").values_list(
                     "value", "interview__leaver_name", field).iterator(chunk_size=2000))
             if i % step == 0]
    return total, found


def young_person_themes(organisation: Organisation, cases: QuerySet[Interview]
                        ) -> list[ItemThemes]:
    """The themes of every open question the young people's records answer."""
    version_ids = Answer.objects.filter(
        interview__in=cases.filter(record__isnull=False)).values_list(
        "version_id", flat=True).distinct()
    items = _text_items(version_ids)
    if not items:
        return []
    redactor = redactor_for(organisation, cases, HOME)
    found = []
    for item in items:
        total, responses = _responses(cases, item.key, "interview__may_quote_anonymously",
                                      lambda agreed: agreed is True)
        found.append(ItemThemes(item.key, item.label.get("en", item.key), total,
                                themes(responses, redactor)))
    return found


def staff_themes(organisation: Organisation, cases: QuerySet[Interview], question: str
                 ) -> ItemThemes:
    """The themes of what would have made the leavers stay; only the named are quoted."""
    total, responses = _responses(cases, STAY_ITEM, "interview__staff_leaver__confidentiality",
                                  lambda chosen: chosen == Confidentiality.NAMED)
    return ItemThemes(STAY_ITEM, question, total,
                      themes(responses, redactor_for(organisation, cases, SCHOOL)))

