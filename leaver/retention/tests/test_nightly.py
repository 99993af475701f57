"""The daily job with time travel: `now` is passed in, so a case is due on its day and not the
day before, whatever the real date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from leaver.cases.models import Interview, LeaverLink, LinkPurpose, RecordDraft
from leaver.notifications import schedule
from leaver.organisations.models import Pathway
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.cast import make_staff_case, make_staff_cast
from leaver.pathways.young_person.models import YoungPerson
from leaver.retention import actions, nightly
from leaver.retention.models import Basis, Erasure, Kind
from leaver.retention.tests.conftest import NAME, full_case

pytestmark = pytest.mark.django_db
BORN = dt.date(2010, 5, 17)


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(2), tzinfo=timezone.get_current_timezone())


def test_the_job_is_registered_with_the_worker():
    assert "retention.apply_schedules" in {job.name for job in schedule.jobs()}


def test_a_care_record_is_erased_on_the_75th_birthday_and_not_before(cast):
    case = full_case(cast, born=BORN)
    assert nightly.apply_schedules(at(dt.date(2085, 5, 16))) == 0
    assert Interview.objects.get(pk=case.pk).leaver_name == NAME
    assert nightly.apply_schedules(at(dt.date(2085, 5, 17))) == 1
    erasure = Erasure.objects.get(interview=case)
    assert erasure.kind == Kind.SCHEDULE
    assert erasure.by is None
    assert Interview.objects.get(pk=case.pk).leaver_name != NAME
    # Run again the next night: nothing more to do.
    assert nightly.apply_schedules(at(dt.date(2085, 5, 18))) == 0


def test_after_a_death_the_record_is_kept_15_years(cast):
    case = full_case(cast, born=BORN)
    YoungPerson.objects.filter(interview=case).update(date_of_death=dt.date(2030, 2, 1))
    assert nightly.apply_schedules(at(dt.date(2045, 1, 31))) == 0
    assert nightly.apply_schedules(at(dt.date(2045, 2, 1))) == 1


def test_a_shorter_period_chosen_by_the_organisation(cast):
    case = full_case(cast, born=BORN)
    actions.change_schedule(actor=cast.org_admin, organisation=cast.org,
                            pathway=Pathway.YOUNG_PERSON, now=timezone.now(),
                            choices=actions.Choices(Basis.SHORTER, 3, 90))
    opened = timezone.localdate(case.created_at)
    assert nightly.apply_schedules(at(opened.replace(year=opened.year + 3)
                                      - dt.timedelta(days=1))) == 0
    assert nightly.apply_schedules(at(opened.replace(year=opened.year + 3))) == 1


def test_a_staff_record_is_erased_6_years_after_the_leaving_date():
    staff = make_staff_cast()
    case = make_staff_case(staff, StaffState.DECLINED, name="Morgan Price",
                           leaving_date=dt.date(2027, 7, 31))
    assert nightly.apply_schedules(at(dt.date(2033, 7, 30))) == 0
    assert nightly.apply_schedules(at(dt.date(2033, 7, 31))) == 1
    case.refresh_from_db()
    assert case.leaver_name == "Erased"
    assert case.staff_leaver.email == ""
    assert case.staff_leaver.leaving_date == dt.date(2027, 7, 31)  # reports count by it


def test_an_erased_staff_case_still_opens_for_the_hr_lead(client):
    staff = make_staff_cast()
    case = make_staff_case(staff, StaffState.DECLINED, name="Morgan Price",
                           leaving_date=dt.date(2027, 7, 31))
    nightly.apply_schedules(at(dt.date(2033, 8, 1)))
    client.force_login(staff.hr_lead)
    response = client.get(reverse("staff:case", args=[case.public_id]))
    assert response.status_code == 200
    assert "Morgan Price" not in response.content.decode()


def test_a_legal_hold_keeps_a_due_case_until_it_is_lifted(cast):
    case = full_case(cast, born=BORN)
    actions.place_hold(actor=cast.org_admin, interview=case, reason="An inquiry.",
                       now=timezone.now())
    assert nightly.apply_schedules(at(dt.date(2090, 1, 1))) == 0
    assert not Erasure.objects.exists()
    actions.lift_hold(actor=cast.org_admin, interview=case, reason="It ended.",
                      now=timezone.now())
    assert nightly.apply_schedules(at(dt.date(2090, 1, 2))) == 1


def test_other_organisations_keep_their_own_schedule(cast, other_cast):
    mine, theirs = full_case(cast, born=BORN), full_case(other_cast, born=BORN)
    actions.change_schedule(actor=other_cast.org_admin, organisation=other_cast.org,
                            pathway=Pathway.YOUNG_PERSON, now=timezone.now(),
                            choices=actions.Choices(Basis.SHORTER, 1, 90))
    nightly.apply_schedules(timezone.now() + dt.timedelta(days=400))
    assert Erasure.objects.filter(interview=theirs).exists()
    assert not Erasure.objects.filter(interview=mine).exists()


def test_unused_links_and_untouched_drafts_go_after_90_days(cast):
    case = full_case(cast, born=BORN)
    RecordDraft.objects.create(interview=case)
    now = timezone.now()
    LeaverLink.objects.create(interview=case, purpose=LinkPurpose.REVIEW,
                              secret_sha256="a" * 64, created_at=now,
                              expires_at=now + dt.timedelta(days=14))
    Interview.objects.filter(pk=case.pk).update(updated_at=now)
    # 50 days on: the link stopped working 36 days ago, the case was changed 50 days ago.
    assert nightly.remove_leftovers(cast.org.pk, now + dt.timedelta(days=50)) == {
        "links": 0, "drafts": 0}
    assert RecordDraft.objects.filter(interview=case).exists()
    removed = nightly.remove_leftovers(cast.org.pk, now + dt.timedelta(days=105))
    assert removed["links"] >= 1
    assert removed["drafts"] == 1
    assert not LeaverLink.objects.filter(interview=case, used_at__isnull=True).exists()
    assert not RecordDraft.objects.filter(interview=case).exists()


def test_a_draft_being_worked_on_stays_and_an_abandoned_one_goes_with_its_answers(cast):
    """Saving a draft section is audited but does not change the case: the audit counts as
    activity. A record never submitted has its answers as its draft: they go with it."""
    from leaver.audit import log as audit
    from leaver.cases import answers as case_answers
    from leaver.cases.events import CaseEvent
    from leaver.cases.models import Answer
    from leaver.pathways.young_person.states import State
    from leaver.testing import make_case

    now = timezone.now()
    drafts = {}
    for name in ("Worked On", "Abandoned"):
        case = make_case(cast, State.SCHEDULED, leaver_name=name)
        version = case_answers.pin(case)
        Answer.objects.create(interview=case, version=version, item_key="good_things",
                              value=f"{name}'s own words")
        RecordDraft.objects.create(interview=case)
        Interview.objects.filter(pk=case.pk).update(updated_at=now - dt.timedelta(days=200))
        drafts[name] = case
    from leaver.audit.models import AuditEvent
    AuditEvent.objects.filter(object_id__in=[c.public_id for c in drafts.values()]).update(
        at=now - dt.timedelta(days=200))
    # The interviewer worked on one of them 80 days before the job runs (within 90).
    audit.record(actor=cast.interviewer, action=CaseEvent.VIEWED, object_type="interview",
                 object_id=drafts["Worked On"].public_id, organisation_id=cast.org.pk)
    nightly.remove_leftovers(cast.org.pk, now + dt.timedelta(days=80))
    assert Answer.objects.filter(interview=drafts["Worked On"]).exists()
    assert RecordDraft.objects.filter(interview=drafts["Worked On"]).exists()
    assert not Answer.objects.filter(interview=drafts["Abandoned"]).exists()
    assert not RecordDraft.objects.filter(interview=drafts["Abandoned"]).exists()
