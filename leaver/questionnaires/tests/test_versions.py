"""Published questionnaire versions are immutable; editing makes a new draft."""

from __future__ import annotations

import dataclasses

import pytest

from leaver.organisations.models import Pathway
from leaver.questionnaires import actions
from leaver.questionnaires.models import ImmutableVersionError, Template, Version, VersionStatus
from leaver.questionnaires.spec import Item, ItemType, Questionnaire, Section


def questionnaire(label: str = "Did you feel safe?") -> Questionnaire:
    return Questionnaire(key="exit", title={"en": "Exit"}, version="1", sections=(
        Section(key="safety", title={"en": "Safety"}, items=(
            Item(key="felt_safe", type=ItemType.YES_NO_NOT_SURE, label={"en": label},
                 required=True),
        )),
    ))


@pytest.fixture
def published(cast):
    draft = actions.save_draft(actor=cast.org_admin, organisation=cast.org,
                               pathway=Pathway.YOUNG_PERSON, questionnaire=questionnaire())
    return actions.publish(actor=cast.org_admin, version=draft)


def test_a_published_version_cannot_be_saved_changed(published):
    published.content = {"changed": True}
    with pytest.raises(ImmutableVersionError):
        published.save()
    published.refresh_from_db()
    assert published.questionnaire == questionnaire()


def test_a_published_version_cannot_be_changed_or_deleted_in_bulk(published):
    with pytest.raises(ImmutableVersionError):
        Version.objects.filter(pk=published.pk).update(content={})
    with pytest.raises(ImmutableVersionError):
        Version.objects.filter(pk=published.pk).delete()
    with pytest.raises(ImmutableVersionError):
        published.delete()
    assert Version.objects.get(pk=published.pk).questionnaire == questionnaire()


def test_editing_a_published_template_makes_a_new_draft(cast, published):
    edited = questionnaire("Did you feel safe living here?")
    draft = actions.save_draft(actor=cast.org_admin, organisation=cast.org,
                               pathway=Pathway.YOUNG_PERSON, questionnaire=edited)
    assert (draft.number, draft.status) == (2, VersionStatus.DRAFT)
    assert newest_published(published.template) == published
    again = actions.save_draft(actor=cast.org_admin, organisation=cast.org,
                               pathway=Pathway.YOUNG_PERSON,
                               questionnaire=dataclasses.replace(edited, version="2"))
    assert again.pk == draft.pk  # the open draft is edited, not multiplied
    actions.publish(actor=cast.org_admin, version=again)
    current = newest_published(published.template)
    assert current is not None
    assert current.number == 2
    assert current.questionnaire.items()[0].label["en"] == "Did you feel safe living here?"
    # The old version still reads as it was published: answers given on it stay meaningful.
    assert Version.objects.get(pk=published.pk).questionnaire == questionnaire()


def test_drafts_can_be_changed_and_deleted(cast):
    draft = actions.save_draft(actor=cast.org_admin, organisation=cast.org,
                               pathway=Pathway.YOUNG_PERSON, questionnaire=questionnaire())
    draft.content = {"key": "changed"}
    draft.save()
    Version.objects.filter(pk=draft.pk).delete()
    assert not Version.objects.filter(pk=draft.pk).exists()


def test_templates_belong_to_one_organisation(cast, other_cast):
    mine = actions.save_draft(actor=None, organisation=cast.org, pathway=Pathway.YOUNG_PERSON,
                              questionnaire=questionnaire())
    theirs = actions.save_draft(actor=None, organisation=other_cast.org,
                                pathway=Pathway.YOUNG_PERSON, questionnaire=questionnaire())
    assert mine.template != theirs.template
    assert mine.number == theirs.number == 1


def newest_published(template: Template) -> Version | None:
    return template.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
