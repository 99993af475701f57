from leaver.questionnaires import codec
from leaver.questionnaires.spec import YES_NO_NOT_SURE, Item, ItemType, Questionnaire, Section


def test_a_questionnaire_survives_json_storage():
    q = Questionnaire(key="exit", title={"en": "Exit", "cy": "Ymadael"}, version="3", sections=(
        Section(key="s1", title={"en": "Safety"}, intro={"en": "About safety"},
                relevant="${a} = 'yes'", items=(
            Item(key="felt_safe", type=ItemType.YES_NO_NOT_SURE, label={"en": "Safe?"},
                 hint={"en": "Take your time"}, easy_read={"en": "Were you safe?"},
                 required=True, relevant="", safeguarding_trigger="${felt_safe} = 'no'",
                 choices=YES_NO_NOT_SURE),
            Item(key="age", type=ItemType.NUMBER, label={"en": "Age"}),
        )),
    ))
    assert codec.from_dict(codec.to_dict(q)) == q
