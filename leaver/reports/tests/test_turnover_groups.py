"""Staff turnover by role, department and term (issue 12), and the themes of what would have
made leavers stay: hand counts, small groups suppressed, anonymous leavers only in totals and
never quoted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from leaver.cases.models import Answer
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import StaffCast, make_staff_case
from leaver.reports.disclosure import FEWER, NOT_SHOWN
from leaver.reports.turnover import table_rows, turnover
from leaver.reports.turnover_groups import ANONYMOUS, by_group, term_of

pytestmark = pytest.mark.django_db
YEAR = 2024  # the school year 1 September 2024 to 31 August 2025
n = 0


def leaver(staff: StaffCast, *, role: str = "Teacher", department: str = "Maths",
           leaving: dt.date = dt.date(2025, 3, 1), anonymous: bool = False,
           stay: str = "", name: str = ""):
    global n
    n += 1
    state = State.CONFIRMED if stay else State.OFFERED if anonymous else State.RECORDED
    case = make_staff_case(staff, state, anonymous=anonymous, name=name or f"Leaver {n}",
                           email=f"leaver{n}@staff.example", job_role=role,
                           department=department, leaving_date=leaving,
                           start_date=dt.date(2010, 9, 1))
    if stay:
        assert case.questionnaire_version is not None
        Answer.objects.create(interview=case, version=case.questionnaire_version,
                              item_key="would_have_stayed", value=stay)
    return case


def report(staff: StaffCast):
    return turnover(staff.yp.org, [staff.school], YEAR)


@pytest.mark.parametrize(("day", "term"), [
    (dt.date(2024, 8, 31), "summer"), (dt.date(2024, 9, 1), "autumn"),
    (dt.date(2024, 12, 31), "autumn"), (dt.date(2025, 1, 1), "spring"),
    (dt.date(2025, 3, 31), "spring"), (dt.date(2025, 4, 1), "summer"),
])
def test_terms_begin_and_end_where_the_rule_says(day, term):
    assert term_of(day) == term


def test_groups_of_5_stand_alone_and_smaller_ones_go_into_other():
    # Spelling and case do not split a group: the most used spelling names it.
    typed = [("Teacher", False)] * 4 + [(" teacher ", False)] + [("Cook", False)] * 2 \
        + [("Cleaner", False)] * 5 + [("Teacher", True)] * 6
    table = by_group(typed, "Other roles")
    assert table.rows == ("Cleaner", "Teacher", ANONYMOUS)  # Other (2) is hidden
    assert table.row_total("Teacher").value == 5  # the anonymous teachers are apart
    assert table.row_total(ANONYMOUS).value == 6
    assert table.total.value == 18
    # 18 - 5 - 5 - 6 = the 2 in "Other": one more figure had to be withheld.
    assert sum(1 for r in table.rows if not table.row_total(r).shown) == 1


def test_leavers_by_role_and_department_against_a_hand_count(staff):
    for _ in range(5):
        leaver(staff, role="Teacher", department="Maths")
    for _ in range(5):
        leaver(staff, role="Cook", department="Kitchen")
    leaver(staff, role="Teacher", department="Maths", anonymous=True)
    leaver(staff, role="Caretaker", department="Site", leaving=dt.date(2025, 9, 1))  # next year
    found = report(staff)
    # The anonymous teacher is not one of the 5 teachers; alone in their row (1) they are
    # hidden, which leaves 1 to be found from the total: the smallest row goes too.
    assert found.by_role.rows == ("Cook", "Teacher")
    assert found.by_role.row_total("Teacher").value == 5
    assert str(found.by_role.row_total("Cook")) == NOT_SHOWN
    assert found.by_role.total.value == 11
    assert found.by_department.row_total("Maths").value == 5
    assert found.by_department.total.value == 11
    # And not by school either: the school's row holds the 10 named leavers only.
    assert found.by_reason.row_total(staff.school.name).value in (10, None)
    assert found.by_reason.column_total("workload").value in (11, None)


def test_trends_count_each_term_of_the_last_five_years(staff):
    for day, count in ((dt.date(2024, 9, 1), 5), (dt.date(2025, 3, 31), 5),
                       (dt.date(2025, 4, 1), 6), (dt.date(2023, 8, 31), 5),
                       (dt.date(2019, 8, 31), 3)):  # 2018 to 2019: more than 5 years ago
        for _ in range(count):
            leaver(staff, leaving=day)
    trends = report(staff).trends
    assert trends.rows == ("2020 to 2021", "2021 to 2022", "2022 to 2023", "2023 to 2024",
                           "2024 to 2025")
    assert [trends.cell("2024 to 2025", t).value for t in ("autumn", "spring", "summer")] \
        == [5, 5, 6]
    assert trends.row_total("2024 to 2025").value == 16
    assert trends.cell("2022 to 2023", "summer").value == 5
    assert trends.total.value == 21


def test_an_anonymous_leaver_is_never_counted_in_a_term(staff):
    for _ in range(5):
        leaver(staff, leaving=dt.date(2024, 12, 31))
    leaver(staff, leaving=dt.date(2024, 12, 31), anonymous=True)
    trends = report(staff).trends
    assert trends.cell("2024 to 2025", "autumn").value in (5, None)
    assert str(trends.cell("2024 to 2025", "anonymous")) == FEWER


# (The cast has a "Sam Staff": "staff" would be replaced as a name, so no answer says it.)
STAY = ["More time to plan lessons", "Time to plan and less marking",
        "Less marking and more time", "Time for planning lessons", "Time with my family"]


def test_what_would_have_made_them_stay_quotes_only_the_named(staff):
    leaver(staff, stay=STAY[0] + " at Hill Primary", name="Ada Lovelace")
    # Another leaver's name is a name known to the system too.
    leaver(staff, stay=STAY[1] + ", said ada lovelace")
    for text in STAY[2:4]:
        leaver(staff, stay=text)
    secret = STAY[4] + " and more time"
    leaver(staff, stay=secret, anonymous=True)
    stay = report(staff).stay
    assert stay is not None
    assert stay.answers == 5
    [theme] = stay.themes
    assert "time" in theme.terms
    quotes = set(theme.quotes)
    assert secret not in quotes
    assert not any("family" in q for q in quotes)
    assert "More time to plan lessons at [school]" in quotes
    assert "Time to plan and less marking, said [name]" in quotes
    assert all("Hill Primary" not in q and "lovelace" not in q.lower() for q in quotes)


def test_no_theme_under_5_answers_and_the_page_says_so(client, staff):
    for text in STAY[:4]:
        leaver(staff, stay=text)
    stay = report(staff).stay
    assert stay is not None
    assert stay.answers == 4
    assert stay.themes == ()
    assert stay.answers_text == FEWER
    client.force_login(staff.hr_lead)
    page = client.get(reverse("reports:staff_turnover"), {"year": YEAR}).content.decode()
    assert "Fewer than 5 answers: no themes or quotes are shown." in page
    assert "Leavers by school year and term" in page


def test_the_page_and_the_csv_show_the_themes_and_tables(client, staff):
    for text in STAY:
        leaver(staff, stay=text)
    client.force_login(staff.hr_lead)
    page = client.get(reverse("reports:staff_turnover"), {"year": YEAR}).content.decode()
    assert "What would have made them stay" in page
    assert "Theme 1:" in page
    assert "Leavers by role" in page
    rows = list(table_rows(report(staff)))
    assert ("Leavers by role", "Teacher", "Leavers", "5") in rows
    assert any(r[0].startswith("Themes:") and r[2] == "Top terms" and "time" in r[3]
               for r in rows)
    assert ("Leavers by term", "2024 to 2025", "Spring term", "5") in rows


def test_the_stored_document_carries_roles_departments_terms_and_themes(staff):
    from leaver.reports.builders import turnover_document
    leaver(staff, stay=STAY[0] + " at Hill Primary", name="Ada Lovelace")
    for text in STAY[1:4]:
        leaver(staff, stay=text)
    leaver(staff, stay=STAY[4] + " and more time", anonymous=True)
    found = report(staff)
    document = turnover_document(found, found)
    tables = {t.key: t for t in document.tables()}
    assert {"by-role", "by-department", "by-term", "themes-would_have_stayed"} <= set(tables)
    terms = {str(row[0]): [str(v) for v in row[1:]] for row in tables["by-term"].rows}
    assert all(len(figures) == 5 for figures in terms.values())  # 4 columns and the total
    [(_, _, quotes)] = tables["themes-would_have_stayed"].rows
    assert "More time to plan lessons at [school]" in str(quotes)
    assert "Hill Primary" not in str(quotes)
