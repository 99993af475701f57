"""Reviews own their data: the migration that moved the review and the letter off the case
keeps every row, and the young person's details keep theirs in the pathway's own table."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# The staff pathway and retention came later and depend on the kernel's newer migrations:
# they are taken back out of the way while the move is replayed.
MOVED = {"interviews", "reviews", "young_person", "staff", "retention"}
BEFORE = [("interviews", "0002_questionnaire_versions"), ("reviews", "0001_initial"),
          ("young_person", None), ("staff", None), ("retention", None)]
AFTER = [("interviews", "0003_kernel"), ("reviews", "0002_review_and_letter"),
         ("young_person", "0001_initial"), ("staff", None), ("retention", None)]


def migrate(moved):
    """The three apps of the move to the migrations given (every other app stays at its
    newest); the models as they were at that point."""
    executor = MigrationExecutor(connection)
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in MOVED]
    executor.migrate(moved)
    executor.loader.build_graph()
    return executor.loader.project_state(others + [t for t in moved if t[1] is not None]).apps


@pytest.fixture
def old_schema(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _case(apps, name, **fields):
    Organisation = apps.get_model("organisations", "Organisation")
    Setting = apps.get_model("organisations", "Setting")
    User = apps.get_model("accounts", "User")
    org, _ = Organisation.objects.get_or_create(slug="old", defaults={"name": "Old Council"})
    home, _ = Setting.objects.get_or_create(organisation=org, name="Oak House",
                                            defaults={"kind": "childrens_home"})
    user, _ = User.objects.get_or_create(email="sw@old.example", defaults={
        "full_name": "Sol Worker", "organisation": org, "password": "!"})
    case = apps.get_model("interviews", "Interview").objects.create(
        organisation=org, setting=home, pathway="young_person", leaver_name=name,
        created_by=user, **fields)
    apps.get_model("interviews", "YoungPerson").objects.create(
        interview=case, date_of_birth=dt.date(2010, 5, 1), planned_move_date=dt.date(2026, 12, 1),
        social_worker=user, significant_learning_disability=False,
        contact_details=f"Address of {name}")
    return case


def test_every_review_letter_and_young_person_row_survives(old_schema):
    sent = timezone.now().replace(microsecond=0)
    closed = _case(old_schema, "Drew Carter", state="closed", no_action_reason="All well.",
                   letter_text="Dear Drew, thank you.", letter_sent_at=sent)
    drafted = _case(old_schema, "Taylor Quinn", state="recommendations_issued",
                    letter_text="Dear Taylor, a draft.")
    untouched = _case(old_schema, "Jordan Ellis", state="notified")

    apps = migrate(AFTER)
    Review = apps.get_model("reviews", "Review")
    Letter = apps.get_model("reviews", "Letter")
    YoungPerson = apps.get_model("young_person", "YoungPerson")
    assert list(Review.objects.values_list("interview_id", "no_action_reason")) == [
        (closed.pk, "All well.")]
    assert sorted(Letter.objects.values_list("interview_id", "text", "sent_at")) == sorted([
        (closed.pk, "Dear Drew, thank you.", sent), (drafted.pk, "Dear Taylor, a draft.", None)])
    assert sorted(YoungPerson.objects.values_list("interview_id", "contact_details")) == sorted([
        (closed.pk, "Address of Drew Carter"), (drafted.pk, "Address of Taylor Quinn"),
        (untouched.pk, "Address of Jordan Ellis")])
    assert YoungPerson._meta.db_table == "young_person_youngperson"


def test_going_back_puts_the_rows_on_the_case_again(old_schema):
    sent = timezone.now().replace(microsecond=0)
    closed = _case(old_schema, "Drew Carter", state="closed", no_action_reason="All well.",
                   letter_text="Dear Drew, thank you.", letter_sent_at=sent)
    migrate(AFTER)
    apps = migrate(BEFORE)
    case = apps.get_model("interviews", "Interview").objects.get(pk=closed.pk)
    assert (case.no_action_reason, case.letter_text, case.letter_sent_at) == (
        "All well.", "Dear Drew, thank you.", sent)
    assert apps.get_model("interviews", "YoungPerson").objects.get(
        interview_id=closed.pk).contact_details == "Address of Drew Carter"
