"""What the young person's pathway keeps beyond the case kernel: the young person."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from leaver.cases.models import Interview


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
