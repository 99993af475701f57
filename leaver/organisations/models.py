"""Organisations (tenants), their settings, and the roles people hold in them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from leaver.core.working_days import Nation


class Pathway(models.TextChoices):
    YOUNG_PERSON = "young_person", (
        "Young person moving on from a children's home or agency placement")
    STAFF = "staff", "School staff leaving"


class Organisation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    # Shown on the privacy notice, the accessibility statement and in letters.
    address = models.TextField(blank=True, max_length=500)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(blank=True, max_length=40)
    # How to reach the data protection officer (UK GDPR Art. 37-39), for the privacy notice.
    data_protection_contact = models.TextField(blank=True, max_length=500)
    # For bank holidays in deadlines (leaver.core.working_days).
    nation = models.CharField(max_length=16, choices=Nation.choices, default=Nation.ENGLAND)

    def __str__(self) -> str:
        return self.name


# Every deadline is a whole number of working days in this range (the settings page and
# the database refuse others); reminders repeat at least every REPEAT_MAX working days.
DEADLINE_MIN, DEADLINE_MAX, REPEAT_MAX = 1, 100, 20
# The deadlines of the steps, in the order a case meets them (Deadlines.repeat_days is not one).
DEADLINE_FIELDS = ("consent_days", "interviewer_days", "interview_days", "review_days",
                   "referral_days")
# The staff pathway's (seed 000).
STAFF_DEADLINE_FIELDS = ("offer_days", "confirmation_days", "action_plan_days")
# A leaver's link (leaver.cases.links) works for this many calendar days, by default.
LINK_DAYS_DEFAULT, LINK_DAYS_MIN, LINK_DAYS_MAX = 14, 1, 90


def _days(label: str, default: int, help_text: str) -> models.PositiveSmallIntegerField:  # type: ignore[type-arg]
    return models.PositiveSmallIntegerField(label, default=default, help_text=help_text)


class Deadlines(models.Model):
    """How long each step of a case may take, in working days (leaver.core.working_days: the
    bank holidays of the organisation's nation are skipped). An organisation without a row
    has the defaults (organisations.queries.deadlines_of); its admin saves its own on the
    organisation settings pages. A recommendation's deadline is its own due date."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="deadlines"
    )
    consent_days = _days(
        "Consent decision", 5, "Working days after the move is recorded for the social "
        "worker to record the young person's decision")
    interviewer_days = _days(
        "Interviewer chosen", 5, "Working days after the young person agrees for a "
        "Children's Services Manager to choose the interviewer")
    interview_days = _days(
        "Interview held and recorded", 20, "Working days after the young person agrees for "
        "the interview to be held and its record sent to the IRO")
    review_days = _days(
        "IRO's review", 10, "Working days after the record is sent for the IRO to review it")
    referral_days = _days(
        "Complaint or advocacy referral", 5, "Working days after the record is sent for "
        "the social worker to make a referral the young person asked for")
    # The staff pathway (seed 000).
    offer_days = _days(
        "Reply to the offer", 10, "Working days after the offer is sent for the member of "
        "staff to accept or decline (one reminder first; then recorded as no response)")
    confirmation_days = _days(
        "Leaver checks the record", 10, "Working days after the record is sent to the "
        "member of staff for them to sign it as correct (then kept as not confirmed)")
    action_plan_days = _days(
        "Action plan", 15, "Working days after a staff record is confirmed (or not) for "
        "the headteacher or HR lead to agree the actions")
    link_days = models.PositiveSmallIntegerField(
        "Leaver's links work for", default=LINK_DAYS_DEFAULT,
        help_text="Days a link sent to a leaver works before it expires")
    repeat_days = _days(
        "Reminders repeat every", 2, "Working days between reminders once something is "
        "overdue")

    class Meta:
        verbose_name_plural = "deadlines"
        constraints = [
            *(models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": DEADLINE_MIN,
                                      f"{name}__lte": DEADLINE_MAX}),
                name=f"deadlines_{name}_in_range")
              for name in DEADLINE_FIELDS + STAFF_DEADLINE_FIELDS),
            models.CheckConstraint(
                condition=models.Q(repeat_days__gte=1, repeat_days__lte=REPEAT_MAX),
                name="deadlines_repeat_days_in_range"),
            models.CheckConstraint(
                condition=models.Q(link_days__gte=LINK_DAYS_MIN, link_days__lte=LINK_DAYS_MAX),
                name="deadlines_link_days_in_range"),
        ]

    def __str__(self) -> str:
        return f"Deadlines of {self.organisation}"


class SettingKind(models.TextChoices):
    CHILDRENS_HOME = "childrens_home", "Children's home"
    AGENCY_PLACEMENT = "agency_placement", "External agency placement"
    SCHOOL = "school", "School"


class Setting(models.Model):
    """A place a leaver leaves: a children's home, an agency placement or a school."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="settings"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=SettingKind.choices)
    # An agency placement is bought from an outside provider: who runs it.
    provider_name = models.CharField(max_length=200, blank=True)
    # Closed: no new case starts here; its cases and reports stay (cases PROTECT it).
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="setting_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Role(models.TextChoices):
    UNIT_MANAGER = "unit_manager", "Unit Manager"
    CSM = "csm", "Children's Services Manager"
    SOCIAL_WORKER = "social_worker", "Social worker"
    INTERVIEWER = "interviewer", "Independent interviewer"
    IRO = "iro", "Independent Reviewing Officer"
    HEADTEACHER = "headteacher", "Headteacher"
    HR_LEAD = "hr_lead", "HR lead"
    SAFEGUARDING_LEAD = "safeguarding_lead", "Safeguarding lead"
    SENIOR_MANAGER = "senior_manager", "Senior manager"
    GOVERNOR = "governor", "Governor"
    ORG_ADMIN = "org_admin", "Organisation admin"


# Roles whose membership must name the setting it covers.
SETTING_SCOPED_ROLES = frozenset({Role.UNIT_MANAGER, Role.HEADTEACHER})


class Membership(models.Model):
    """One role held by one person in their organisation, optionally for one setting."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=32, choices=Role.choices)
    setting = models.ForeignKey(
        Setting, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    # Interviewers only: not employed by or connected to the organisation (seed 002 §1;
    # seed 000: "somebody who is truly impartial and not connected directly with the school").
    is_independent = models.BooleanField(default=False)
    # Interviewers only: a line about them a leaver reads when choosing who interviews them
    # (seed 000: "someone the employee is comfortable with").
    description = models.CharField(max_length=200, blank=True)

    class Meta:
        # Two conditional constraints rather than nulls_distinct, which SQLite lacks.
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "setting"], name="membership_unique_in_setting",
                condition=models.Q(setting__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["user", "role"], name="membership_unique_org_wide",
                condition=models.Q(setting__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        where = f" ({self.setting})" if self.setting_id else ""
        return f"{self.user} — {self.get_role_display()}{where}"


# The longest confidentiality statement, in each language (about two printed pages).
STATEMENT_MAX_LENGTH = 6000


class StatementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ConfidentialityStatement(models.Model):
    """What a leaver is told about who will read the record. Versioned: the version shown
    is stored with the consent, so we can always say what the young person agreed to.

    A draft may be changed or deleted; a published version never changes (the
    administration's actions refuse it). The one used at consent is the newest published
    version (`organisations.queries.current_statement`)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="confidentiality_statements"
    )
    pathway = models.CharField(max_length=32, choices=Pathway.choices)
    version = models.PositiveIntegerField()
    text = models.TextField(max_length=STATEMENT_MAX_LENGTH)
    # The same in Welsh, shown to a young person whose preferred language is Welsh.
    text_cy = models.TextField(blank=True, max_length=STATEMENT_MAX_LENGTH)
    status = models.CharField(max_length=16, choices=StatementStatus.choices,
                              default=StatementStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "pathway", "version"], name="statement_version_unique"
            ),
            # One draft at a time per pathway: "write a new version" continues it.
            models.UniqueConstraint(
                fields=["organisation", "pathway"], name="statement_one_draft",
                condition=models.Q(status="draft"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.pathway} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.status == StatementStatus.PUBLISHED

    def text_for(self, *, welsh: bool) -> str:
        """The words a leaver reads: Welsh when they speak it and there is a Welsh text."""
        return self.text_cy if welsh and self.text_cy.strip() else self.text


class DistributionRecipient(models.Model):
    """Who receives a copy of each interview record besides the IRO (who always does).

    Seed 002 §3 leaves the list empty, so each organisation sets it: either every holder of
    a role, or one named person.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="distribution_recipients"
    )
    pathway = models.CharField(max_length=32, choices=Pathway.choices)
    role = models.CharField(max_length=32, choices=Role.choices, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True
    )

    class Meta:
        constraints = [
            # A rule is named once per pathway.
            models.UniqueConstraint(
                fields=["organisation", "pathway", "role"], name="distribution_role_once",
                condition=~models.Q(role=""),
            ),
            models.UniqueConstraint(
                fields=["organisation", "pathway", "user"], name="distribution_user_once",
                condition=models.Q(user__isnull=False),
            ),
            models.CheckConstraint(
                condition=(models.Q(role="") & models.Q(user__isnull=False))
                | (~models.Q(role="") & models.Q(user__isnull=True)),
                name="distribution_role_xor_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.role or self.user}"


class Commissioner(models.TextChoices):
    ENGLAND = "england", "Children's Commissioner for England"
    WALES = "wales", "Children's Commissioner for Wales"


# Public contact details of each commissioner's advice service, the default for new
# organisations (an organisation may change them).
COMMISSIONER_CONTACTS = {
    Commissioner.ENGLAND: "Help at Hand: phone 0800 528 0731 (free)\n"
                          "Email help.team@childrenscommissioner.gov.uk",
    Commissioner.WALES: "Investigation and Advice: phone 0808 801 1000 (free)\n"
                        "Email advice@childcomwales.org.uk",
}


class LetterContacts(models.Model):
    """Who a young person can turn to, printed in every letter the IRO sends them: the
    advocacy service, the complaints team and the Children's Commissioner for the nation
    the organisation is in."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="letter_contacts"
    )
    advocacy = models.TextField(blank=True)
    complaints = models.TextField(blank=True)
    commissioner = models.CharField(max_length=16, choices=Commissioner.choices,
                                    default=Commissioner.ENGLAND)
    commissioner_contact = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Letter contacts of {self.organisation}"
