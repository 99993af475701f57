"""What the staff pathway keeps beyond the case kernel: the member of staff who is leaving."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from leaver.cases.models import Interview
from leaver.core import limits
from leaver.core.limits import at_most


class Confidentiality(models.TextChoices):
    """Chosen by the leaver when they accept (DESIGN §5). Anonymous: only the interviewer and
    the HR lead read the record; everyone else sees it only inside aggregates of 5 or more."""

    NOT_CHOSEN = "", "Not chosen yet"
    NAMED = "named", "Named: the headteacher and HR lead may read the record"
    ANONYMOUS = "anonymous", "Anonymous in reports: only the interviewer and HR lead read it"


class TakingPart(models.TextChoices):
    NOT_CHOSEN = "", "Not chosen yet"
    INTERVIEW = "interview", "A one-to-one interview"
    SELF = "self", "Answering the questions online"


class StaffLanguage(models.TextChoices):
    ENGLISH = "en", "English"
    WELSH = "cy", "Welsh (Cymraeg)"


class StaffLeaver(models.Model):
    """The member of staff leaving a school, as recorded by the headteacher or HR lead, and
    what they chose when they replied to the offer."""

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE,
                                     related_name="staff_leaver")
    email = models.EmailField(max_length=limits.EMAIL)
    job_role = models.CharField(max_length=100)
    department = models.CharField(max_length=100, blank=True)
    # A user of the organisation, or a name when the line manager has no account.
    line_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")
    line_manager_name = models.CharField(max_length=limits.NAME, blank=True)
    start_date = models.DateField()
    leaving_date = models.DateField()
    # A choice value of the staff questionnaire's reason_for_leaving item.
    reason_code = models.CharField(max_length=64)
    language = models.CharField(max_length=8, choices=StaffLanguage.choices,
                                default=StaffLanguage.ENGLISH)

    # The offer and the reply.
    offer_sent_at = models.DateTimeField(null=True, blank=True)
    reply_due = models.DateField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    confidentiality = models.CharField(max_length=16, choices=Confidentiality.choices,
                                       blank=True, default=Confidentiality.NOT_CHOSEN)
    taking_part = models.CharField(max_length=16, choices=TakingPart.choices, blank=True,
                                   default=TakingPart.NOT_CHOSEN)
    # Who the leaver would like to interview them (from the school's list), if anyone.
    preferred_interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")
    # Set when the HR lead assigns the leaver's line manager as interviewer anyway.
    line_manager_override_reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            at_most("staffleaver", "line_manager_override_reason", limits.REASON),
            models.CheckConstraint(condition=models.Q(leaving_date__gte=models.F("start_date")),
                                   name="staff_leaving_after_start"),
        ]

    def __str__(self) -> str:
        return f"Staff leaver of {self.interview}"

    @property
    def is_anonymous(self) -> bool:
        return self.confidentiality == Confidentiality.ANONYMOUS
