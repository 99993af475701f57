"""`make bench`'s data generator (bench.generate) at a tiny scale, so the bench cannot rot
unnoticed: the rows load into the real tables, the annual report counts them as generated, the
answers export lists them, and the pages the bench measures open for the people it signs in."""

from __future__ import annotations

import pytest
from django.test import Client

from bench.generate import RECORDED, generate
from bench.run import build_stored_report, measured
from bench.sessions import signed_in_client_cookie
from leaver.accounts.models import User
from leaver.cases.models import Answer, Interview
from leaver.organisations.models import Organisation
from leaver.reports.answers_export import answer_rows
from leaver.reports.monitoring import ALL, monitoring

pytestmark = pytest.mark.django_db
N = 50


@pytest.fixture
def made():
    return generate(N, slug="tiny", homes=3)


def test_the_report_counts_what_was_generated(made):
    org = Organisation.objects.get(pk=made.organisation_id)
    assert Interview.objects.filter(organisation=org).count() == N
    assert sum(made.by_state.values()) == N
    report = monitoring(org, made.year)
    assert report.by_setting.total.value == N
    assert report.by_setting.column_total("completed").value == made.recorded
    assert made.recorded == sum(made.by_state[s] for s in RECORDED)
    assert Answer.objects.filter(interview__organisation=org).count() == made.answers
    assert 45 * made.recorded <= made.answers <= 55 * made.recorded
    # Every answer count the report publishes (secondary suppression hides a few) is the
    # generated one.
    published = {(key, value): report.answers.cell(key, value).value
                 for key, value in made.closed_answers}
    shown = {cell: value for cell, value in published.items() if value is not None}
    assert shown == {cell: made.closed_answers[cell] for cell in shown}
    assert len(shown) > 35
    # Concerns and letters: the generated numbers, where published (5 or more).
    letters = report.letters.cell(ALL, "sent").value
    assert letters is None or letters == made.letters_sent
    # The year before holds none of them.
    assert monitoring(org, made.year - 1).by_setting.total.value == 0


def test_the_export_lists_every_closed_answer(made):
    org = Organisation.objects.get(pk=made.organisation_id)
    rows = list(answer_rows(org, made.year))
    closed = sum(made.closed_answers.values())
    multiple = Answer.objects.filter(interview__organisation=org,
                                     item_key="say_menus_bedtimes_activities").count()
    assert len(rows) == closed + multiple


def test_the_measured_pages_open_for_the_people_signed_in(made, settings):
    settings.TWO_FACTOR_REQUIRED = True  # the bench's sessions pass the second factor
    iro = User.objects.get(pk=made.users["iro"][0])
    csm = User.objects.get(pk=made.users["csm"][0])
    case = made.case_ids[0] if made.case_ids else Interview.objects.filter(
        organisation_id=made.organisation_id).first().public_id
    people = {"csm": csm, "iro": iro}
    report_id = build_stored_report(iro, made.year)
    pages = [(people[role], path) for _, role, paths in measured([case], made.year, report_id)
             for path in paths]
    for user, url in pages:
        client = Client()
        name, value = signed_in_client_cookie(user)
        client.cookies[name] = value
        response = client.get(url)
        assert response.status_code == 200, (user, url)
