"""Every event name the audit log can hold, with its words: the one list that the audit log
viewer's "what happened" filter and its rows read.

A vocabulary is a `TextChoices` class declared in the `events` module of an installed app
(leaver.audit.events, leaver.cases.events, leaver.reviews.events, each pathway's events, …).
The modules are found the way Django's admin finds `admin` modules, so a new pathway's events
join the list by being declared where every other vocabulary is, and this layer imports no
package above it.
"""

from __future__ import annotations

import functools
from importlib import import_module

from django.apps import apps
from django.db import models
from django.utils.module_loading import module_has_submodule

from leaver.audit.events import Event


@functools.cache
def vocabularies() -> tuple[type[Event], ...]:
    """The vocabularies of every installed app, in the order of INSTALLED_APPS."""
    found: list[type[Event]] = []
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "events"):
            continue
        module = import_module(f"{config.name}.events")
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, models.TextChoices)
                    and value.__module__ == module.__name__):
                found.append(value)
    return tuple(found)


@functools.cache
def labels() -> dict[str, str]:
    """Each stored event name and the words shown for it. A name declared twice with
    different words is a mistake that would make the log ambiguous: it stops the caller."""
    words: dict[str, str] = {}
    for vocabulary in vocabularies():
        for member in vocabulary:
            label = str(member.label)
            if words.setdefault(member.value, label) != label:
                raise ValueError(f"The audit event {member.value!r} is declared twice with "
                                 f"different words: {words[member.value]!r} and {label!r}.")
    return words


def label_of(action: str) -> str:
    """The words for a stored event name; the name itself for one no longer declared."""
    return labels().get(action, action)
