"""The case kernel's data: a leaver's case, its record (locked and hashed when submitted), the
answers, and who else the record is shared with. Nothing here belongs to one pathway: each
pathway adds its own details in its own package (e.g. leaver.pathways.young_person.models)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from leaver.core import limits
from leaver.core.encrypted_fields import EncryptedJSONField, EncryptedTextField, SealableTextField
from leaver.core.limits import at_most, at_most_sealed
from leaver.organisations.models import Pathway


class HeldHow(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    VIDEO = "video", "Video call"
    PHONE = "phone", "Phone"


class Support(models.TextChoices):
    NONE = "none", "No"
    INTERPRETER = "interpreter", "Yes, an interpreter"
    COMMUNICATION = "communication", "Yes, other communication support"


class Confirmation(models.TextChoices):
    """Whether the leaver has checked the record (seed 000: "view the information recorded
    and, if they wish, sign to agree that the information recorded is correct")."""

    NOT_ASKED = "", "Not sent to the leaver to check"
    AWAITING = "awaiting", "Waiting for the leaver to check it"
    CORRECTIONS_REQUESTED = "corrections_requested", "The leaver asked for corrections"
    CONFIRMED = "confirmed", "Signed as correct by the leaver"
    NOT_CONFIRMED = "not_confirmed", "Not confirmed by the leaver"


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
    # One of the states of the pathway's definition (leaver.cases.engine.Definition.states).
    state = models.CharField(max_length=32, db_index=True)
    leaver_name = models.CharField(max_length=limits.NAME)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The leaver's agreement to take part (both seeds: voluntary). The version of the
    # confidentiality statement shown is kept with the outcome.
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    confidentiality_statement = models.ForeignKey(
        "organisations.ConfidentialityStatement", on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )
    may_quote_anonymously = models.BooleanField(default=False)
    outcome_reason = EncryptedTextField(blank=True)  # declined, not feasible, withdrawn, …

    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="interviews_to_conduct",
    )
    scheduled_for = models.DateTimeField(null=True, blank=True)
    location = models.CharField(max_length=limits.PLACE, blank=True)

    # What happened, recorded by the interviewer with the record (and locked with it).
    held_at = models.DateTimeField(null=True, blank=True)
    held_how = models.CharField(max_length=16, choices=HeldHow.choices, blank=True)
    held_where = models.CharField(max_length=limits.PLACE, blank=True)
    people_present = EncryptedTextField(blank=True)
    support = models.CharField(max_length=16, choices=Support.choices, blank=True)
    support_details = EncryptedTextField(blank=True)

    # The questionnaire version the interview is recorded against, fixed when the case is
    # opened (or when recording starts, if none was published then). Never changes after.
    questionnaire_version = models.ForeignKey(
        "questionnaires.Version", on_delete=models.PROTECT, null=True, blank=True,
        related_name="interviews",
    )

    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        # Lists read cases newest first within an organisation and pathway, narrowed by state
        # or place ("Your work", the case lists): each has an index matching its filter and
        # order, so a page costs the same at any size (ADR 0021). The name search has a
        # trigram index on PostgreSQL (migration 0009).
        indexes = [models.Index(fields=["organisation", "state"]),
                   models.Index(fields=["organisation", "pathway", "-created_at", "-id"],
                                name="interview_list_newest"),
                   models.Index(fields=["organisation", "pathway", "state", "-created_at",
                                        "-id"], name="interview_list_by_state"),
                   models.Index(fields=["setting", "-created_at", "-id"],
                                name="interview_list_by_setting")]
        constraints = [at_most_sealed("interview", "outcome_reason", limits.REASON),
                       at_most_sealed("interview", "people_present", limits.PEOPLE_PRESENT),
                       at_most_sealed("interview", "support_details",
                                      limits.SUPPORT_DETAILS)]

    def __str__(self) -> str:
        return f"Exit interview {self.public_id}"


class InterviewRecord(models.Model):
    """The interview as recorded and agreed with the leaver. Locked on submission."""

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="record")
    questionnaire_key = models.CharField(max_length=64)
    # None: the leaver answered the questions themselves (self-completion; no account).
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
        blank=True,
    )
    submitted_at = models.DateTimeField()
    complaints_discussed = models.BooleanField(default=False)
    advocacy_discussed = models.BooleanField(default=False)
    complaints_referral_wanted = models.BooleanField(default=False)
    advocacy_referral_wanted = models.BooleanField(default=False)
    interviewer_notes = EncryptedTextField(blank=True)
    agreed_with_young_person = models.BooleanField()
    left_out_note = EncryptedTextField(blank=True)
    circulation_restricted = models.BooleanField(default=False)
    restriction_reason = models.TextField(blank=True)
    # SHA-256 of the canonical content at submission (leaver.cases.records); after an
    # amendment, of the newest version (RecordVersion keeps each).
    content_sha256 = models.CharField(max_length=64)
    # The leaver's check of the record (both pathways: a staff leaver always; a young person
    # where the interviewer offers it), and by when they are asked to do it.
    confirmation = models.CharField(max_length=32, choices=Confirmation.choices, blank=True,
                                    default=Confirmation.NOT_ASKED)
    confirmation_due = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            at_most_sealed("interviewrecord", "interviewer_notes", limits.INTERVIEWER_NOTES),
            at_most_sealed("interviewrecord", "left_out_note", limits.LEFT_OUT_NOTE),
            at_most("interviewrecord", "restriction_reason", limits.REASON)]

    def __str__(self) -> str:
        return f"Record of {self.interview}"

    @property
    def answers(self) -> models.QuerySet[Answer]:
        """The interview's answers: locked with the record."""
        return Answer.objects.filter(interview_id=self.interview_id)


class RecordDraft(models.Model):
    """What the interviewer has recorded so far beyond the answers, until the record is
    submitted: the parts done, the wording chosen for reading the questions, and the drafts
    of what goes with the answers. None: not answered yet."""

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE,
                                     related_name="record_draft")
    sections_done = models.JSONField(default=list)  # section keys saved with "continue"
    # How the questions are shown while recording: "" (the questionnaire's English), "cy"
    # (Welsh) or "easy" (easy read), for the young person's language or needs.
    wording = models.CharField(max_length=8, blank=True)
    complaints_discussed = models.BooleanField(null=True)
    complaints_referral_wanted = models.BooleanField(null=True)
    advocacy_discussed = models.BooleanField(null=True)
    advocacy_referral_wanted = models.BooleanField(null=True)
    interviewer_notes = EncryptedTextField(blank=True)
    left_out_note = EncryptedTextField(blank=True)
    agreed_with_young_person = models.BooleanField(null=True)
    restrict_circulation = models.BooleanField(null=True)
    restriction_reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            at_most_sealed("recorddraft", "interviewer_notes", limits.INTERVIEWER_NOTES),
            at_most_sealed("recorddraft", "left_out_note", limits.LEFT_OUT_NOTE),
            at_most("recorddraft", "restriction_reason", limits.REASON)]

    def __str__(self) -> str:
        return f"Draft record of {self.interview}"


class Answer(models.Model):
    """One answer to one item of the interview's questionnaire version. A draft until the
    interview's record is submitted; then locked, and covered by the record's hash.

    `value` is text; a multiple-choice answer is its choice values separated by spaces
    (as XLSForm stores select_multiple; see leaver.questionnaires.queries)."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="answers")
    version = models.ForeignKey("questionnaires.Version", on_delete=models.PROTECT,
                                related_name="answers")
    item_key = models.CharField(max_length=64)
    value = SealableTextField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "item_key"],
                                    name="answer_once_per_item"),
            at_most_sealed("answer", "value", limits.ANSWER),
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


class RecordVersion(models.Model):
    """One version of a record's content. Version 1 is the record as first submitted; each
    amendment (after the leaver asks for a correction, or later) adds the next, with who,
    when and why. Old versions stay readable to those who may read the record."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE,
                                  related_name="record_versions")
    number = models.PositiveIntegerField()
    content = EncryptedJSONField()  # leaver.cases.records.canonical_content at that moment
    content_sha256 = models.CharField(max_length=64)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                null=True, blank=True, related_name="+")  # None: the leaver
    made_at = models.DateTimeField()
    reason = models.TextField(blank=True)  # why it was amended (empty for version 1)

    class Meta:
        ordering = ["interview", "number"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "number"], name="record_version_once"),
            at_most("recordversion", "reason", limits.REASON)]

    def __str__(self) -> str:
        return f"Version {self.number} of the record of {self.interview}"


class CorrectionRequest(models.Model):
    """What the leaver asked to be corrected in one version of the record."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE,
                                  related_name="correction_requests")
    version = models.ForeignKey(RecordVersion, on_delete=models.CASCADE, related_name="+")
    comment = EncryptedTextField()
    requested_at = models.DateTimeField()
    # The version that answered it, once the interviewer has amended the record.
    answered_by = models.ForeignKey(RecordVersion, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="answers_requests")

    class Meta:
        ordering = ["requested_at", "id"]
        constraints = [at_most_sealed("correctionrequest", "comment", limits.REASON)]

    def __str__(self) -> str:
        return f"Correction request {self.public_id}"


class SignOff(models.Model):
    """The leaver's signature that one version is accurate: their full name as typed (or
    recorded in person by the interviewer) and the hash of the content they signed."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="sign_offs")
    version = models.ForeignKey(RecordVersion, on_delete=models.PROTECT, related_name="+")
    typed_name = models.CharField(max_length=limits.NAME)
    signed_at = models.DateTimeField()
    content_sha256 = models.CharField(max_length=64)
    # Recorded by the interviewer with the leaver in the room, not through the leaver's link.
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["signed_at", "id"]

    def __str__(self) -> str:
        return f"Sign-off of {self.version}"


class LinkPurpose(models.TextChoices):
    """What one of the leaver's links is for. A link does one thing only."""

    OFFER = "offer", "reply to the offer of an exit interview"
    SELF_COMPLETION = "self_completion", "answer the questions yourself"
    REVIEW = "review", "check the record and sign it"


class LinkEnd(models.TextChoices):
    REPLACED = "replaced", "A newer link was sent"
    CASE_MOVED_ON = "case_moved_on", "The case moved on"


class LeaverLink(models.Model):
    """A single-purpose, expiring link sent to a leaver, who has no account (leaver.cases.
    links). Only a SHA-256 hash of its secret is stored; the URL carries no personal data."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="links")
    purpose = models.CharField(max_length=32, choices=LinkPurpose.choices)
    secret_sha256 = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")  # None: Leaver
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)  # its one job is done
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=32, choices=LinkEnd.choices, blank=True)
    last_opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # At most one live link per case and purpose: sending a new one ends the old.
            models.UniqueConstraint(
                fields=["interview", "purpose"], name="one_live_link_per_purpose",
                condition=models.Q(used_at__isnull=True, ended_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"Link {self.public_id} ({self.purpose})"


class AgreementStatus(models.TextChoices):
    ASKED = "asked", "Waiting for a decision"
    AGREED = "agreed", "Agreed"
    REFUSED = "refused", "Refused"
    USED = "used", "Agreed and made"


class AmendmentAgreement(models.Model):
    """The interviewer's request to amend a locked record, and the reviewer's answer (the
    IRO, or the HR lead: the pathway says whose agreement is needed). An agreed request is
    used by exactly one amendment, the version it made (leaver.cases.amendment_agreement)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE,
                                  related_name="amendment_agreements")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    asked_at = models.DateTimeField()
    reason = EncryptedTextField()  # why the interviewer wants to amend
    status = models.CharField(max_length=16, choices=AgreementStatus.choices,
                              default=AgreementStatus.ASKED)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    refusal_reason = EncryptedTextField(blank=True)
    version = models.ForeignKey(RecordVersion, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+")  # the amendment it allowed

    class Meta:
        ordering = ["-asked_at", "-id"]
        constraints = [at_most_sealed("amendmentagreement", "reason", limits.REASON),
                       at_most_sealed("amendmentagreement", "refusal_reason", limits.REASON)]

    def __str__(self) -> str:
        return f"Amendment agreement {self.public_id}"
