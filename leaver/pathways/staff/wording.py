"""What the leaver reads in the emails and the printed letter that carry their links. The
offer follows seed 000: exit interviews are voluntary, the school values them, they are one
to one, and confidentiality is publicised with the offer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from leaver.cases.models import Interview, LinkPurpose
from leaver.organisations import roles
from leaver.organisations.models import Role


def headteacher_of(case: Interview) -> str:
    """The name of the school's headteacher, or "" when it has none on Leaver."""
    return roles.holders_at(case.setting_id, Role.HEADTEACHER).order_by("pk").values_list(
        "full_name", flat=True).first() or ""


def offer_paragraphs(case: Interview, reply_due: dt.date | None) -> list[str]:
    school = case.setting.name
    head = headteacher_of(case)
    found = [
        f"Dear {case.leaver_name},",
        f"As you are leaving {school}, we would like to offer you an exit interview.",
        # Seed 000: exit interviews "should be actively encouraged by headteachers".
        (f"{head}, our headteacher, encourages" if head else "Our headteacher encourages")
        + " everyone who leaves to take part: hearing from you is how the school gets better.",
        "It is voluntary: you do not have to take part, and saying no will not count "
        "against you in any way.",
        f"{school} values what you have to say. Your views help the school see what it does "
        "well and what it could do better for the staff who stay.",
        "The interview is one to one, with someone you are comfortable with. You can choose "
        "someone who is not connected with the school. If you prefer, you can answer the "
        "questions online instead.",
        "What you say is confidential. You choose whether your name goes with the record "
        "(then the headteacher and the HR lead may read it) or whether you stay anonymous "
        "in reports (then only your interviewer and the HR lead read it).",
    ]
    if reply_due is not None:
        found.append(f"Please reply by {reply_due:%-d %B %Y}.")
    return found


REMINDER_FIRST = ("A reminder: you have not yet replied to our offer of an exit interview. "
                  "This is a new link; the one we sent before no longer works.")

SUBJECTS = {
    LinkPurpose.OFFER: "the offer of an exit interview",
    LinkPurpose.SELF_COMPLETION: "your exit interview questions",
    LinkPurpose.REVIEW: "please check the record of your exit interview",
}


def paragraphs(case: Interview, purpose: LinkPurpose, reply_due: dt.date | None
               ) -> list[str]:
    """The words of a new link for `purpose` (send_new_link)."""
    if purpose == LinkPurpose.OFFER:
        return ["This is a new link. The one we sent before no longer works.",
                *offer_paragraphs(case, reply_due)]
    if purpose == LinkPurpose.SELF_COMPLETION:
        return [f"Dear {case.leaver_name},",
                "Thank you for agreeing to an exit interview. You chose to answer the "
                "questions online. This is a new link; the one we sent before no longer works."]
    return [f"Dear {case.leaver_name},",
            "The record of your exit interview is ready for you to check. If it is right, you "
            "can sign it. If something is wrong, you can ask for it to be corrected. This is "
            "a new link; the one we sent before no longer works."]


_HOW = {"email": "emailed", "letter": "printed in a letter (the emailed link stopped working)",
        "copied": "copied to try Leaver out"}


def describe_link(detail: Mapping[str, object]) -> str:
    """The timeline's words for a new link: for what, and how it went."""
    purpose = str(detail.get("purpose", ""))
    what = LinkPurpose(purpose).label if purpose in LinkPurpose.values else ""
    how = _HOW.get(str(detail.get("how", "")), "")
    return ", ".join(filter(None, [f"to {what}" if what else "", how]))


def describe_reply_date(detail: Mapping[str, object]) -> str:
    """The timeline's words for the offer and its reminder: the date to reply by."""
    due = detail.get("reply_due")
    if not due:
        return ""
    return f"reply by {dt.date.fromisoformat(str(due)):%-d %B %Y}"
