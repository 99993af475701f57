"""A synthetic organisation for the bench: ~40 homes, the people who work the cases, the
published Appendix 1 questionnaire (as the demo publishes it) and N young people's cases in
one financial year, with ~50 answers per recorded case, recommendations, reviews, letters and
safeguarding concerns; about 40% of the cases still open.

Rows go straight into the models' tables (bench.loader: COPY on PostgreSQL), not through the
actions: going through the actions for 100,000 cases would take hours (STACK-NOTES)."""

from __future__ import annotations

import bisect
import datetime as dt
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from bench import loader
from bench.texts import SENTENCES
from leaver.accounts.models import User
from leaver.cases.models import Answer, Interview, InterviewRecord, RecordVersion
from leaver.core.encrypted_fields import Sealed
from leaver.organisations.models import Membership, Organisation, Role, Setting, SettingKind
from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.states import TERMINAL, State
from leaver.questionnaires.seeding import YOUNG_PERSON, publish_seed, seed
from leaver.questionnaires.spec import DID_NOT_ANSWER, NOT_ASKED, ItemType
from leaver.reports.monitoring import financial_year, year_span
from leaver.reviews.models import Letter, Recommendation, Review, SentHow
from leaver.safeguarding.models import Concern, Outcome, Source, Status

# How the cases are spread over the states (per thousand): 40% open, 60% ended.
STATES: dict[State, int] = {
    State.NOTIFIED: 60, State.CONSENTED: 50, State.INTERVIEWER_ASSIGNED: 50,
    State.SCHEDULED: 60, State.WITH_IRO: 60, State.RECOMMENDATIONS_ISSUED: 60,
    State.RESPONSES_COMPLETE: 30, State.NO_ACTION_NEEDED: 30,
    State.CLOSED: 500, State.DECLINED: 40, State.NOT_FEASIBLE: 20, State.WITHDRAWN: 20,
    State.UNABLE_TO_CONTACT: 20,
}
RECORDED = frozenset({State.WITH_IRO, State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE,
                      State.NO_ACTION_NEEDED, State.CLOSED})
WITH_INTERVIEWER = RECORDED | {State.INTERVIEWER_ASSIGNED, State.SCHEDULED}
# A yes / no / not sure answer (per hundred).
VALUES = {"yes": 60, "no": 20, "not_sure": 10, DID_NOT_ANSWER: 5, NOT_ASKED: 5}
OPEN_ANSWERS = 7  # comments written, besides the questionnaire's open questions
CONCERN_RATE = 0.03  # of recorded cases
DAY = dt.timedelta(days=1)


@dataclass
class Generated:
    organisation_id: int
    slug: str
    year: int
    interviews: int
    homes: list[str]
    by_state: Counter[str] = field(default_factory=Counter)
    recorded: int = 0
    answers: int = 0
    closed_answers: Counter[tuple[str, str]] = field(default_factory=Counter)
    recommendations: int = 0
    letters_sent: int = 0
    concerns: int = 0
    users: dict[str, list[int]] = field(default_factory=dict)  # role → user ids
    case_ids: list[uuid.UUID] = field(default_factory=list)  # a few, for the case page


class _Pick:
    """Weighted choices, fast: one random number and a bisect."""

    def __init__(self, rng: random.Random, weights: dict[Any, int]) -> None:
        self.rng, self.keys = rng, list(weights)
        self.bounds = list(accumulate(weights.values()))

    def __call__(self) -> Any:
        return self.keys[bisect.bisect_right(self.bounds, self.rng.random() * self.bounds[-1])]


def _people(org: Organisation, homes: list[Setting], n: int) -> dict[str, list[int]]:
    """Users and their roles: one Unit Manager per home; the rest scale with the cases."""
    counts = {Role.SOCIAL_WORKER: max(5, n // 250), Role.IRO: max(3, n // 5000),
              Role.INTERVIEWER: max(5, n // 2000), Role.CSM: 3, Role.SENIOR_MANAGER: 2,
              Role.SAFEGUARDING_LEAD: 2}
    password = make_password(None)  # nobody signs in with a password: sessions are made
    users: list[tuple[Role, Setting | None, User]] = []
    for home in homes:
        users.append((Role.UNIT_MANAGER, home, User(
            email=f"um{home.pk}@{org.slug}.bench.invalid", full_name=f"Manager {home.name}",
            organisation=org, password=password)))
    for role, count in counts.items():
        for i in range(count):
            users.append((role, None, User(
                email=f"{role}{i}@{org.slug}.bench.invalid", full_name=f"{role} {i}",
                organisation=org, password=password)))
    User.objects.bulk_create([user for _role, _home, user in users])
    made = {user.email: user.pk for user in User.objects.filter(organisation=org)}
    Membership.objects.bulk_create([
        Membership(user_id=made[user.email], role=role, setting=home,
                   is_independent=role == Role.INTERVIEWER)
        for role, home, user in users])
    found: dict[str, list[int]] = {}
    for role, _home, user in users:
        found.setdefault(str(role), []).append(made[user.email])
    return found


def _at(rng: random.Random, start: dt.date, end: dt.date) -> dt.datetime:
    days = (end - start).days + 1
    moment = dt.datetime.combine(start, dt.time(9), tzinfo=dt.UTC)
    return moment + dt.timedelta(days=rng.randrange(days), minutes=rng.randrange(480))


def generate(n: int, *, slug: str = "bench", homes: int = 40, year: int | None = None,
             seed_value: int = 2026) -> Generated:
    """Organisation `slug` with `n` young people's cases whose moves were notified in the
    financial year `year` (default: the last one, which the report page shows first)."""
    with transaction.atomic():
        return _generate(n, slug, homes, year, seed_value)


def _generate(n: int, slug: str, home_count: int, year: int | None, seed_value: int
              ) -> Generated:
    rng = random.Random(seed_value)
    year = financial_year(timezone.localdate()) - 1 if year is None else year
    start, end = year_span(year)
    now = timezone.now()
    org = Organisation.objects.create(slug=slug, name=f"Bench {slug.title()} Council")
    homes = [Setting.objects.create(
        organisation=org, name=f"Home {i:02d}",
        kind=SettingKind.AGENCY_PLACEMENT if i % 8 == 7 else SettingKind.CHILDRENS_HOME)
        for i in range(home_count)]
    people = _people(org, homes, n)
    version = publish_seed(org)
    made = Generated(org.pk, slug, year, n, [h.name for h in homes], users=people)
    managers = dict(zip([h.pk for h in homes], people[Role.UNIT_MANAGER], strict=True))
    sws, iros = people[Role.SOCIAL_WORKER], people[Role.IRO]
    interviewers = people[Role.INTERVIEWER]
    state_of = _Pick(rng, dict(STATES))
    first = {m: loader.next_id(m) for m in (Interview, YoungPerson, InterviewRecord,
                                            RecordVersion, Answer, Recommendation, Review,
                                            Letter, Concern)}
    cases: list[tuple[Any, ...]] = []
    young: list[tuple[Any, ...]] = []
    records: list[tuple[Any, ...]] = []
    versions: list[tuple[Any, ...]] = []
    recs: list[tuple[Any, ...]] = []
    reviews: list[tuple[Any, ...]] = []
    letters: list[tuple[Any, ...]] = []
    concerns: list[tuple[Any, ...]] = []
    recorded: list[tuple[int, dt.datetime]] = []
    for i in range(n):
        pk, state = first[Interview] + i, state_of()
        home = homes[rng.randrange(home_count)]
        created = _at(rng, start, end)
        held = min(created + dt.timedelta(days=rng.randint(7, 60)), now - 3 * DAY)
        submitted = held + DAY
        iro, sw = rng.choice(iros), rng.choice(sws)
        interviewer = rng.choice(interviewers) if state in WITH_INTERVIEWER else None
        is_recorded = state in RECORDED
        public_id = uuid.uuid4()
        if len(made.case_ids) < 20 and state == State.WITH_IRO:
            made.case_ids.append(public_id)
        made.by_state[state] += 1
        closed = submitted + 40 * DAY if state == State.CLOSED else (
            created + 5 * DAY if state in TERMINAL else None)
        cases.append((
            pk, public_id, org.pk, home.pk, "young_person", str(state), f"Young Person {pk}",
            managers[home.pk], created, closed or submitted,
            None if state in (State.NOTIFIED, State.NOT_FEASIBLE) else created + 3 * DAY,
            interviewer, created + 14 * DAY if interviewer else None,
            held if is_recorded else None, "in_person" if is_recorded else "",
            "none" if is_recorded else "", version.pk, closed))
        young.append((first[YoungPerson] + i, pk, dt.date(2009, 1, 1) + dt.timedelta(
            days=rng.randrange(1500)), created.date() + 10 * DAY, sw, iro, False, "English",
            []))
        if not is_recorded:
            continue
        made.recorded += 1
        recorded.append((pk, submitted))
        records.append((first[InterviewRecord] + len(records), pk, YOUNG_PERSON,
                        interviewer, submitted, True, "0" * 64))
        versions.append((first[RecordVersion] + len(versions), pk, 1, {}, "0" * 64,
                         interviewer, submitted))
        with_recs = state in (State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE) or (
            state == State.CLOSED and pk % 2 == 0)
        if with_recs:
            for _ in range(1 + pk % 2):
                due = (submitted + 30 * DAY).date()
                answered = None if state == State.RECOMMENDATIONS_ISSUED else (
                    submitted + (25 if pk % 3 else 33) * DAY)
                recs.append((first[Recommendation] + len(recs), uuid.uuid4(), pk,
                             "Talk to the home about pocket money.", sw, due, iro, submitted,
                             "will_act" if answered else "", "Agreed." if answered else "",
                             answered))
        elif state in (State.NO_ACTION_NEEDED, State.CLOSED):
            reviews.append((first[Review] + len(reviews), pk, "Nothing to change.", iro,
                            submitted + 5 * DAY))
        if state in (State.CLOSED, State.RESPONSES_COMPLETE, State.NO_ACTION_NEEDED):
            sent = submitted + 20 * DAY if state == State.CLOSED else None
            letters.append((first[Letter] + len(letters), pk, "Dear young person, thank you.",
                            sent, sent.date() if sent else None, SentHow.POST if sent else ""))
        if rng.random() < CONCERN_RATE:
            status = Status.CLOSED if rng.random() < 0.8 else Status.RAISED
            concerns.append((
                first[Concern] + len(concerns), uuid.uuid4(), org.pk, pk, home.pk,
                Source.ANSWER, status, submitted, submitted + 4 * dt.timedelta(hours=1),
                (Outcome.REFERRAL if pk % 2 else Outcome.NO_FURTHER_ACTION)
                if status == Status.CLOSED else "",
                submitted + 2 * DAY if status == Status.CLOSED else None))
    made.recommendations, made.concerns = len(recs), len(concerns)
    made.letters_sent = sum(1 for row in letters if row[3] is not None)
    loader.insert(Interview, [
        "id", "public_id", "organisation_id", "setting_id", "pathway", "state", "leaver_name",
        "created_by_id", "created_at", "updated_at", "consent_recorded_at", "interviewer_id",
        "scheduled_for", "held_at", "held_how", "support", "questionnaire_version_id",
        "closed_at"], cases)
    loader.insert(YoungPerson, [
        "id", "interview_id", "date_of_birth", "planned_move_date", "social_worker_id",
        "allocated_iro_id", "significant_learning_disability", "preferred_language",
        "feasibility_tried"], young)
    loader.insert(InterviewRecord, [
        "id", "interview_id", "questionnaire_key", "submitted_by_id", "submitted_at",
        "agreed_with_young_person", "content_sha256"], records)
    loader.insert(RecordVersion, ["id", "interview_id", "number", "content", "content_sha256",
                                  "made_by_id", "made_at"], versions)
    made.answers = loader.insert(Answer, ["id", "interview_id", "version_id", "item_key",
                                          "value"],
                                 _answers(rng, recorded, version.pk, first[Answer], made))
    loader.insert(Recommendation, [
        "id", "public_id", "interview_id", "text", "owner_id", "due_date", "created_by_id",
        "created_at", "response_kind", "response_text", "responded_at"], recs)
    loader.insert(Review, ["id", "interview_id", "no_action_reason", "decided_by_id",
                           "decided_at"], reviews)
    loader.insert(Letter, ["id", "interview_id", "text", "sent_at", "sent_on", "sent_how"],
                  letters)
    loader.insert(Concern, [
        "id", "public_id", "organisation_id", "interview_id", "setting_id", "source",
        "status", "raised_at", "acknowledge_by", "outcome", "closed_at"], concerns)
    loaded = list(first)
    loader.reset_sequences(*loaded)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in loaded:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return made


def _answers(rng: random.Random, recorded: list[tuple[int, dt.datetime]], version_id: int,
             first_id: int, made: Generated) -> Iterator[tuple[int, int, int, str, str]]:
    """About 50 answers per recorded case: every yes / no / not sure question, the multiple
    choice when it is shown, the open questions and a few comments."""
    items = seed(YOUNG_PERSON).items()
    closed = [i.key for i in items if i.type == ItemType.YES_NO_NOT_SURE]
    comments = [i.key for i in items if i.key.endswith("_comment") and not i.relevant]
    open_keys = [i.key for i in items if i.type == ItemType.LONG_TEXT
                 and not i.key.endswith("_comment") and not i.relevant]
    value_of = _Pick(rng, dict(VALUES))
    free = {i.key for i in items if i.type in (ItemType.SHORT_TEXT, ItemType.LONG_TEXT)}
    pk = first_id
    for interview_id, _submitted in recorded:
        said: dict[str, str] = {key: value_of() for key in closed}
        if said.get("say_in_home") == "yes":
            said["say_menus_bedtimes_activities"] = "menus bedtimes"
        if said.get("experienced_bullying") == "yes":
            said["bullying_dealt_with"] = rng.choice(SENTENCES)
        for key in (*open_keys, *rng.sample(comments, OPEN_ANSWERS)):
            said[key] = " ".join(rng.sample(SENTENCES, 2))
        for key, value in said.items():
            if key in closed:
                made.closed_answers[key, value] += 1
            yield pk, interview_id, version_id, key, Sealed(value) if key in free else value
            pk += 1
