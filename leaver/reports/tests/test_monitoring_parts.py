"""The annual monitoring report's offers, days to the IRO's review, recommendations by their
owner's role and the themes of the open answers (issue 12): hand counts through the real
actions; quotes only from young people who agreed, with names replaced."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from leaver.cases.models import Interview, InterviewRecord
from leaver.pathways.young_person.states import State
from leaver.reports.disclosure import NOT_SHOWN, full_table, lines, pinned
from leaver.reports.monitoring import ALL, financial_year, monitoring, table_rows
from leaver.reports.monitoring_parts import days_counted
from leaver.reviews import actions as reviews
from leaver.reviews.models import Review
from leaver.testing import add_recommendation, full_answers, make_case, make_cast, record_details

pytestmark = pytest.mark.django_db
URL = reverse("reports:annual_monitoring")
NAMES = ["Kai Adams", "Lee Brown", "Mo Clark", "Nia Davis", "Ola Evans"]
# What was good about living there. (The cast has a "Dee Staff": "staff" is a name here.)
SAID = ["Carers who had time for me at Oak House", "Una had time for me",
        "Time to talk with carers", "Carers made time for my football",
        "Lee Brown and I had time with carers"]


def this_year(cast):
    return monitoring(cast.org, financial_year(timezone.localdate()))


@pytest.fixture
def reviewed():
    """Five interviewed (no action needed; the first would not be quoted), reviewed 2, 4, 6,
    8 and 10 days after the record; five declined; five not feasible."""
    cast = make_cast()
    for i, (name, said) in enumerate(zip(NAMES, SAID, strict=True)):
        case = make_case(cast, State.NO_ACTION_NEEDED, leaver_name=name, record=record_details(
            answers=full_answers(good_things=said)))
        decided = Review.objects.get(interview=case).decided_at
        assert decided is not None
        InterviewRecord.objects.filter(interview=case).update(
            submitted_at=decided - dt.timedelta(days=2 * (i + 1), hours=1))
        if i == 0:
            Interview.objects.filter(pk=case.pk).update(may_quote_anonymously=False)
    for i in range(5):
        make_case(cast, State.DECLINED, leaver_name=f"Declined {i}")
        make_case(cast, State.NOT_FEASIBLE, leaver_name=f"Not feasible {i}")
    return cast


def test_offers_days_to_review_and_themes_against_a_hand_count(reviewed):
    report = this_year(reviewed)
    # Offered: the 5 interviewed and the 5 who declined; "not feasible" was never offered.
    assert report.offers.row_total(ALL).value == 10
    assert report.offers.cell(ALL, "consented").value == 5
    assert report.offers.cell(ALL, "declined").value == 5
    # 2, 4, 6, 8, 10 days: the median is 6; the 90th percentile (inclusive) 8 + 0.6 × 2.
    assert (report.to_review.count, report.to_review.median) == (5, 6)
    assert report.to_review.p90 == pytest.approx(9.2)
    [good] = [found for found in report.themes if found.key == "good_things"]
    assert good.answers == 5
    [theme] = good.themes
    assert set(theme.terms) >= {"time", "carers"}
    # Never the first (who did not agree), names of people and homes replaced.
    assert "Carers who had time for me at [home]" not in theme.quotes
    assert all("Oak House" not in quote for quote in theme.quotes)
    assert set(theme.quotes) <= {"[name] had time for me", "Time to talk with carers",
                                 "Carers made time for my football",
                                 "[name] and I had time with carers"}
    assert len(theme.quotes) == 3


def test_the_page_and_the_csv_show_the_new_figures(client, reviewed):
    client.force_login(reviewed.iro)
    page = client.get(URL, {"year": financial_year(timezone.localdate())}).content.decode()
    assert "Offered an interview" in page
    assert "Median 6, 90th percentile 9.2 (over 5 records)" in page
    assert "What young people said in their own words" in page
    # The themes take a while: the page worked out now leaves them to the built report.
    assert "they are in the built report" in page
    assert "[name] had time for me" not in page
    rows = list(table_rows(this_year(reviewed)))
    assert ("Offers", "Offered", ALL, "10") in rows
    assert ("Days from record to IRO review", "Median", ALL, "6") in rows
    assert any(r[0].startswith("Themes: ") and r[2] == "Quote 1" for r in rows)


def test_days_are_shown_only_over_5():
    four = [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert days_counted(four).median is None
    assert days_counted([(1, 2), (3, 2)]).count == 4
    assert days_counted([*four, (6, 1)]).median == 3


def test_recommendations_by_the_owners_role(client):
    cast = make_cast()
    for i in range(5):
        case = make_case(cast, State.WITH_IRO, leaver_name=f"Young {i}")
        done = add_recommendation(cast, case, owner=cast.csm)
        add_recommendation(cast, case, owner=cast.social_worker)
        reviews.respond(actor=cast.csm, recommendation=done, kind="will_act", text="Done.")
    report = this_year(cast)
    owners = report.by_owner
    csm, worker = "Children's Services Manager", "Social worker"
    assert owners.rows == (csm, worker)
    assert owners.cell(csm, "on_time").value == 5
    assert owners.cell(worker, "waiting").value == 5
    assert owners.total.value == 10
    # The report's recommendations are this table's totals: the same figures.
    assert report.recommendations.cell(ALL, "on_time").value == 5
    assert report.recommendations.cell(ALL, "waiting").value == 5
    rows = list(table_rows(report))
    assert ("Recommendations by owner's role", csm, "Completed", "5") in rows
    assert ("Recommendations by owner's role", worker, "Completed", "0") in rows
    assert ("Recommendations by owner's role", "All roles", "Made", "10") in rows


def test_a_role_with_fewer_than_5_counts_only_in_the_totals_and_cannot_be_worked_out():
    cast = make_cast()
    for i in range(5):
        case = make_case(cast, State.WITH_IRO, leaver_name=f"Young {i}")
        add_recommendation(cast, case, owner=cast.csm)
        if i < 2:
            add_recommendation(cast, case, owner=cast.unit_manager)
    report = this_year(cast)
    owners = report.by_owner
    csm = "Children's Services Manager"
    assert owners.rows == (csm,)
    # By hand: 7 waiting in all, 5 of them the CSM's: 7 - 5 would give the Unit Manager's 2,
    # so the CSM's 5 is withheld, and with it the CSM's total (7 - 5 again).
    assert owners.column_total("waiting").value == 7
    assert str(owners.cell(csm, "waiting")) == NOT_SHOWN
    assert str(owners.row_total(csm)) == NOT_SHOWN
    # Nothing withheld of 1 to 4 is pinned down by what is published.
    counts = {"Children's Services Manager": {"waiting": 5}, "Unit Manager": {"waiting": 2}}
    columns = list(owners.columns)
    values = full_table(counts, columns)
    withheld = {key for key, figure in owners.figures.items() if not figure.shown}
    assert not {k for k in pinned(lines(list(counts), columns), values, withheld)
                if 0 < values[k] < 5}
    assert report.recommendations.cell(ALL, "waiting") == owners.column_total("waiting")


def test_the_stored_document_carries_offers_roles_review_days_and_themes(reviewed):
    """The PDF, XLSX and stored page are drawn from the document: the later figures are in
    it, with the quotes as the page shows them and never the one who did not agree."""
    from leaver.reports.builders import monitoring_document
    year = financial_year(timezone.localdate())
    document = monitoring_document(monitoring(reviewed.org, year),
                                   monitoring(reviewed.org, year - 1))
    tables = {t.key: t for t in document.tables()}
    offers = {str(row[0]): str(row[1]) for row in tables["offers"].rows}
    assert offers == {"Consented": "5", "Declined": "5", "Offered": "10"}
    assert "by-owner" in tables
    summary = " ".join(document.sections[0].paragraphs)
    assert "Days from the record to the IRO's review: median 6, 90th percentile 9.2" in summary
    themes = tables["themes-good_things"]
    [(name, terms, quotes)] = themes.rows
    assert name == "Theme 1"
    assert "time" in str(terms)
    assert "“[name] had time for me”" in str(quotes) or "“Time to talk with carers”" in str(
        quotes)
    assert "Oak House" not in str(quotes)
    assert "Carers who had time for me" not in str(quotes)
