"""A Questionnaire spec to and from JSON-able dicts, for storing a version in one column."""

from __future__ import annotations

from typing import Any

from leaver.questionnaires.spec import Choice, Item, ItemType, Questionnaire, Section


def to_dict(q: Questionnaire) -> dict[str, Any]:
    return {
        "key": q.key, "title": q.title, "version": q.version,
        "sections": [{
            "key": s.key, "title": s.title, "intro": s.intro, "relevant": s.relevant,
            "items": [{
                "key": i.key, "type": i.type.value, "label": i.label, "hint": i.hint,
                "easy_read": i.easy_read, "required": i.required, "relevant": i.relevant,
                "safeguarding_trigger": i.safeguarding_trigger,
                "choices": [{"value": c.value, "label": c.label} for c in i.choices],
                "constraint": i.constraint, "constraint_message": i.constraint_message,
                "required_message": i.required_message, "guidance_hint": i.guidance_hint,
                "default": i.default, "appearance": i.appearance, "or_other": i.or_other,
            } for i in s.items],
        } for s in q.sections],
    }


def from_dict(data: dict[str, Any]) -> Questionnaire:
    return Questionnaire(
        key=data["key"], title=dict(data["title"]), version=data["version"],
        sections=tuple(Section(
            key=s["key"], title=dict(s["title"]), intro=dict(s["intro"]),
            relevant=s["relevant"],
            items=tuple(Item(
                key=i["key"], type=ItemType(i["type"]), label=dict(i["label"]),
                hint=dict(i["hint"]), easy_read=dict(i["easy_read"]), required=i["required"],
                relevant=i["relevant"], safeguarding_trigger=i["safeguarding_trigger"],
                choices=tuple(Choice(c["value"], dict(c["label"])) for c in i["choices"]),
                # Versions stored before these existed have none of them.
                constraint=i.get("constraint", ""),
                constraint_message=dict(i.get("constraint_message", {})),
                required_message=dict(i.get("required_message", {})),
                guidance_hint=dict(i.get("guidance_hint", {})), default=i.get("default", ""),
                appearance=i.get("appearance", ""), or_other=i.get("or_other", False),
            ) for i in s["items"]),
        ) for s in data["sections"]),
    )
