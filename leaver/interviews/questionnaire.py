"""Appendix 1 of seed 002, "Exit Interviews - Questions for Interviewers", as data.

Every question of the appendix, in its sections, each with a stable key that later
versions of the questionnaire keep, so reports compare like with like across years.
Closed questions are answered yes / no / not sure with an optional comment; open
("what / how / who") questions take free text.

Not used by the app: the seeded workbook leaver/questionnaires/seeds/yp-appendix-1.xlsx is the
source of truth (ADR 8). scripts/make_seed_xlsforms.py reads the English wording here to write it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

KEY = "yp-appendix-1"


class Kind(Enum):
    CLOSED = "closed"
    OPEN = "open"


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    kind: Kind

    @property
    def required(self) -> bool:
        # A closed question always takes an answer ("Not sure" is one); open ones may be
        # left blank when the young person has nothing to say.
        return self.kind is Kind.CLOSED


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

QUESTIONS: dict[str, Question] = {q.key: q for s in SECTIONS for q in s.questions}
