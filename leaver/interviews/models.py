"""Exit interview cases, the young person's details, the interview record and its answers."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from leaver.organisations.models import Pathway


class State(models.TextChoices):
    """States of the young person's pathway (see leaver.interviews.pathway)."""

    NOTIFIED = "notified", "Awaiting consent"
    CONSENTED = "consented", "Consented"
    DECLINED = "declined", "Declined"
    NOT_FEASIBLE = "not_feasible", "Not feasible"
    INTERVIEWER_ASSIGNED = "interviewer_assigned", "Interviewer assigned"
    SCHEDULED = "scheduled", "Interview scheduled"
    WITH_IRO = "with_iro", "With the IRO"
    RECOMMENDATIONS_ISSUED = "recommendations_issued", "Recommendations issued"
    RESPONSES_COMPLETE = "responses_complete", "Responses complete"
    NO_ACTION_NEEDED = "no_action_needed", "No action needed"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    UNABLE_TO_CONTACT = "unable_to_contact", "Unable to contact"


class Interview(models.Model):
    """One leaver's exit interview case, from notification to closure."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="interviews"
    )
    setting = models.ForeignKey(
        "organisations.Setting", on_delete=models.PROTECT, related_name="interviews"
    )
    pathway = models.CharField(max_length=32, choices=Pathway.choices)
    state = models.CharField(max_length=32, choices=State.choices, db_index=True)
    leaver_name = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Consent (seed 002 §1: voluntary). The statement version shown is kept with the outcome.
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    confidentiality_statement = models.ForeignKey(
        "organisations.ConfidentialityStatement", on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )
    may_quote_anonymously = models.BooleanField(default=False)
    outcome_reason = models.TextField(blank=True)  # declined, not feasible, withdrawn, …
    no_action_reason = models.TextField(blank=True)  # the IRO found nothing to act on

    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="interviews_to_conduct",
    )
    scheduled_for = models.DateTimeField(null=True, blank=True)
    location = models.CharField(max_length=300, blank=True)

    # The questionnaire version the interview is recorded against, fixed when the case is
    # opened (or when recording starts, if none was published then). Never changes after.
    questionnaire_version = models.ForeignKey(
        "questionnaires.Version", on_delete=models.PROTECT, null=True, blank=True,
        related_name="interviews",
    )

    letter_text = models.TextField(blank=True)
    letter_sent_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "state"])]

    def __str__(self) -> str:
        return f"Exit interview {self.public_id}"

    @property
    def consent_outcome(self) -> str:
        """What the young person decided, whatever happened after."""
        if self.consent_recorded_at is None:
            return ""
        return {State.DECLINED: "Declined", State.NOT_FEASIBLE: "Not feasible"}.get(
            State(self.state), "Agreed to an exit interview")


class YoungPerson(models.Model):
    """What the Unit Manager records about the young person when the move is notified."""

    interview = models.OneToOneField(
        Interview, on_delete=models.CASCADE, related_name="young_person"
    )
    date_of_birth = models.DateField()
    planned_move_date = models.DateField()
    social_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocated_young_people"
    )
    significant_learning_disability = models.BooleanField()
    communication_needs = models.TextField(blank=True)
    preferred_language = models.CharField(max_length=100, default="English")
    # Where the interviewer can reach the young person after the move (seed 002 §2).
    contact_details = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Young person of {self.interview}"


class InterviewRecord(models.Model):
    """The interview as recorded and agreed with the young person. Locked on submission."""

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="record")
    questionnaire_key = models.CharField(max_length=64)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()
    complaints_discussed = models.BooleanField(default=False)
    advocacy_discussed = models.BooleanField(default=False)
    complaints_referral_wanted = models.BooleanField(default=False)
    advocacy_referral_wanted = models.BooleanField(default=False)
    interviewer_notes = models.TextField(blank=True)
    agreed_with_young_person = models.BooleanField()
    left_out_note = models.TextField(blank=True)
    circulation_restricted = models.BooleanField(default=False)
    restriction_reason = models.TextField(blank=True)
    # SHA-256 of the canonical content at submission (leaver.interviews.canonical).
    content_sha256 = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"Record of {self.interview}"

    @property
    def answers(self) -> models.QuerySet[Answer]:
        """The interview's answers: locked with the record."""
        return Answer.objects.filter(interview_id=self.interview_id)


class Answer(models.Model):
    """One answer to one item of the interview's questionnaire version. A draft until the
    interview's record is submitted; then locked, and covered by the record's hash.

    `value` is text; a multiple-choice answer is its choice values separated by spaces
    (as XLSForm stores select_multiple; see leaver.questionnaires.queries)."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="answers")
    version = models.ForeignKey("questionnaires.Version", on_delete=models.PROTECT,
                                related_name="answers")
    item_key = models.CharField(max_length=64)
    value = models.TextField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "item_key"],
                                    name="answer_once_per_item")
        ]

    def __str__(self) -> str:
        return f"Answer to {self.item_key}"


class ShareReason(models.TextChoices):
    DISTRIBUTION = "distribution", "Distribution list"
    SHARED_BY_IRO = "shared_by_iro", "Shared by the IRO"


class RecordShare(models.Model):
    """Someone beyond the IRO and the interviewer who may read the record."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="shares")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=32, choices=ShareReason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["interview", "user"], name="share_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.interview} shared with user {self.user_id}"
