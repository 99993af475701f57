"""Audit event names of the young person's pathway (see leaver.audit.events); the label is
what the case's timeline says."""

from __future__ import annotations

from django.db import models


class YoungPersonEvent(models.TextChoices):
    MOVE_NOTIFIED = "interview.move_notified", "Move notified"
    CONSENT_GIVEN = "interview.consent_given", "Consent recorded: the young person agreed"
    CONSENT_DECLINED = "interview.consent_declined", (
        "Consent recorded: the young person declined")
    NOT_FEASIBLE = "interview.not_feasible", "Recorded as not feasible"
    ASSIGN_INTERVIEWER = "interview.assign_interviewer", "Interviewer assigned"
    SCHEDULE = "interview.schedule", "Interview arranged"
    FACTS_RECORDED = "interview.facts_recorded", (
        "Interview held: when, how and where recorded")
    SUBMIT_RECORD = "interview.submit_record", (
        "Interview record agreed, locked and sent to the IRO")
    RESTRICT_CIRCULATION = "interview.restrict_circulation", (
        "Circulation of the record restricted")
    REOPEN = "interview.reopen", (
        "Reopened: the young person changed their mind, awaiting consent again")
    CLOSE = "interview.close", "Case closed"
    WITHDRAW = "interview.withdraw", "The young person withdrew"
    UNABLE_TO_CONTACT = "interview.unable_to_contact", "Recorded as unable to contact"
    # The young person's own links (self_completion.py, leaver.cases.you).
    SELF_COMPLETION_SENT = "interview.send_self_completion", (
        "Questions sent to the young person to answer themselves")
    SELF_COMPLETED = "interview.self_completed", (
        "The young person answered the questions themselves")
    REVIEW_LINK_SENT = "interview.send_review_link", (
        "Record sent to the young person to check")
    SIGNED = "interview.signed", "The young person signed the record as correct"
    CORRECTIONS_REQUESTED = "interview.corrections_requested", (
        "The young person asked for corrections")
    # Amending the locked record with the IRO's agreement (amending.py, issue 14).
    AMENDMENT_ASKED = "interview.ask_to_amend", (
        "The interviewer asked the IRO to agree to an amendment")
    AMENDMENT_AGREED = "interview.agree_to_amend", "The IRO agreed to an amendment"
    AMENDMENT_REFUSED = "interview.refuse_to_amend", "The IRO refused an amendment"
    AMENDED = "interview.amend_record", (
        "Record amended with the IRO's agreement: a new version")
    # Corrections (corrections.py): the audit row keeps the old and new values.
    CORRECT_MOVE_DATE = "interview.correct_move_date", "Planned move date changed"
    CORRECT_SETTING = "interview.correct_setting", "Home or placement changed"
    CORRECT_SOCIAL_WORKER = "interview.correct_social_worker", "Social worker changed"
    CORRECT_IRO = "interview.correct_iro", "Independent Reviewing Officer changed"
    CORRECT_LEARNING_DISABILITY = "interview.correct_learning_disability", (
        "Learning disability flag changed")
    CORRECT_LANGUAGE = "interview.correct_language", "Preferred language changed"
    CORRECT_COMMUNICATION_NEEDS = "interview.correct_communication_needs", (
        "Communication needs changed")
    CORRECT_CONTACT = "interview.correct_contact", "Phone or email changed"
    CORRECT_ADDRESS = "interview.correct_address", "Postal address changed"


class ReferralEvent(models.TextChoices):
    """A referral the young person asked for at the interview (a complaint, an advocate).
    Kept off the case's timeline, which people beyond the social worker and the record's
    readers see: a complaint may be about the home."""

    REFERRAL_MADE = "interview.referral_made", "Referral the young person asked for: made"
    REFERRAL_NOT_MADE = "interview.referral_not_made", (
        "Referral the young person asked for: not made")
    REFERRAL_VIEWED = "interview.referral_viewed", "Referral the young person asked for viewed"
