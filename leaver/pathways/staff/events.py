"""Audit event names of the school staff pathway (see leaver.audit.events); the label is what
the case's timeline says."""

from __future__ import annotations

from django.db import models


class StaffEvent(models.TextChoices):
    LEAVER_RECORDED = "staff.leaver_recorded", "Leaver recorded"
    LEAVERS_UPLOADED = "staff.leavers_uploaded", "Leavers recorded from a CSV file"
    OFFER_SENT = "staff.offer_sent", "Offer of an exit interview sent"
    OFFER_REMINDER = "staff.offer_reminder", "Reminder of the offer sent"
    ACCEPTED = "staff.accepted", "The leaver accepted"
    DECLINED = "staff.declined", "The leaver declined"
    DECLINE_RECORDED = "staff.decline_recorded", "Recorded that the leaver declined"
    NO_RESPONSE = "staff.no_response", "No response by the deadline"
    ASSIGN_INTERVIEWER = "staff.assign_interviewer", "Interviewer assigned to the member of staff"
    LINE_MANAGER_OVERRIDE = "staff.line_manager_override", (
        "The leaver's line manager assigned as interviewer, with a reason")
    SCHEDULE = "staff.schedule", "Staff exit interview arranged"
    SUBMIT_RECORD = "staff.submit_record", "Interview record saved"
    SELF_COMPLETED = "staff.self_completed", "The leaver answered the questions themselves"
    SENT_FOR_CONFIRMATION = "staff.sent_for_confirmation", "Record sent to the leaver to check"
    SIGNED = "staff.signed", "The leaver signed the record as correct"
    SIGNED_IN_PERSON = "staff.signed_in_person", (
        "The leaver signed the record as correct in person")
    CORRECTIONS_REQUESTED = "staff.corrections_requested", "The leaver asked for corrections"
    AMENDED = "staff.amended", "Record amended: a new version"
    # The interviewer's later amendment needs the HR lead's agreement (issue 14).
    AMENDMENT_ASKED = "staff.amendment_asked", (
        "The interviewer asked an HR lead to agree to an amendment")
    AMENDMENT_AGREED = "staff.amendment_agreed", "The HR lead agreed to an amendment"
    AMENDMENT_REFUSED = "staff.amendment_refused", "The HR lead refused an amendment"
    NOT_CONFIRMED = "staff.not_confirmed", "Not confirmed by the leaver by the deadline"
    CLOSE = "staff.close", "Staff case closed"
    WITHDRAW = "staff.withdraw", "The leaver withdrew"
    LINK_SENT = "staff.link_sent", "A new link sent to the leaver"
