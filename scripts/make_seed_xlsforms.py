"""Write the seeded XLSForm workbooks in leaver/questionnaires/seeds/ from the data below.

    .venv/bin/python scripts/make_seed_xlsforms.py [--check]

The .xlsx files are what the app loads; this script is how they were made, so a reviewer can
read the wording here and regenerate them. With --check it writes nothing and exits 1 when a
file differs from what the script would write.

yp-appendix-1: Appendix 1 of seed 002, with the keys, sections and English wording of
leaver/interviews/questionnaire.py. A closed question is yes / no / not sure with an optional
comment `<key>_comment`; an open one is long text. "Menus? Bedtimes? Activities?" keeps its key
and becomes a multiple choice (menus, bedtimes, activities, none of these), shown once "Did you
have a say in what happened in the Home?" is answered. The Welsh is best effort and must be
reviewed by a Welsh speaker before use.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from leaver.interviews.questionnaire import SECTIONS, Kind  # noqa: E402

from leaver.questionnaires.spec import (  # noqa: E402
    YES_NO_NOT_SURE,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    Section,
)
from leaver.questionnaires.xlsform import write_xlsform  # noqa: E402

SEEDS = ROOT / "leaver" / "questionnaires" / "seeds"

SECTION_TITLES_CY = {
    "living_here": "Byw yma",
    "moving_on": "Symud ymlaen",
    "care_and_safety": "Gofal a diogelwch",
    "being_listened_to": "Cael gwrando arnoch chi",
    "school": "Ysgol",
    "health": "Iechyd",
    "having_a_say": "Cael dweud eich dweud",
    "activities": "Gweithgareddau",
    "friends_and_relationships": "Ffrindiau a pherthnasoedd",
    "good_and_bad": "Pethau da a drwg",
    "in_charge": "Petaech chi'n gyfrifol",
}

# key: (Welsh label, easy-read English, easy-read Welsh)
WORDING: dict[str, tuple[str, str, str]] = {
    "happy_living_here": (
        "Oeddech chi'n hapus yn byw yma?",
        "Were you happy here?",
        "Oeddech chi'n hapus yma?"),
    "rather_lived_elsewhere": (
        "Fyddech chi wedi hoffi byw yn rhywle arall?",
        "Did you want to live somewhere else?",
        "Oeddech chi eisiau byw yn rhywle arall?"),
    "asked_what_you_wanted": (
        "Wnaeth pobl ofyn beth oeddech chi eisiau?",
        "Did people ask you what you wanted?",
        "Wnaeth pobl ofyn i chi beth oeddech chi eisiau?"),
    "happy_leaving_now": (
        "Ydych chi'n hapus eich bod chi'n gadael nawr?",
        "Are you happy to leave now?",
        "Ydych chi'n hapus i adael nawr?"),
    "who_decided": (
        "Pwy benderfynodd?",
        "Who decided you would leave?",
        "Pwy benderfynodd y byddech chi'n gadael?"),
    "want_to_stay_longer": (
        "Fyddech chi eisiau aros yn hirach?",
        "Do you want to stay here longer?",
        "Ydych chi eisiau aros yma'n hirach?"),
    "helped_prepare_move": (
        "Ydy pobl wedi eich helpu i baratoi ar gyfer y symud a'r lle nesaf y byddwch chi'n "
        "byw? Os felly, pa fath o bethau wnaeth eich helpu chi?",
        "Did people help you get ready to move? What helped?",
        "Wnaeth pobl eich helpu i baratoi i symud? Beth wnaeth helpu?"),
    "people_took_care": (
        "Oeddech chi'n teimlo bod pobl yn gofalu amdanoch chi yn y Cartref?",
        "Did people look after you well here?",
        "Wnaeth pobl edrych ar eich ôl chi'n dda yma?"),
    "someone_safe_to_talk_to": (
        "Oedd yna rywun yr oeddech chi'n teimlo'n ddiogel yn siarad â nhw?",
        "Was there someone safe to talk to?",
        "Oedd yna rywun diogel i siarad â nhw?"),
    "saw_social_worker_enough": (
        "Welsoch chi eich gweithiwr cymdeithasol mor aml ag yr oeddech chi'n dymuno?",
        "Did you see your social worker enough?",
        "Welsoch chi eich gweithiwr cymdeithasol ddigon?"),
    "time_with_keyworker": (
        "Gawsoch chi dreulio digon o amser yn siarad â'ch Gweithiwr Allweddol?",
        "Did you get enough time to talk to your keyworker?",
        "Gawsoch chi ddigon o amser i siarad â'ch gweithiwr allweddol?"),
    "talked_and_helped_enough": (
        "Wnaeth pobl siarad â chi a'ch helpu chi gymaint ag yr oeddech chi eisiau?",
        "Did people talk to you and help you enough?",
        "Wnaeth pobl siarad â chi a'ch helpu chi ddigon?"),
    "property_cared_for": (
        "Oedd pobl yn gofalu am eich eiddo personol?",
        "Were your things kept safe?",
        "Gafodd eich pethau eu cadw'n ddiogel?"),
    "felt_safe": (
        "Oeddech chi'n teimlo'n ddiogel?",
        "Did you feel safe here?",
        "Oeddech chi'n teimlo'n ddiogel yma?"),
    "made_uncomfortable": (
        "Wnaeth unrhyw beth ddigwydd a wnaeth i chi deimlo'n anghyfforddus, yn flin neu'n "
        "anhapus?",
        "Did anything make you feel bad, angry or sad?",
        "Wnaeth unrhyw beth wneud i chi deimlo'n ddrwg, yn flin neu'n drist?"),
    "experienced_bullying": (
        "Gawsoch chi eich bwlio o gwbl?",
        "Were you bullied?",
        "Gawsoch chi eich bwlio?"),
    "bullying_dealt_with": (
        "Sut cafodd hyn ei drin?",
        "What did people do about the bullying?",
        "Beth wnaeth pobl am y bwlio?"),
    "listened_to_views": (
        "Ydych chi'n meddwl bod pobl wedi gwrando ar eich barn am bethau?",
        "Did people listen to what you think?",
        "Wnaeth pobl wrando ar beth rydych chi'n ei feddwl?"),
    "say_in_care_plan": (
        "Gawsoch chi ddweud eich dweud am eich Cynllun Gofal ac mewn Adolygiadau?",
        "Did people ask what you wanted in your care plan and in meetings about you?",
        "Wnaeth pobl ofyn beth oeddech chi eisiau yn eich cynllun gofal ac mewn cyfarfodydd "
        "amdanoch chi?"),
    "listened_when_worried": (
        "Wnaeth pobl wrando os oeddech chi'n poeni am rywbeth?",
        "When you were worried, did people listen?",
        "Pan oeddech chi'n poeni, wnaeth pobl wrando?"),
    "encouraged_school": (
        "Wnaeth pobl eich annog i fynd i'r ysgol a'ch helpu gyda hi?",
        "Did people help you go to school?",
        "Wnaeth pobl eich helpu i fynd i'r ysgol?"),
    "helped_ready_for_school": (
        "Gawsoch chi help i baratoi ar gyfer yr ysgol yn y bore?",
        "Did people help you get ready for school in the morning?",
        "Wnaeth pobl eich helpu i baratoi am yr ysgol yn y bore?"),
    "asked_about_school": (
        "Oedden nhw'n gofyn sut aeth hi yn yr ysgol pan ddaethoch chi adref?",
        "Did people ask about your day at school?",
        "Wnaeth pobl ofyn am eich diwrnod yn yr ysgol?"),
    "asked_about_homework": (
        "Oedden nhw'n gofyn am waith cartref? Gwneud yn siŵr bod lle i'w wneud?",
        "Did people ask about homework and give you a place to do it?",
        "Wnaeth pobl ofyn am waith cartref a rhoi lle i chi ei wneud?"),
    "helped_with_homework": (
        "Oedden nhw'n helpu gyda gwaith ysgol neu waith cartref?",
        "Did people help with your homework?",
        "Wnaeth pobl eich helpu gyda'ch gwaith cartref?"),
    "carers_attended_school": (
        "Oedd gofalwyr yn dod i ddiwrnodau neu weithgareddau ysgol?",
        "Did your carers come to things at school?",
        "Wnaeth eich gofalwyr ddod i bethau yn yr ysgol?"),
    "health_looked_after": (
        "Wnaeth pobl edrych ar ôl eich iechyd?",
        "Did people help you stay healthy?",
        "Wnaeth pobl eich helpu i gadw'n iach?"),
    "when_ill": (
        "Beth oedd yn digwydd os oeddech chi'n teimlo'n sâl?",
        "What happened when you were ill?",
        "Beth ddigwyddodd pan oeddech chi'n sâl?"),
    "taken_to_doctor": (
        "Oedden nhw'n mynd â chi at y meddyg os oedd angen i chi fynd?",
        "Did people take you to the doctor when you needed to go?",
        "Wnaeth pobl fynd â chi at y meddyg pan oedd angen?"),
    "saw_dentist": (
        "Gawsoch chi weld y deintydd?",
        "Did you see a dentist?",
        "Welsoch chi ddeintydd?"),
    "talked_about_health": (
        "Wnaeth unrhyw un siarad â chi am iechyd, eich corff, a phethau yr oeddech chi eisiau "
        "eu gwybod?",
        "Did someone talk to you about your health and your body?",
        "Wnaeth rhywun siarad â chi am eich iechyd a'ch corff?"),
    "say_in_home": (
        "Gawsoch chi ddweud eich dweud am beth oedd yn digwydd yn y Cartref?",
        "Did you have a say in what happened here?",
        "Gawsoch chi ddweud eich dweud am beth oedd yn digwydd yma?"),
    "say_menus_bedtimes_activities": (
        "Bwydlenni? Amser gwely? Gweithgareddau?",
        "Did you have a say about food, bedtime or things to do?",
        "Gawsoch chi ddweud eich dweud am fwyd, amser gwely neu bethau i'w gwneud?"),
    "encouraged_bring_friends": (
        "Gawsoch chi eich annog i ddod â'ch ffrindiau adref?",
        "Could you bring your friends home?",
        "Oeddech chi'n cael dod â'ch ffrindiau adref?"),
    "spare_time": (
        "Beth oeddech chi'n ei wneud yn eich amser sbâr?",
        "What did you do in your free time?",
        "Beth oeddech chi'n ei wneud yn eich amser rhydd?"),
    "encouraged_outside_activities": (
        "Wnaeth pobl eich annog i wneud gweithgareddau a phethau y tu allan i'r Cartref?",
        "Did people help you do things outside the home?",
        "Wnaeth pobl eich helpu i wneud pethau y tu allan i'r cartref?"),
    "missed_activities": (
        "Oedd yna bethau y byddech chi wedi hoffi eu gwneud ond na chawsoch chi'r cyfle?",
        "Was there something you wanted to do but could not?",
        "Oedd yna rywbeth yr oeddech chi eisiau ei wneud ond doeddech chi ddim yn gallu?"),
    "tried_new_hobbies": (
        "Gawsoch chi gyfle i roi cynnig ar hobïau neu ddiddordebau newydd?",
        "Did you get to try new hobbies?",
        "Gawsoch chi roi cynnig ar hobïau newydd?"),
    "got_on_with_others": (
        "Sut oeddech chi'n dod ymlaen gyda'r bobl ifanc eraill?",
        "How did you get on with the other young people here?",
        "Sut oeddech chi'n dod ymlaen gyda'r bobl ifanc eraill yma?"),
    "friends_outside": (
        "Oedd gennych chi ffrindiau y tu allan?",
        "Did you have friends outside the home?",
        "Oedd gennych chi ffrindiau y tu allan i'r cartref?"),
    "talked_about_relationships": (
        "Wnaeth pobl siarad â chi am berthnasoedd ac unrhyw gwestiynau neu bryderon oedd "
        "gennych chi?",
        "Did people talk to you about relationships and your worries?",
        "Wnaeth pobl siarad â chi am berthnasoedd a'ch pryderon?"),
    "good_things": (
        "Beth oedd y pethau da i chi?",
        "What was good?",
        "Beth oedd yn dda?"),
    "bad_things": (
        "Beth oedd y pethau drwg i chi?",
        "What was bad?",
        "Beth oedd yn ddrwg?"),
    "would_change": (
        "Petaech chi'n gyfrifol, oes unrhyw beth y byddech chi'n ei newid am y Cartref?",
        "If you were the boss, what would you change here?",
        "Petaech chi'n fos, beth fyddech chi'n ei newid yma?"),
}

COMMENT = {"en": "Comment (optional)", "cy": "Sylw (dewisol)"}
COMMENT_EASY = {"en": "Do you want to say more? You do not have to.",
                "cy": "Ydych chi eisiau dweud mwy? Does dim rhaid i chi."}
RELEVANT = {
    "bullying_dealt_with": "${experienced_bullying} = 'yes'",
    "say_menus_bedtimes_activities": "${say_in_home} != ''",
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
        "1", tuple(sections))


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
