"""Correcting a case's details (issue 8): a "Change" link per detail for those who may make
it, one audited action with the old and new values, refusals naming who can; the preferred
language as a choice; the free text split into contact fields by the migration."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Organisation, Role, Setting, SettingKind
from leaver.pathways.young_person import actions, correcting
from leaver.pathways.young_person.corrections import CORRECTIONS
from leaver.pathways.young_person.models import Language
from leaver.pathways.young_person.queries import speaks_welsh
from leaver.pathways.young_person.states import State
from leaver.pathways.young_person.walk import People, Route, walk
from leaver.testing import (
    date_parts,
    make_case,
    make_user,
    move_details,
    record_details,
    snapshot,
)


def as_(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def change_url(interview, key: str) -> str:
    return reverse("young_person:correct", args=[interview.public_id, key])


def test_the_case_page_has_a_change_link_for_each_detail_the_person_may_correct(cast):
    interview = make_case(cast, State.SCHEDULED)
    case_url = reverse("young_person:case", args=[interview.public_id])
    for who, keys in (("csm", set(CORRECTIONS)),
                      ("social_worker", set(CORRECTIONS) - {"social_worker", "iro"}),
                      ("unit_manager", set(CORRECTIONS) - {"social_worker", "iro", "setting"}),
                      ("interviewer", set()), ("iro", set())):
        html = as_(getattr(cast, who)).get(case_url).content.decode()
        for key in CORRECTIONS:
            assert (change_url(interview, key) in html) == (key in keys), (who, key)


def test_a_correction_through_its_page_is_saved_and_audited_with_old_and_new(cast):
    interview = make_case(cast, State.SCHEDULED)
    client = as_(cast.social_worker)
    assert client.get(change_url(interview, "address")).status_code == 200
    response = client.post(change_url(interview, "address"), {
        "address_line_1": "Flat 3, 12 New Road", "address_line_2": "", "town": "Newtown",
        "postcode": "nt1 2ab"})
    assert response.status_code == 302
    young_person = interview.young_person.__class__.objects.get(interview=interview)
    assert young_person.address_lines == ["Flat 3, 12 New Road", "Newtown", "NT1 2AB"]
    event = AuditEvent.objects.get(action="interview.correct_address")
    assert event.actor == cast.social_worker
    assert event.detail["changes"] == {
        "address_line_1": ["10 Example Road", "Flat 3, 12 New Road"],
        "town": ["", "Newtown"], "postcode": ["", "NT1 2AB"]}
    page = as_(cast.csm).get(reverse("young_person:case", args=[interview.public_id]))
    assert "Postal address changed" in page.content.decode()


def test_changing_a_person_records_names_and_ids(cast):
    interview = make_case(cast, State.SCHEDULED)
    correcting.correct(actor=cast.csm, interview=interview, key="iro",
                       values={"allocated_iro": cast.other_iro})
    event = AuditEvent.objects.get(action="interview.correct_iro")
    old, new = event.detail["changes"]["allocated_iro"]
    assert old == {"name": cast.iro.full_name, "id": str(cast.iro.public_id)}
    assert new == {"name": cast.other_iro.full_name, "id": str(cast.other_iro.public_id)}


def test_a_refusal_names_who_can_make_the_change(cast):
    interview = make_case(cast, State.SCHEDULED)
    before = snapshot(interview)
    response = as_(cast.unit_manager).post(change_url(interview, "social_worker"),
                                           {"social_worker": cast.other_social_worker.pk})
    assert response.status_code == 403
    assert "Only a Children&#x27;s Services Manager can do this." in response.content.decode()
    with pytest.raises(ActionRefused, match=r"^Only a Children's Services Manager or the young "
                                            r"person's allocated social worker can do this"):
        correcting.correct(actor=cast.unit_manager, interview=interview, key="setting",
                           values={"setting": cast.other_home})
    assert snapshot(interview) == before


def test_nothing_different_writes_nothing(cast):
    interview = make_case(cast, State.SCHEDULED)
    before = snapshot(interview)
    assert not correcting.correct(actor=cast.csm, interview=interview, key="contact",
                                  values={"phone": "", "email": ""})
    assert snapshot(interview) == before


@pytest.mark.parametrize(("key", "data", "message"), [
    ("contact", {"phone": "", "email": "not an address"}, "Enter an email address like"),
    ("language", {"preferred_language": "Other", "other_language": " "},
     "Enter the name of the language."),
    ("move_date", {"planned_move_date-day": "31", "planned_move_date-month": "2",
                   "planned_move_date-year": "2027"}, "The planned move date must be a real date"),
    ("move_date", {"planned_move_date-day": "3", "planned_move_date-year": "2027"},
     "The planned move date must include a month"),
    ("address", {"address_line_1": "", "town": "Newtown"},
     "Enter the first line of the address."),
])
def test_bad_input_says_what_is_wrong_and_changes_nothing(cast, key, data, message):
    interview = make_case(cast, State.SCHEDULED)
    before = snapshot(interview)
    response = as_(cast.social_worker).post(change_url(interview, key), data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert snapshot(interview) == before


def test_the_move_date_is_typed_as_day_month_and_year(cast):
    interview = make_case(cast, State.SCHEDULED)
    new_date = timezone.localdate() + dt.timedelta(days=60)
    response = as_(cast.unit_manager).post(change_url(interview, "move_date"),
                                           date_parts("planned_move_date", new_date))
    assert response.status_code == 302
    interview.young_person.refresh_from_db()
    assert interview.young_person.planned_move_date == new_date


def test_another_organisations_home_or_person_is_refused(cast, other_cast):
    interview = make_case(cast, State.SCHEDULED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="Choose one of your organisation's homes"):
        correcting.correct(actor=cast.csm, interview=interview, key="setting",
                           values={"setting": other_cast.home})
    with pytest.raises(ActionRefused, match="Choose an Independent Reviewing Officer"):
        correcting.correct(actor=cast.csm, interview=interview, key="iro",
                           values={"allocated_iro": other_cast.iro})
    with pytest.raises(ActionRefused, match="Choose a social worker"):
        correcting.correct(actor=cast.csm, interview=interview, key="social_worker",
                           values={"social_worker": cast.iro})
    assert snapshot(interview) == before


def test_a_closed_case_cannot_be_corrected(cast):
    interview = make_case(cast, State.CLOSED)
    response = as_(cast.csm).get(change_url(interview, "contact"))
    assert response.status_code == 403
    assert "This can&#x27;t be done now" in response.content.decode()


def test_the_new_iro_takes_over_the_review_and_the_old_one_keeps_oversight(cast):
    interview = make_case(cast, State.WITH_IRO)
    correcting.correct(actor=cast.csm, interview=interview, key="iro",
                       values={"allocated_iro": cast.other_iro})
    review = reverse("reviews:review", args=[interview.public_id])
    record = reverse("young_person:record", args=[interview.public_id])
    assert as_(cast.other_iro).get(review).status_code == 200
    assert as_(cast.other_iro).get(record).status_code == 200
    assert as_(cast.iro).get(review).status_code == 403
    assert as_(cast.iro).get(record).status_code == 404
    case_page = reverse("young_person:case", args=[interview.public_id])
    assert as_(cast.iro).get(case_page).status_code == 200


def test_speaks_welsh_follows_the_preferred_language(cast):
    interview = make_case(cast, State.NOTIFIED, preferred_language=Language.WELSH)
    assert speaks_welsh(interview.young_person)
    correcting.correct(actor=cast.social_worker, interview=interview, key="language",
                       values={"preferred_language": "Other", "other_language": "Polish"})
    interview.young_person.refresh_from_db()
    assert not speaks_welsh(interview.young_person)
    assert interview.young_person.language_name == "Polish"


def test_notifying_a_move_needs_the_young_persons_iro(cast):
    with pytest.raises(ActionRefused, match="Choose the young person's Independent Reviewing"):
        actions.notify_move(actor=cast.csm, details=move_details(cast, allocated_iro=None))
    with pytest.raises(ActionRefused, match="Independent Reviewing Officer from your"):
        actions.notify_move(actor=cast.csm, details=move_details(cast,
                                                                 allocated_iro=cast.csm))
    with pytest.raises(ActionRefused, match="name of the young person's preferred language"):
        actions.notify_move(actor=cast.csm, details=move_details(
            cast, preferred_language="Other", other_language=" "))


MIGRATION = importlib.import_module(
    "leaver.pathways.young_person.migrations.0002_case_details")


@pytest.mark.parametrize(("text", "expected"), [
    ("10 Example Road", {"address_line_1": "10 Example Road"}),
    ("Flat 2, 10 Example Road, Demo Town\nDT1 2AB\n07700 900123\njo@example.com",
     {"address_line_1": "Flat 2", "address_line_2": "10 Example Road, Demo Town",
      "postcode": "DT1 2AB", "phone": "07700 900123", "email": "jo@example.com"}),
    ("Call 07700 900123 after 5pm", {"address_line_1": "Call 07700 900123 after 5pm"}),
    ("", {}),
])
def test_the_migration_splits_the_old_text_keeping_everything(text, expected):
    fields = MIGRATION.split_contact(text)
    assert {k: v for k, v in fields.items() if v} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("English", ("English", "")), ("welsh", ("Welsh", "")), ("Cymraeg", ("Welsh", "")),
    ("Polish", ("Other", "Polish")), ("", ("English", "")),
])
def test_the_migration_turns_the_language_into_a_choice(text, expected):
    assert MIGRATION.language_of(text) == expected


def test_an_agency_placements_provider_contact_receives_the_record(cast):
    agency = Setting.objects.create(organisation=cast.org, name="Horizon Care",
                                    kind=SettingKind.AGENCY_PLACEMENT)
    contact = make_user(cast.org, "Hana Provider", Role.UNIT_MANAGER, agency)
    people = People(notifier=cast.csm, csm=cast.csm, interviewer=cast.interviewer,
                    iro=cast.iro, statement=cast.statement)
    interview = walk(people, move_details(cast, setting=agency), State.WITH_IRO,
                     Route(record=record_details()))
    record = reverse("young_person:record", args=[interview.public_id])
    assert as_(contact).get(record).status_code == 200
    assert as_(cast.unit_manager).get(record).status_code == 404
    assert Organisation.objects.count() == 1
