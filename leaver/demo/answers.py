"""What the demo's young people said: believable answers to Appendix 1, one voice per case.

Each voice starts from "yes" to every closed question and then says what this young person
said differently, with comments and open answers in their words. No closed case that ends in
"no action needed" disclosed bullying or feeling unsafe: such a disclosure leads somewhere.
"""

from __future__ import annotations

from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.seeding import sample_answers

_OPEN_DEFAULTS = {
    "who_decided": "Me and my social worker, at my review.",
    "bullying_dealt_with": "",
    "when_ill": "Staff rang the doctor and someone stayed with me.",
    "spare_time": "Football on Saturdays and gaming with the others.",
    "got_on_with_others": "Mostly fine. We had arguments sometimes but nothing big.",
    "good_things": "Having my own room and staff who had time for me.",
    "bad_things": "Moving schools when I came here.",
    "would_change": "More trips out at weekends.",
}

VOICES: dict[str, dict[str, Value]] = {
    # Drew Carter, Oak House: a settled stay, a planned move to a foster family.
    "settled": {
        "rather_lived_elsewhere": "no",
        "want_to_stay_longer": "not_sure",
        "want_to_stay_longer_comment": "A bit. I will miss Sue, my keyworker.",
        "made_uncomfortable": "no",
        "experienced_bullying": "no",
        "missed_activities": "no",
        "say_menus_bedtimes_activities": ["menus", "activities"],
        "who_decided": "Me, my social worker and my new foster carers. We met three times.",
        "spare_time": "Boxing club on Tuesdays and cooking with staff at weekends.",
        "good_things": "Sue always made time to talk. I learned to cook pasta bake.",
        "bad_things": "The house was noisy when new people moved in.",
        "would_change": "Let us have friends round for tea more often.",
    },
    # Taylor Quinn, Horizon Care: cared for, but no help with homework.
    "homework": {
        "rather_lived_elsewhere": "not_sure",
        "made_uncomfortable": "no",
        "experienced_bullying": "no",
        "helped_with_homework": "no",
        "helped_with_homework_comment": "Staff said they were too busy in the evenings.",
        "asked_about_homework": "no",
        "carers_attended_school": "not_asked",
        "talked_about_relationships": "did_not_answer",
        "missed_activities": "yes",
        "missed_activities_comment": "I wanted to join the drama club but there was no lift.",
        "say_menus_bedtimes_activities": ["menus"],
        "good_things": "The food was good and my room was big.",
        "bad_things": "Nobody helped with my coursework so I got behind.",
        "would_change": "Someone to help with homework every evening.",
    },
    # Elis Jones, Birch Lodge: happy, but no say in the food.
    "menus": {
        "rather_lived_elsewhere": "no",
        "made_uncomfortable": "no",
        "experienced_bullying": "no",
        "say_menus_bedtimes_activities": ["activities"],
        "say_menus_bedtimes_activities_comment": "Nobody asked us what we wanted to eat.",
        "saw_dentist": "not_sure",
        "spare_time": "Rugby and the youth club in town.",
        "good_things": "Staff spoke Welsh with me.",
        "bad_things": "The same food every week.",
        "would_change": "Let us choose the menu once a week.",
    },
    # Morgan Price, Oak House: with the IRO. Disclosed bullying, which staff dealt with.
    "bedtimes": {
        "happy_living_here": "not_sure",
        "happy_living_here_comment": "Some days yes, some days no.",
        "rather_lived_elsewhere": "yes",
        "made_uncomfortable": "yes",
        "made_uncomfortable_comment": "Being sent to bed at nine when I am sixteen.",
        "experienced_bullying": "yes",
        "bullying_dealt_with": "Staff moved the other boy's room and talked to us both. It "
                               "stopped after that.",
        "listened_to_views": "no",
        "listened_to_views_comment": "They listened but nothing changed about bedtimes.",
        "say_menus_bedtimes_activities": ["menus"],
        "talked_about_health": "did_not_answer",
        "got_on_with_others": "Not with one boy at first. Fine with the rest.",
        "good_things": "My keyworker helped me get a Saturday job.",
        "bad_things": "Bedtimes, and the boy who picked on me.",
        "would_change": "Bedtimes agreed with us, not just set by staff.",
    },
}


def answers(voice: str, own_words: dict[str, Value] | None = None) -> dict[str, Value]:
    """Every shown question of the seeded Appendix 1 answered in `voice`, with `own_words`
    (e.g. last year's young people: leaver.demo.history) in place of the voice's."""
    return sample_answers("", said={**VOICES[voice], **(own_words or {})},
                          open_answers=_OPEN_DEFAULTS)
