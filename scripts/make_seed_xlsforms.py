"""Write the seeded XLSForm workbooks in leaver/questionnaires/seeds/ from the data below and
in scripts/appendix_1.py.

    .venv/bin/python scripts/make_seed_xlsforms.py [--check]

The .xlsx files are what the app loads; this script is how they were made, so a reviewer can
read the wording here and in scripts/appendix_1.py, and regenerate them. With --check it writes
nothing and exits 1 when a file differs from what the script would write.

yp-appendix-1: Appendix 1 of seed 002, with the keys, sections and wording (English, Welsh and
easy read) of scripts/appendix_1.py. A closed question is yes / no / not sure with an optional
comment `<key>_comment`; an open one is long text. "Menus? Bedtimes? Activities?" keeps its key
and becomes a multiple choice (menus, bedtimes, activities, none of these: checkboxes), asked
only after "Yes" to "Did you have a say in what happened in the Home?". "Did not want to answer"
and "Not asked" are not written here: the answering form offers them on every closed question
(leaver.questionnaires.spec.NOT_ANSWERED). Version 2: the menus question asked only after
"Yes". The Welsh is best effort and must be reviewed by a Welsh speaker before use.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from leaver.questionnaires.spec import (  # noqa: E402
    YES_NO_NOT_SURE,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    Section,
)
from leaver.questionnaires.xlsform import write_xlsform  # noqa: E402
from scripts.appendix_1 import SECTION_TITLES_CY, SECTIONS, WORDING, Kind  # noqa: E402

SEEDS = ROOT / "leaver" / "questionnaires" / "seeds"

COMMENT = {"en": "Comment (optional)", "cy": "Sylw (dewisol)"}
COMMENT_EASY = {"en": "Do you want to say more? You do not have to.",
                "cy": "Ydych chi eisiau dweud mwy? Does dim rhaid i chi."}
RELEVANT = {
    "bullying_dealt_with": "${experienced_bullying} = 'yes'",
    "say_menus_bedtimes_activities": "${say_in_home} = 'yes'",
}
TRIGGERS = {
    "felt_safe": "${felt_safe} = 'no'",
    "experienced_bullying": "${experienced_bullying} = 'yes'",
}
SAY_IN = (
    Choice("menus", {"en": "Menus", "cy": "Bwydlenni"}),
    Choice("bedtimes", {"en": "Bedtimes", "cy": "Amser gwely"}),
    Choice("activities", {"en": "Activities", "cy": "Gweithgareddau"}),
    Choice("none", {"en": "None of these", "cy": "Dim un o'r rhain"}),
)
SAY_IN_HINT = {"en": "Choose each one you had a say in.",
               "cy": "Dewiswch bob un y cawsoch chi ddweud eich dweud amdano."}


def young_person() -> Questionnaire:
    sections = []
    for section in SECTIONS:
        items: list[Item] = []
        for question in section.questions:
            welsh, easy, easy_welsh = WORDING[question.key]
            label, easy_read = {"en": question.text, "cy": welsh}, {"en": easy, "cy": easy_welsh}
            relevant = RELEVANT.get(question.key, "")
            trigger = TRIGGERS.get(question.key, "")
            if question.key == "say_menus_bedtimes_activities":
                items.append(Item(question.key, ItemType.MULTIPLE_CHOICE, label, SAY_IN_HINT,
                                  easy_read, required=True, relevant=relevant,
                                  safeguarding_trigger=trigger, choices=SAY_IN))
            elif question.kind is Kind.CLOSED:
                items.append(Item(question.key, ItemType.YES_NO_NOT_SURE, label,
                                  easy_read=easy_read, required=True, relevant=relevant,
                                  safeguarding_trigger=trigger, choices=YES_NO_NOT_SURE))
            else:
                items.append(Item(question.key, ItemType.LONG_TEXT, label, easy_read=easy_read,
                                  relevant=relevant, safeguarding_trigger=trigger))
            if question.kind is Kind.CLOSED:
                items.append(Item(f"{question.key}_comment", ItemType.LONG_TEXT, dict(COMMENT),
                                  easy_read=dict(COMMENT_EASY), relevant=relevant))
        sections.append(Section(section.key, {"en": section.title,
                                              "cy": SECTION_TITLES_CY[section.key]},
                                items=tuple(items)))
    return Questionnaire(
        "yp-appendix-1",
        {"en": "Exit interview: questions for young people",
         "cy": "Cyfweliad gadael: cwestiynau i bobl ifanc"},
        "2", tuple(sections))


REASONS = (
    ("retirement", "Retirement"), ("career_progression", "Career progression"),
    ("promotion_elsewhere", "Promotion elsewhere"), ("workload", "Workload"), ("pay", "Pay"),
    ("leadership_and_management", "Leadership and management"),
    ("pupil_behaviour", "Pupil behaviour"), ("relocation", "Relocation"),
    ("family_or_personal", "Family or personal reasons"), ("health", "Health"),
    ("end_of_contract", "End of contract"), ("leaving_teaching", "Leaving teaching"),
    ("other", "Other"),
)
RATINGS = (
    ("rating_workload", "Workload"), ("rating_leadership", "Leadership"),
    ("rating_colleague_support", "Support from colleagues"),
    ("rating_professional_development", "Professional development"),
    ("rating_pay_and_conditions", "Pay and conditions"), ("rating_wellbeing", "Wellbeing"),
    ("rating_pupil_behaviour", "Pupil behaviour"),
)
SCALE = tuple(Choice(str(n), {"en": f"{n} – {words}"}) for n, words in enumerate(
    ("Very poor", "Poor", "Neither good nor poor", "Good", "Very good"), start=1))


def staff_exit() -> Questionnaire:
    leaving = Section("leaving", {"en": "Why you are leaving"}, items=(
        Item("reason_for_leaving", ItemType.SINGLE_CHOICE,
             {"en": "What is the main reason you are leaving?"}, required=True,
             choices=tuple(Choice(value, {"en": words}) for value, words in REASONS)),
        Item("reason_other", ItemType.SHORT_TEXT, {"en": "Other, please say"}, required=True,
             relevant="${reason_for_leaving} = 'other'"),
    ))
    ratings = Section("ratings", {"en": "Working here"}, {
        "en": "How would you rate each of these at this school, from 1 (very poor) to 5 "
              "(very good)?"}, items=tuple(
        Item(key, ItemType.SCALE, {"en": label}, required=True, choices=SCALE)
        for key, label in RATINGS))
    looking_back = Section("looking_back", {"en": "Looking back"}, items=(
        Item("would_have_stayed", ItemType.LONG_TEXT, {"en": "What would have made you stay?"}),
        Item("school_does_well", ItemType.LONG_TEXT, {"en": "What does the school do well?"}),
        Item("recommend_working_here", ItemType.YES_NO_NOT_SURE,
             {"en": "Would you recommend working here?"}, required=True,
             choices=tuple(Choice(c.value, {"en": c.label["en"]}) for c in YES_NO_NOT_SURE)),
        Item("anything_else", ItemType.LONG_TEXT,
             {"en": "Is there anything else you would like to tell us?"}),
    ))
    return Questionnaire("staff-exit", {"en": "School staff exit questionnaire"}, "1",
                         (leaving, ratings, looking_back))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    differ = []
    for questionnaire in (young_person(), staff_exit()):
        path = SEEDS / f"{questionnaire.key}.xlsx"
        data = write_xlsform(questionnaire)
        if check:
            if not path.exists() or path.read_bytes() != data:
                differ.append(path)
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}: {len(questionnaire.items())} items")
    for path in differ:
        print(f"{path.relative_to(ROOT)} differs from what this script writes", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
