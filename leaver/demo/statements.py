"""The demo organisation's confidentiality statement for young people: version 1 in English
and Welsh (published), and version 2 being drafted, so the admin pages show every state."""

from __future__ import annotations

STATEMENT = (
    "This interview is your chance to tell us what living here was like, so we can make "
    "things better.\n\n"
    "Who will read it: the person who interviews you writes down what you say and reads it "
    "back to you. It then goes to your Independent Reviewing Officer (IRO). A copy usually "
    "goes to the manager of the home you are leaving, so they can make things better, and "
    "to the managers of children's services.\n\n"
    "What stays private: we cannot promise that what you say will stay completely secret. "
    "If you tell us that you or someone else is being hurt or is in danger, we must tell "
    "people whose job is to keep you safe. You can ask for something to be left out. If "
    "you do not want the manager of your home to read it, tell the interviewer: they can "
    "ask for only your IRO to read it.\n\n"
    "It is up to you: you can say no, stop at any time, or change your mind later. If you "
    "say no now and change your mind before you move, tell your social worker."
)

STATEMENT_CY = (
    "Dyma dy gyfle i ddweud wrthym sut brofiad oedd byw yma, er mwyn i ni wella pethau.\n\n"
    "Pwy fydd yn ei ddarllen: mae'r person sy'n dy gyfweld yn ysgrifennu'r hyn rwyt ti'n ei "
    "ddweud ac yn ei ddarllen yn ôl i ti. Yna mae'n mynd at dy Swyddog Adolygu Annibynnol "
    "(IRO). Fel arfer mae copi'n mynd at reolwr y cartref rwyt ti'n ei adael, er mwyn iddyn "
    "nhw wella pethau, ac at reolwyr y gwasanaethau plant.\n\n"
    "Beth sy'n aros yn breifat: allwn ni ddim addo y bydd yr hyn rwyt ti'n ei ddweud yn aros "
    "yn gwbl gyfrinachol. Os wyt ti'n dweud wrthym fod rhywun yn dy frifo di neu rywun arall, "
    "neu fod rhywun mewn perygl, rhaid i ni ddweud wrth y bobl sydd â'r gwaith o dy gadw'n "
    "ddiogel. Gelli di ofyn i rywbeth gael ei adael allan. Os nad wyt ti eisiau i reolwr dy "
    "gartref ei ddarllen, dywed wrth y cyfwelydd: gallan nhw ofyn mai dim ond dy IRO sy'n ei "
    "ddarllen.\n\n"
    "Ti sy'n penderfynu: gelli di ddweud na, stopio unrhyw bryd, neu newid dy feddwl yn nes "
    "ymlaen. Os wyt ti'n dweud na nawr ac yn newid dy feddwl cyn i ti symud, dywed wrth dy "
    "weithiwr cymdeithasol."
)

# Version 2 (a draft): the same, and that an advocate can come with them.
STATEMENT_V2 = STATEMENT + (
    "\n\nYou can have an advocate with you: someone independent who helps you say what you "
    "want to say. Ask your social worker and they will arrange it."
)

# The school staff pathway (seed 000: "guarantees of confidentiality are well publicised
# alongside the value placed on exit interviews").
STAFF_STATEMENT = (
    "Thank you for the time you have given Riverside Academy. An exit interview is your "
    "chance to tell us, honestly, what working here was like: what we do well and what we "
    "should change. The headteacher reads every finding and the school agrees actions on "
    "them.\n\n"
    "It is voluntary: you do not have to take part, and saying no does not affect your "
    "reference or anything else about your leaving.\n\n"
    "Who reads your record: you choose. If you choose to be named, the headteacher and the "
    "HR lead may read it. If you choose to be anonymous in reports, only your interviewer "
    "and the HR lead read it, and everyone else sees your answers only inside totals of at "
    "least five people.\n\n"
    "You can check the record of your interview, ask for corrections, and sign it as "
    "correct if you wish. We keep records for six years after you leave and then delete "
    "them.\n\n"
    "The only time we would share what you say without asking you is if it showed that a "
    "child or adult is at risk of harm: then we must tell the safeguarding lead."
)
