"""The IRO's letter to the young person, drafted in plain language (seed 002 §3; Children's
Homes Regs reg 7: children must understand how their views were used). The IRO edits it."""

from __future__ import annotations

from leaver.cases.models import Interview
from leaver.reviews.models import Review


def draft_letter(interview: Interview, signed_by: str = "") -> str:
    first_name = interview.leaver_name.split(" ")[0]
    talked_to = (
        f"talking to {interview.interviewer.get_short_name()}" if interview.interviewer
        else "talking to us"
    )
    lines = [
        f"Dear {first_name},",
        "",
        f"Thank you for {talked_to} about your time at {interview.setting.name}. "
        "What you told us helps us make things better for the young people who live there "
        "now and who will live there in the future.",
        "",
    ]
    recommendations = list(interview.recommendations.all())
    if recommendations:
        lines.append("After reading what you said, we have asked people to do these things:")
        lines.append("")
        for rec in recommendations:
            lines.append(f"- {rec.text}")
            if rec.response_text:
                lines.append(f"  What they told us they will do: {rec.response_text}")
        lines.append("")
    elif Review.objects.filter(interview=interview).exists():
        lines += [
            "We read everything you said carefully. We did not find anything that needs to "
            "change straight away, but what you said will help us check how the home is doing.",
            "",
        ]
    lines += [
        "If you want to talk about any of this, or you are unhappy about something, you can "
        "talk to your social worker, make a complaint, or ask for an advocate: someone "
        "independent who can help you be heard.",
        "",
        "Best wishes,",
        "",
        signed_by or "Your Independent Reviewing Officer",
        "Independent Reviewing Officer",
    ]
    return "\n".join(lines)
