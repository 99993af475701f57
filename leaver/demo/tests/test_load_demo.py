"""`manage.py load_demo`: the demo organisation, safe to run twice, refused on a live server."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from leaver.accounts.models import User
from leaver.cases.models import Answer, Interview
from leaver.cases.timeline import timeline
from leaver.demo.management.commands.load_demo import DEMO_PASSWORD, PEOPLE
from leaver.notifications.models import Message
from leaver.notifications.models import Status as MessageStatus
from leaver.notifications.queries import failing_for
from leaver.organisations.models import Organisation, Pathway, Role
from leaver.organisations.queries import current_statement
from leaver.pathways.young_person.deadlines import deadlines_of
from leaver.pathways.young_person.states import State
from leaver.questionnaires.models import Version
from leaver.safeguarding.models import Concern, Source
from leaver.safeguarding.models import Status as ConcernStatus

# Loading the demo takes a second or more: the tests that only read it share one load
# (`demo`). The group keeps this module on one pytest-xdist worker, so that load happens once
# per run. The tests that need an empty database come first in this file: `demo` lasts from
# its first use to the end of the module.
pytestmark = pytest.mark.xdist_group("load_demo")


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[str]:
    """The demo, loaded once for the module inside a transaction rolled back at its end; each
    test runs in a savepoint inside it (pytest-django's `db`). Returns load_demo's output. The
    settings are those the function-scoped fixtures (conftest.py) and DEBUG give each test."""
    out = io.StringIO()
    with django_db_blocker.unblock(), override_settings(
            DEBUG=True,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            TWO_FACTOR_REQUIRED=False,
            TASKS={"default": {
                "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}), \
            transaction.atomic():
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo")
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_force_loads_even_with_debug_off(settings):
    settings.DEBUG = False
    call_command("load_demo", "--force", stdout=io.StringIO())
    assert Organisation.objects.filter(slug="demo").exists()


@pytest.mark.django_db
def test_running_again_keeps_existing_data(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    Interview.objects.filter(leaver_name="Jordan Ellis").update(leaver_name="Jordan E.")
    before = Interview.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "already loaded" in out.getvalue()
    assert Interview.objects.count() == before
    assert Interview.objects.filter(leaver_name="Jordan E.").exists()


@pytest.mark.django_db
def test_loads_one_person_per_role_and_cases_at_every_stage(demo):
    assert DEMO_PASSWORD in demo
    org = Organisation.objects.get(slug="demo")
    # Three open places (an agency placement with its provider), a closed home and a school.
    assert org.settings.count() == 5
    assert set(org.settings.filter(closed_at__isnull=False).values_list("name", flat=True)) \
        == {"Willow House"}
    assert org.settings.get(name="Horizon Care").provider_name
    # Version 1 of the statement is published in English and Welsh; version 2 is a draft.
    published = current_statement(org.pk, Pathway.YOUNG_PERSON)
    assert published is not None
    assert published.version == 1
    assert published.text_cy
    assert org.confidentiality_statements.get(version=2).status == "draft"
    held = set(User.objects.filter(organisation=org).values_list("memberships__role", flat=True))
    for role in (Role.UNIT_MANAGER, Role.CSM, Role.SOCIAL_WORKER, Role.INTERVIEWER, Role.IRO,
                 Role.SAFEGUARDING_LEAD, Role.SENIOR_MANAGER, Role.ORG_ADMIN):
        assert role in held
    user = User.objects.get(email=PEOPLE[0][1])
    assert user.check_password(DEMO_PASSWORD)
    young = Interview.objects.filter(organisation=org, pathway=Pathway.YOUNG_PERSON)
    states = set(young.values_list("state", flat=True))
    assert states >= {State.NOTIFIED, State.CONSENTED, State.SCHEDULED, State.WITH_IRO,
                      State.RECOMMENDATIONS_ISSUED, State.CLOSED, State.DECLINED,
                      State.NOT_FEASIBLE}
    # Appendix 1 is imported from its seed workbook and published; every case is pinned to it.
    version = Version.objects.get(template__organisation=org, template__key="yp-appendix-1")
    assert version.status == "published"
    assert set(young.values_list("questionnaire_version", flat=True)) == {version.pk}
    answers = Answer.objects.filter(interview__in=young)
    assert answers.exists()
    assert set(answers.values_list("version", flat=True)) == {version.pk}


@pytest.mark.django_db
def test_demo_answers_vary_and_no_disclosure_is_closed_as_no_action(demo):
    recorded = Interview.objects.filter(record__isnull=False, pathway=Pathway.YOUNG_PERSON)
    assert recorded.count() >= 4
    # Each young person answers "What were the good things for you?" in their own words.
    good = set(Answer.objects.filter(item_key="good_things").values_list("value", flat=True))
    assert len(good) == recorded.count()
    # Not every closed question is "yes": "not sure", "no" and "did not want to answer" occur.
    values = set(Answer.objects.values_list("value", flat=True))
    assert {"yes", "no", "not_sure", "did_not_answer"} <= values
    no_action = recorded.filter(review__isnull=False)
    assert no_action.exists()
    for case in no_action:
        said = dict(case.answers.values_list("item_key", "value"))
        assert said.get("experienced_bullying") != "yes", case.leaver_name
        assert said.get("felt_safe") != "no", case.leaver_name


@pytest.mark.django_db
def test_the_demo_outbox_has_sent_emails_and_one_that_keeps_failing(demo):
    org = Organisation.objects.get(slug="demo")
    sent = Message.objects.filter(organisation_id=org.pk, status=MessageStatus.SENT)
    assert sent.count() >= 2
    assert not sent.filter(secret=True).exclude(body="").exists()  # no live link kept
    [failing] = failing_for(org.pk)
    assert (failing.to, failing.status, failing.last_error_code) == (
        "hana.lee@demo.example", MessageStatus.FAILED, 550)
    assert not Message.objects.filter(status=MessageStatus.QUEUED).exists()


@pytest.mark.django_db
def test_the_demo_has_an_open_safeguarding_concern_and_a_closed_one(demo):
    found = {c.interview.leaver_name: c for c in Concern.objects.select_related("interview")}
    assert set(found) == {"Morgan Price", "Taylor Quinn"}
    # Morgan disclosed bullying in the interview: raised by the answer, not yet acknowledged.
    assert (found["Morgan Price"].source, found["Morgan Price"].status) == (
        Source.ANSWER, ConcernStatus.RAISED)
    assert (found["Taylor Quinn"].source, found["Taylor Quinn"].status,
            found["Taylor Quinn"].reference) == (
        Source.BY_HAND, ConcernStatus.CLOSED, "MASH-2026-0318")


@pytest.mark.django_db
def test_some_cases_are_late(demo):
    cases = list(Interview.objects.filter(organisation__slug="demo",
                                          pathway=Pathway.YOUNG_PERSON))
    today = timezone.localdate()
    overdue = {(d.case.leaver_name, d.step) for found in deadlines_of(cases, today).values()
               for d in found if d.is_overdue}
    assert overdue >= {("Jordan Ellis", "consent"), ("Morgan Price", "review"),
                       ("Morgan Price", "referral"), ("Taylor Quinn", "recommendation")}
    # Their timelines moved with them: nothing happened after today.
    for case in cases:
        assert all(entry.at <= timezone.now() for entry in timeline(case))


@pytest.mark.django_db
def test_the_school_has_its_people_and_leavers_at_every_step(demo, client):
    from leaver.cases import access
    from leaver.demo.staff import SCHOOL, STAFF_PEOPLE
    from leaver.pathways.staff.deadlines import deadlines_of as staff_deadlines
    from leaver.pathways.staff.states import State as Staff

    org = Organisation.objects.get(slug="demo")
    school = org.settings.get(name=SCHOOL)
    assert school.kind == "school"
    held = set(school.memberships.values_list("role", flat=True))
    assert held == {Role.HEADTEACHER, Role.HR_LEAD, Role.INTERVIEWER}
    external = school.memberships.get(is_independent=True)
    assert external.role == Role.INTERVIEWER
    assert external.description
    assert current_statement(org.pk, Pathway.STAFF) is not None
    assert Version.objects.get(template__organisation=org, template__key="staff-exit"
                               ).status == "published"
    cases = list(Interview.objects.filter(setting=school).order_by("pk"))
    assert {c.state for c in cases} >= {
        Staff.RECORDED, Staff.OFFERED, Staff.DECLINED, Staff.INTERVIEWER_ASSIGNED,
        Staff.SCHEDULED, Staff.AWAITING_CONFIRMATION, Staff.CORRECTIONS_REQUESTED,
        Staff.CONFIRMED, Staff.ACTIONS_AGREED, Staff.CLOSED}
    # The self-completed record of the anonymous leaver is signed, and its action plan is
    # overdue; the headteacher can never open it, the HR lead can.
    chris = next(c for c in cases if c.leaver_name == "Chris Walker")
    assert chris.sign_offs.exists()
    assert chris.record.content_sha256
    [plan] = staff_deadlines([chris], timezone.localdate())[chris.pk]
    assert plan.is_overdue
    head = User.objects.get(email=STAFF_PEOPLE[0][1])
    hr = User.objects.get(email=STAFF_PEOPLE[1][1])
    assert chris not in access.cases_visible_to(head)
    assert chris in access.cases_visible_to(hr)
    client.force_login(hr)
    page = client.get(f"/staff/cases/{chris.public_id}/").content.decode()
    assert "Chris Walker" in page
    assert "Agree the action plan" in page
    # Every leaver's timeline is real and in the past.
    for case in cases:
        assert all(entry.at <= timezone.now() for entry in timeline(case))


@pytest.mark.django_db
def test_the_staff_turnover_report_shows_a_theme_without_the_anonymous_leaver(demo):
    from leaver.demo.staff import SCHOOL
    from leaver.reports.turnover import school_year, turnover

    org = Organisation.objects.get(slug="demo")
    school = org.settings.get(name=SCHOOL)
    leaving = Interview.objects.get(leaver_name="Laura Bennett").staff_leaver.leaving_date
    stay = turnover(org, [school], school_year(leaving)).stay
    assert stay is not None
    [theme] = stay.themes
    assert "time" in theme.terms
    assert theme.quotes
    # Chris Walker chose "anonymous in reports": never quoted.
    assert not any("behaviour policy" in quote for quote in theme.quotes)


@pytest.mark.django_db
def test_the_demo_has_a_built_report_of_each_kind_to_open_and_download(demo, client):
    from leaver.reports.models import Kind, Status, StoredReport

    built = {r.kind: r for r in StoredReport.objects.filter(organisation__slug="demo")}
    assert set(built) == {Kind.MONITORING, Kind.TURNOVER}
    assert all(r.status == Status.READY and r.pdf for r in built.values())
    client.force_login(User.objects.get(email="rita.hughes@demo.example"))
    listing = client.get(reverse("reports:stored_list")).content.decode()
    assert "Annual monitoring report" in listing
    assert "Staff turnover" not in listing  # the IRO does not see the school's report
    page = client.get(reverse("reports:stored_report",
                              args=[built[Kind.MONITORING].public_id])).content.decode()
    assert "For the Joint Senior Managers" in page


@pytest.mark.django_db
def test_the_annual_report_opens_on_a_year_with_the_demos_history(demo, client):
    """The report page's default, the last financial year, holds last year's twelve moves:
    both homes have a row of their own, and the young people's own words make themes."""
    from leaver.reports.monitoring import financial_year, monitoring

    org = Organisation.objects.get(slug="demo")
    report = monitoring(org, financial_year(timezone.localdate()) - 1)
    assert report.by_setting.total.value == 12
    assert set(report.by_setting.rows) == {"Oak House", "Birch Lodge"}
    assert report.letters.cell(report.letters.rows[0], "sent").value == 10
    assert report.themes
    client.force_login(User.objects.get(email="rita.hughes@demo.example"))
    page = client.get(reverse("reports:annual_monitoring")).content.decode()
    assert "Oak House" in page
    assert "Birch Lodge" in page


@pytest.mark.django_db
def test_the_demo_has_a_case_on_legal_hold_and_one_due_for_erasure(demo, client):
    from leaver.retention.models import LegalHold

    [hold] = LegalHold.objects.filter(interview__organisation__slug="demo")
    assert hold.in_place
    assert hold.interview.leaver_name == "Joanne Pike"
    admin = next(email for _, email, role, *_ in PEOPLE if role == Role.ORG_ADMIN)
    client.force_login(User.objects.get(email=admin))
    page = client.get(reverse("retention:due")).content.decode()
    assert "Mark Ellison" in page
    assert "Joanne Pike" in page
    assert "On hold" in page
    # Every leaver's timeline is still in the past.
    for case in Interview.objects.filter(leaver_name__in=["Mark Ellison", "Joanne Pike"]):
        assert all(entry.at <= timezone.now() for entry in timeline(case))


@pytest.mark.django_db
def test_every_demo_record_matches_its_hash_after_the_demo_moved_cases_back_in_time(demo):
    """The demo moves cases back in time (walk.shift_in_time, the staff demo's `earlier`);
    their records' hashes follow (leaver.cases.time_travel), so verify_records passes."""
    from leaver.cases.integrity import verify_all

    outcome = verify_all()
    assert outcome.records >= 19
    assert outcome.failures == []
