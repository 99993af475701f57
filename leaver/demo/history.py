"""Last year's cases, so that the annual monitoring report opens (on the last financial year,
1 April to 31 March) on a year with something in it: a dozen young people who left Oak House
and Birch Lodge then, walked through the real actions and moved back in time as a whole
(walk.shift_in_time), each to a different month of the year. Enough for both homes to have a
row of their own, few enough that many figures show as "fewer than 5", as they would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.models import Interview
from leaver.organisations.models import Setting
from leaver.pathways.young_person.states import State
from leaver.pathways.young_person.walk import Recommendation, shift_in_time
from leaver.reports.monitoring import financial_year, year_span

# (name, home, social worker, how it ended, voice (leaver.demo.answers), month of the year
# (0 = April), what they said in their own words, the rest of the route)
CASES: list[tuple[str, str, str, State, str, int, tuple[str, str, str], dict[str, Any]]] = [
    ("Harley Stone", "Oak House", "sam", State.CLOSED, "settled", 0,
     ("My keyworker Sue always listened.", "The bus to school took ages.",
      "A later bus pass so I can stay for clubs."),
     {"no_action_reason": "A settled stay; nothing needs to change."}),
    ("Jesse Marsh", "Oak House", "sam", State.CLOSED, "menus", 1,
     ("Cooking with staff on Fridays.", "We never got to choose the food.",
      "Let us pick the meals sometimes."), {}),
    ("Kai Roberts", "Oak House", "sam", State.CLOSED, "homework", 3,
     ("The trips to the coast in the summer.", "No quiet place to do my homework.",
      "A quiet room for homework."), {}),
    ("Frankie Dale", "Oak House", "sam", State.CLOSED, "settled", 5,
     ("Staff came to my football matches.", "Saying goodbye to my friends here.",
      "Nothing really, it was good."),
     {"no_action_reason": "Positive about the home and the move."}),
    ("Rowan Tate", "Oak House", "sam", State.CLOSED, "homework", 7,
     ("Having my own room for the first time.", "Nobody checked my coursework.",
      "Help with homework every evening."), {}),
    ("Ash Bell", "Oak House", "sam", State.DECLINED, "settled", 9, ("", "", ""),
     {"reason": "Did not want to go over it again."}),
    ("Sasha Grey", "Birch Lodge", "sophie", State.CLOSED, "menus", 0,
     ("The garden and the dog.", "The same dinners every week.",
      "Ask us what we want to eat."), {}),
    ("Billie Shaw", "Birch Lodge", "sophie", State.CLOSED, "settled", 2,
     ("Staff who had time for me.", "Changing schools.", "More trips at weekends."),
     {"no_action_reason": "Happy with the home; the move went to plan."}),
    ("Remi Cole", "Birch Lodge", "sophie", State.CLOSED, "homework", 4,
     ("Learning to cook for myself.", "Being behind at school.",
      "A tutor for maths and English."), {}),
    ("Toni Hart", "Birch Lodge", "sophie", State.CLOSED, "menus", 6,
     ("My friends in the house.", "Not having a say in the menu.",
      "A house meeting about food every week."), {}),
    ("Eden Lowe", "Birch Lodge", "sophie", State.CLOSED, "homework", 8,
     ("Going to the gym with my keyworker.", "The wifi went off at nine.",
      "Wifi on later for homework."), {}),
    ("Lou Baxter", "Birch Lodge", "sophie", State.UNABLE_TO_CONTACT, "settled", 10,
     ("", "", ""), {"reason": "Moved out of the area; no reply to calls or letters."}),
]

_RECOMMENDATIONS = {
    "homework": "Make sure someone helps with homework every evening.",
    "menus": "Give young people a say in the weekly menu.",
}

Move = Callable[..., None]


def load(people: dict[str, User], homes: dict[str, Setting], move: Move) -> None:
    """Walk each of last year's cases with `move` (load_demo's), then move it back into its
    month of the last financial year."""
    start, _end = year_span(financial_year(timezone.localdate()) - 1)
    for name, home, sw, to, voice, month, (good, bad, change), extra in CASES:
        route: dict[str, Any] = {**extra, "own_words": {
            "good_things": good, "bad_things": bad, "would_change": change}}
        if to == State.CLOSED and "no_action_reason" not in route:
            owner = people["uma"] if home == "Oak House" else people["umar"]
            route["recommendations"] = (Recommendation(
                f"{_RECOMMENDATIONS[voice]} ({home})", owner=owner,
                response="Agreed at the staff meeting; in place from next month."),)
        move(homes[home], name, sw, to, voice=voice, **route)
        case = Interview.objects.get(organisation=homes[home].organisation, leaver_name=name)
        then = dt.datetime.combine(start + dt.timedelta(days=30 * month + 3), dt.time(10),
                                   tzinfo=timezone.get_current_timezone())
        shift_in_time(case, then - case.created_at)
