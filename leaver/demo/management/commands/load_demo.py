"""Load the demo organisation: settings, one person per role, and young people at several
stages of the pathway, moved there by the real actions so timelines and audit are real."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from leaver.accounts.models import User
from leaver.administration.organisation import places, statements
from leaver.administration.users import actions as user_admin
from leaver.administration.users.actions import Grant
from leaver.audit.context import RequestOrigin, current_origin
from leaver.audit.events import AccountEvent
from leaver.audit.sign_in_failures import record_failure
from leaver.cases.models import Interview
from leaver.core.dates import years_before
from leaver.demo import answers as demo_answers
from leaver.demo import concerns as demo_concerns
from leaver.demo import deadlines
from leaver.demo import history as demo_history
from leaver.demo import outbox as demo_outbox
from leaver.demo import reports as demo_reports
from leaver.demo import retention as demo_retention
from leaver.demo import staff as demo_staff
from leaver.demo import statements as texts
from leaver.organisations.models import (
    COMMISSIONER_CONTACTS,
    Commissioner,
    DistributionRecipient,
    LetterContacts,
    Membership,
    Organisation,
    Pathway,
    Role,
    Setting,
    SettingKind,
)
from leaver.pathways.young_person.actions import MoveDetails
from leaver.pathways.young_person.recording import RecordDetails
from leaver.pathways.young_person.states import State
from leaver.pathways.young_person.walk import People, Recommendation, Route, walk
from leaver.questionnaires.seeding import publish_seed
from leaver.reviews import recommending
from leaver.reviews.recommending import Wording

DEMO_PASSWORD = "leaver-demo-2026"

# (full name, email, role, setting name or "", independent)
PEOPLE = [
    ("Uma Patel", "uma.patel@demo.example", Role.UNIT_MANAGER, "Oak House", False),
    ("Umar Khan", "umar.khan@demo.example", Role.UNIT_MANAGER, "Birch Lodge", False),
    ("Carol Evans", "carol.evans@demo.example", Role.CSM, "", False),
    ("Sam Okafor", "sam.okafor@demo.example", Role.SOCIAL_WORKER, "", False),
    ("Sophie Brown", "sophie.brown@demo.example", Role.SOCIAL_WORKER, "", False),
    ("Ivan Novak", "ivan.novak@demo.example", Role.INTERVIEWER, "", True),
    ("Isla Reid", "isla.reid@demo.example", Role.INTERVIEWER, "", False),
    ("Rita Hughes", "rita.hughes@demo.example", Role.IRO, "", False),
    ("Ravi Singh", "ravi.singh@demo.example", Role.IRO, "", False),
    # The agency placement's provider: their contact holds the Unit Manager role for it.
    ("Hana Lee", "hana.lee@demo.example", Role.UNIT_MANAGER, "Horizon Care", False),
    ("Dev Lewis", "dev.lewis@demo.example", Role.SAFEGUARDING_LEAD, "", False),
    ("Meera Shah", "meera.shah@demo.example", Role.SENIOR_MANAGER, "", False),
    ("Alex Morgan", "alex.morgan@demo.example", Role.ORG_ADMIN, "", False),
]


class Command(BaseCommand):
    help = "Load the demo organisation (slug 'demo'). Refuses when DEBUG is off unless --force."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true",
                            help="Load even though DEBUG is off (never on a live server).")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("DEBUG is off: this looks like a live server, so the demo "
                               "data was not loaded. Use --force if you really mean it.")
        if Organisation.objects.filter(slug="demo").exists():
            self.stdout.write("The demo organisation is already loaded; nothing changed.")
            return
        # The demo's emails would only be noise on the console.
        quiet = override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
        with quiet, transaction.atomic():
            load()
        self.stdout.write(self.style.SUCCESS(
            f"Loaded the demo organisation. Every demo user's password is {DEMO_PASSWORD}"))


def load() -> None:
    org = Organisation.objects.create(
        slug="demo", name="Demo Borough Council",
        address="Children's Services\nCivic Centre\nHigh Street\nDemoton DM1 1AA",
        contact_email="childrens.services@demo-borough.example",
        contact_phone="01632 960 000",
        data_protection_contact="Data Protection Officer, Civic Centre, High Street, "
                                "Demoton DM1 1AA. Email dpo@demo-borough.example",
    )
    homes = {
        name: Setting.objects.create(organisation=org, name=name, kind=kind,
                                     provider_name=provider)
        for name, kind, provider in [
            ("Oak House", SettingKind.CHILDRENS_HOME, ""),
            ("Birch Lodge", SettingKind.CHILDRENS_HOME, ""),
            ("Horizon Care", SettingKind.AGENCY_PLACEMENT, "Horizon Care Group Ltd"),
            # Closed once its last young person moved on (below): its case stays.
            ("Willow House", SettingKind.CHILDRENS_HOME, ""),
        ]
    }
    people: dict[str, User] = {}
    for name, email, role, setting, independent in PEOPLE:
        user = User.objects.create_user(email, DEMO_PASSWORD, full_name=name, organisation=org)
        Membership.objects.create(user=user, role=role, setting=homes.get(setting),
                                  is_independent=independent)
        people[name.split()[0].lower()] = user
    # Written and published by the organisation admin, in English and Welsh, as on the
    # admin pages; version 2 is still a draft (never shown at consent).
    admin = people["alex"]
    statements.publish(actor=admin, statement=statements.save_draft(
        actor=admin, organisation=org, pathway=Pathway.YOUNG_PERSON, text=texts.STATEMENT,
        text_cy=texts.STATEMENT_CY))
    for role in (Role.CSM, Role.SOCIAL_WORKER):
        DistributionRecipient.objects.create(organisation=org, pathway=Pathway.YOUNG_PERSON,
                                             role=role)
    LetterContacts.objects.create(
        organisation=org, commissioner=Commissioner.ENGLAND,
        commissioner_contact=COMMISSIONER_CONTACTS[Commissioner.ENGLAND],
        advocacy="Demo Advocacy for Young People: phone 0808 157 0192 (free)\n"
                 "Text 07700 900461\nEmail advocacy@demo.example",
        complaints="Children's Complaints, Demo Borough Council: phone 0808 157 0193 (free)\n"
                   "Email complaints@demo.example")
    publish_seed(org)
    _cases(people, homes)
    # The school staff pathway (seed 000): Riverside Academy and its leavers.
    school = demo_staff.load(org, admin, DEMO_PASSWORD)
    demo_concerns.load(org, people)
    # Two leavers of six years ago: one due for erasure soon, one kept by a legal hold.
    demo_retention.load(admin, school)
    deadlines.make_some_late()
    statements.save_draft(actor=admin, organisation=org, pathway=Pathway.YOUNG_PERSON,
                          text=texts.STATEMENT_V2, text_cy="")
    places.close_setting(actor=admin, setting=homes["Willow House"])
    _failed_sign_ins(people)
    _accounts(org, people)
    demo_outbox.settle(org.pk, people["hana"])
    demo_reports.load(iro=people["rita"], head=school.head)


def _accounts(org: Organisation, people: dict[str, User]) -> None:
    """The Users page shows someone invited who has not set a password yet, and a social
    worker who left and whose account is switched off."""
    admin = people["alex"]
    user_admin.invite(actor=admin, full_name="Priya Desai", email="priya.desai@demo.example",
                      grants=[Grant(Role.SOCIAL_WORKER)])
    leaver = User.objects.create_user("tom.baker@demo.example", DEMO_PASSWORD,
                                      full_name="Tom Baker", organisation=org)
    Membership.objects.create(user=leaver, role=Role.SOCIAL_WORKER)
    user_admin.switch_off(actor=admin, person=leaver)


# Where the demo's young people are moving to (made-up streets in a made-up town).
_STREETS = ("Flat 2, 10 Example Road", "14 Mill Lane", "3 Orchard Close", "27 Station Street",
            "Flat 5, Riverside Court")


def _details(people: dict[str, User], setting: Setting, name: str, sw: str,
             disability: bool = False, language: str = "English") -> MoveDetails:
    today = timezone.localdate()
    return MoveDetails(
        setting=setting, leaver_name=name, date_of_birth=years_before(today, 15),
        planned_move_date=today + dt.timedelta(days=14), social_worker=people[sw],
        significant_learning_disability=disability, communication_needs="",
        preferred_language=language, allocated_iro=people["rita"],
        phone=f"07700 900{100 + len(name) * 7:03d}",
        address_line_1=_STREETS[len(name) % len(_STREETS)], town="Demo Town",
        postcode=f"DT{1 + len(name) % 4} {len(name)}AB",
    )


_NOTES = {
    "settled": "Relaxed and chatty; proud of moving to a family.",
    "homework": "Quiet at first. Most animated about school and the drama club.",
    "menus": "Spoke in Welsh and English. Keen that the menu point reaches the manager.",
    "bedtimes": "Angry about bedtimes; calm talking about the bullying, which has stopped.",
}


def _record(voice: str, own_words: dict[str, Any] | None = None) -> RecordDetails:
    """What the interviewer records for the young person speaking in `voice`."""
    return RecordDetails(
        answers=demo_answers.answers(voice, own_words), complaints_discussed=True,
        advocacy_discussed=True, complaints_referral_wanted=False,
        advocacy_referral_wanted=voice == "bedtimes", interviewer_notes=_NOTES[voice],
        agreed_with_young_person=True, left_out_note="", restrict_circulation=False,
        restriction_reason="")


def _cases(people: dict[str, User], homes: dict[str, Setting]) -> None:
    oak, birch = homes["Oak House"], homes["Birch Lodge"]
    agency = homes["Horizon Care"]

    def move(setting: Setting, name: str, sw: str, to: State, disability: bool = False,
             language: str = "English", voice: str = "settled",
             own_words: dict[str, Any] | None = None, **route: Any) -> None:
        # Oak House's moves are recorded by its Unit Manager; the others by the CSM.
        walkers = People(notifier=people["uma"] if setting == oak else people["carol"],
                         csm=people["carol"], interviewer=people["ivan"], iro=people["rita"])
        route.setdefault("interview_in", dt.timedelta(days=3))
        walk(walkers, _details(people, setting, name, sw, disability, language), to,
             Route(record=_record(voice, own_words), location="The library, Demo Town", **route))

    move(oak, "Jordan Ellis", "sam", State.NOTIFIED)
    move(oak, "Casey Morgan", "sam", State.CONSENTED, may_quote=False)
    move(birch, "Riley Adams", "sophie", State.SCHEDULED)
    move(oak, "Morgan Price", "sam", State.WITH_IRO, voice="bedtimes")
    move(agency, "Taylor Quinn", "sophie", State.RECOMMENDATIONS_ISSUED, voice="homework",
         recommendations=(
        Recommendation("Check that young people at Horizon Care get help with homework "
                       "every evening.", owner=people["carol"],
                       young_person_text="Make sure young people at Horizon Care get help "
                                         "with homework every evening."),))
    # The IRO has started a recommendation for Morgan Price: a draft on the check page.
    morgan = Interview.objects.get(leaver_name="Morgan Price")
    recommending.save_draft(actor=people["rita"], interview=morgan, wording=Wording(
        "Review how bedtimes are agreed with young people at Oak House.",
        "Ask the staff at Oak House to agree bedtimes with you and the others.",
        people["uma"], timezone.localdate() + dt.timedelta(days=28)))
    # A Welsh speaker: the letter is drafted in Welsh, quoting the home's manager.
    move(birch, "Elis Jones", "sophie", State.CLOSED, language="Welsh", voice="menus",
         recommendations=(
        Recommendation("Offer young people at Birch Lodge a say in the weekly menu.",
                       owner=people["umar"],
                       young_person_text="Gofyn i bobl ifanc Birch Lodge beth maen nhw "
                                         "eisiau ei fwyta bob wythnos.",
                       response="Bydd cyfarfod bwydlen bob dydd Sul o fis Mai."),))
    move(oak, "Drew Carter", "sam", State.CLOSED,
         no_action_reason="A positive interview; nothing needs to change.")
    move(birch, "Jamie Fox", "sophie", State.DECLINED,
         reason="Did not want to talk about the home.")
    move(homes["Willow House"], "Robin Hale", "sam", State.DECLINED,
         reason="Wanted to look forward, not back.")
    move(oak, "Charlie Webb", "sam", State.NOT_FEASIBLE, disability=True,
         reason="Non-verbal; an interview would cause distress.",
         tried=("communication_aids", "advocate"))
    # Last financial year's, for the annual report (leaver.demo.history).
    demo_history.load(people, homes, move)


def _failed_sign_ins(people: dict[str, User]) -> None:
    """What the admin's audit log shows beside the cases: Sam mistyped a password twice, and
    someone guessing at Ravi's account from elsewhere was locked out (addresses from the
    ranges kept for documentation)."""
    for address, email, failures in (("192.0.2.44", people["sam"].email, 2),
                                     ("198.51.100.7", people["ravi"].email, 5)):
        token = current_origin.set(RequestOrigin(ip_address=address, user_agent="Demo"))
        try:
            for _ in range(failures):
                record_failure(AccountEvent.SIGN_IN_FAILED, email)
            if failures >= settings.AXES_FAILURE_LIMIT:
                record_failure(AccountEvent.LOCKED_OUT, email)
        finally:
            current_origin.reset(token)
