"""The IRO's letter to the young person, drafted in plain language (seed 002 §3; Children's
Homes Regs reg 7: children must understand how their views were used). The IRO edits it.

The draft uses each recommendation's young person's version and quotes each owner's response
under their role ("The manager of Oak House said: …"). It is written in Welsh when the
pathway says the young person's language is Welsh (`Definition.letter_language`): Leaver's
Welsh is a best effort, and the letter page asks for a Welsh speaker to check it. Lines
starting "- " are a list: `blocks` turns the text into paragraphs and real lists for the page
and the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.organisations.models import COMMISSIONER_CONTACTS, Commissioner, LetterContacts
from leaver.reviews.models import Review
from leaver.reviews.owners import title_for_letter

WORDS = {
    "en": {
        "dear": "Dear {name},",
        "thanks": "Thank you for {talked_to} about your time at {setting}. What you told us "
                  "helps us make things better for the young people who live there now and "
                  "who will live there in the future.",
        "talked_to": "talking to {name}", "talked_to_us": "talking to us",
        "asked": "After reading what you said, we have asked people to do these things:",
        "said": "{title} said: “{response}”",
        "nothing": "We read everything you said carefully. We did not find anything that needs "
                   "to change straight away, but what you said will help us check how the "
                   "home is doing.",
        "help": "If you want to talk about any of this, or you are unhappy about something, "
                "you can talk to your social worker, make a complaint, or ask for an advocate: "
                "someone independent who can help you be heard. How to reach them is at the "
                "end of this letter.",
        "wishes": "Best wishes,", "signature": "Your Independent Reviewing Officer",
        "iro": "Independent Reviewing Officer",
        "contacts": "People who can help you", "advocacy": "An advocate",
        "complaints": "Making a complaint",
    },
    "cy": {
        "dear": "Annwyl {name},",
        "thanks": "Diolch am {talked_to} am dy amser yn {setting}. Mae beth ddywedaist ti yn "
                  "ein helpu i wneud pethau'n well i'r bobl ifanc sy'n byw yno nawr ac a fydd "
                  "yn byw yno yn y dyfodol.",
        "talked_to": "siarad â {name}", "talked_to_us": "siarad â ni",
        "asked": "Ar ôl darllen beth ddywedaist ti, rydyn ni wedi gofyn i bobl wneud y pethau "
                 "hyn:",
        "said": "Dywedodd {title}: “{response}”",
        "nothing": "Fe wnaethon ni ddarllen popeth a ddywedaist ti yn ofalus. Wnaethon ni ddim "
                   "gweld unrhyw beth sydd angen newid ar unwaith, ond bydd beth ddywedaist ti "
                   "yn ein helpu i wirio sut mae'r cartref yn gwneud.",
        "help": "Os wyt ti eisiau siarad am hyn, neu os wyt ti'n anhapus am rywbeth, gallet "
                "ti siarad â dy weithiwr cymdeithasol, gwneud cwyn, neu ofyn am eiriolwr: "
                "rhywun annibynnol sy'n gallu dy helpu i gael dy glywed. Mae sut i gysylltu "
                "â nhw ar ddiwedd y llythyr hwn.",
        "wishes": "Dymuniadau gorau,", "signature": "Dy Swyddog Adolygu Annibynnol",
        "iro": "Swyddog Adolygu Annibynnol",
        "contacts": "Pobl sy'n gallu dy helpu di", "advocacy": "Eiriolwr",
        "complaints": "Gwneud cwyn",
    },
}
COMMISSIONER_NAMES = {
    "en": {Commissioner.ENGLAND: "The Children's Commissioner for England",
           Commissioner.WALES: "The Children's Commissioner for Wales"},
    "cy": {Commissioner.ENGLAND: "Comisiynydd Plant Lloegr",
           Commissioner.WALES: "Comisiynydd Plant Cymru"},
}


def language_of(interview: Interview) -> str:
    language = engine.definition_of(interview).letter_language(interview)
    return language if language in WORDS else "en"


def draft_letter(interview: Interview, signed_by: str = "", language: str = "") -> str:
    lang = language or language_of(interview)
    words = WORDS[lang]
    first_name = interview.leaver_name.split(" ")[0]
    talked_to = (
        words["talked_to"].format(name=interview.interviewer.get_short_name())
        if interview.interviewer else words["talked_to_us"]
    )
    lines = [words["dear"].format(name=first_name), "",
             words["thanks"].format(talked_to=talked_to, setting=interview.setting.name), ""]
    recommendations = list(interview.recommendations.filter(withdrawn_at__isnull=True)
                           .select_related("owner"))
    if recommendations:
        lines.append(words["asked"])
        for rec in recommendations:
            lines.append(f"- {_one_line(rec.letter_text)}")
            if rec.response_text:
                title = title_for_letter(rec.owner, interview, lang)
                lines.append("  " + words["said"].format(
                    title=title, response=_one_line(rec.response_text)))
        lines.append("")
    elif Review.objects.filter(interview=interview).exists():
        lines += [words["nothing"], ""]
    lines += [words["help"], "", words["wishes"], "",
              signed_by or words["signature"], words["iro"]]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Block:
    """A paragraph (its lines) or a list (its items, each a list of lines)."""

    lines: list[str] = field(default_factory=list)
    items: list[list[str]] = field(default_factory=list)

    @property
    def is_list(self) -> bool:
        return bool(self.items)


def blocks(text: str) -> list[Block]:
    """Paragraphs and lists: a line starting "- " or "* " starts a list item, an indented
    line after it continues the item, a blank line ends the block."""
    result: list[Block] = []
    current: Block | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        bullet = line.lstrip()[:2] in ("- ", "* ")
        if bullet:
            if current is None or not current.is_list:
                current = Block()
                result.append(current)
            current.items.append([line.lstrip()[2:].strip()])
        elif current is not None and current.is_list and raw[:1].isspace():
            current.items[-1].append(line.strip())
        else:
            if current is None or current.is_list:
                current = Block()
                result.append(current)
            current.lines.append(line.strip())
    return result


@dataclass(frozen=True)
class Contact:
    heading: str
    lines: list[str]


def contacts(interview: Interview, language: str) -> tuple[str, list[Contact]]:
    """The heading and the organisation's contacts printed at the end of every letter."""
    words = WORDS.get(language, WORDS["en"])
    found = LetterContacts.objects.filter(organisation_id=interview.organisation_id).first()
    nation = Commissioner(found.commissioner) if found else Commissioner.ENGLAND
    listed = [
        (words["advocacy"], found.advocacy if found else ""),
        (words["complaints"], found.complaints if found else ""),
        (COMMISSIONER_NAMES.get(language, COMMISSIONER_NAMES["en"])[nation],
         (found.commissioner_contact if found else "") or COMMISSIONER_CONTACTS[nation]),
    ]
    return words["contacts"], [
        Contact(heading, [line.strip() for line in text.splitlines() if line.strip()])
        for heading, text in listed if text.strip()
    ]
