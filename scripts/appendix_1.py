"""Appendix 1 of seed 002, "Exit Interviews - Questions for Interviewers", as data: the
wording of the seeded workbook leaver/questionnaires/seeds/yp-appendix-1.xlsx, which
scripts/make_seed_xlsforms.py writes from it.

Every question of the appendix, in its 11 sections, each with a stable key that later versions
of the questionnaire keep, so reports compare like with like across years. Closed questions are
answered yes / no / not sure with an optional comment; open ("what / how / who") questions take
free text. SECTIONS holds the English of the appendix; SECTION_TITLES_CY and WORDING the Welsh
and the easy-read wording, which is best effort and must be reviewed by a Welsh speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    CLOSED = "closed"
    OPEN = "open"


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    kind: Kind


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    questions: tuple[Question, ...]


def _c(key: str, text: str) -> Question:
    return Question(key, text, Kind.CLOSED)


def _o(key: str, text: str) -> Question:
    return Question(key, text, Kind.OPEN)


SECTIONS: tuple[Section, ...] = (
    Section("living_here", "Living here", (
        _c("happy_living_here", "Were you happy living here?"),
        _c("rather_lived_elsewhere", "Would you have liked to live somewhere else?"),
        _c("asked_what_you_wanted", "Did people ask what you wanted?"),
    )),
    Section("moving_on", "Moving on", (
        _c("happy_leaving_now", "Are you happy you're leaving now?"),
        _o("who_decided", "Who decided?"),
        _c("want_to_stay_longer", "Would you want to stay longer?"),
        _c("helped_prepare_move", "Have people helped you to get ready for the move and the "
           "next place you'll live? If so, what sorts of things helped you?"),
    )),
    Section("care_and_safety", "Care and safety", (
        _c("people_took_care", "Did you feel people took care of you in the Home?"),
        _c("someone_safe_to_talk_to", "Was there someone you felt safe talking to?"),
        _c("saw_social_worker_enough", "Did you see your social worker as much as you'd have "
           "liked?"),
        _c("time_with_keyworker", "Did you get to spend enough time talking to your Keyworker?"),
        _c("talked_and_helped_enough", "Did people talk to you and help you as much as you "
           "wanted?"),
        _c("property_cared_for", "Was your personal property taken care of?"),
        _c("felt_safe", "Did you feel safe?"),
        _c("made_uncomfortable", "Did anything happen that made you feel uncomfortable, angry "
           "or unhappy?"),
        _c("experienced_bullying", "Did you experience any bullying?"),
        _o("bullying_dealt_with", "How was this dealt with?"),
    )),
    Section("being_listened_to", "Being listened to", (
        _c("listened_to_views", "Do you think people listened to what you thought about things?"),
        _c("say_in_care_plan", "Did you have a say about your Care Plan and in Reviews?"),
        _c("listened_when_worried", "Did people listen if you were worried about something?"),
    )),
    Section("school", "School", (
        _c("encouraged_school", "Did people encourage you to go to school and help you with it?"),
        _c("helped_ready_for_school", "Were you helped to get ready for school in the morning?"),
        _c("asked_about_school", "Did they ask how you got on at school when you came home?"),
        _c("asked_about_homework", "Did they ask about homework? Make sure there was a space "
           "to do it?"),
        _c("helped_with_homework", "Did they help with schoolwork or homework?"),
        _c("carers_attended_school", "Did carers attend school days/activities?"),
    )),
    Section("health", "Health", (
        _c("health_looked_after", "Did people look after your health?"),
        _o("when_ill", "What happened if you felt ill?"),
        _c("taken_to_doctor", "Did they take you to the doctor's if you needed to go?"),
        _c("saw_dentist", "Did you get to see the dentist?"),
        _c("talked_about_health", "Did anyone talk to you about health, your body, and things "
           "you wanted to know?"),
    )),
    Section("having_a_say", "Having a say", (
        _c("say_in_home", "Did you have a say in what happened in the Home?"),
        _c("say_menus_bedtimes_activities", "Menus? Bedtimes? Activities?"),
        # The seed reads "Where you encouraged…"; the obvious typo is corrected.
        _c("encouraged_bring_friends", "Were you encouraged to bring your friends home?"),
    )),
    Section("activities", "Activities", (
        _o("spare_time", "What did you do in your spare time?"),
        _c("encouraged_outside_activities", "Did people encourage you to do activities and "
           "things outside the Home?"),
        _c("missed_activities", "Were there things you'd have liked to do but didn't get the "
           "chance?"),
        _c("tried_new_hobbies", "Did you get the chance to try out new hobbies or interests?"),
    )),
    Section("friends_and_relationships", "Friends and relationships", (
        _o("got_on_with_others", "How did you get on with the other young people?"),
        _c("friends_outside", "Did you have friends outside?"),
        _c("talked_about_relationships", "Did people talk to you about relationships and any "
           "questions or worries you had?"),
    )),
    Section("good_and_bad", "Good and bad things", (
        _o("good_things", "What were the good things for you?"),
        _o("bad_things", "What were the bad things for you?"),
    )),
    Section("in_charge", "If you were in charge", (
        _o("would_change", "If you were in charge, is there anything you'd change about the "
           "Home?"),
    )),
)

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
