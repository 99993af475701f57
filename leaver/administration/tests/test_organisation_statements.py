"""Confidentiality statements: a new version is a draft (English and Welsh), previewed as the
leaver sees it, then published. A published version never changes; the newest published one
is shown at consent, in Welsh to a Welsh speaker; each case keeps the version it was shown."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.administration.events import OrganisationEvent as E
from leaver.administration.organisation import statements
from leaver.administration.tests.organisation_helpers import (
    BASE,
    admin_events,
    draft_statement,
    state_of,
    text_of,
)
from leaver.core.errors import ActionRefused
from leaver.organisations.models import (
    STATEMENT_MAX_LENGTH,
    ConfidentialityStatement,
    Pathway,
    StatementStatus,
)
from leaver.organisations.queries import current_statement
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, consent_post, make_case

pytestmark = pytest.mark.django_db

WELSH = "Bydd eich IRO yn darllen yr hyn a ddywedwch."


@pytest.fixture
def admin(client: Client, cast: Cast) -> Client:
    client.force_login(cast.org_admin)
    return client


def _publish_v2(cast: Cast, text: str = "Version two words.", welsh: str = ""
                ) -> ConfidentialityStatement:
    draft = statements.save_draft(actor=cast.org_admin, organisation=cast.org,
                                  pathway=Pathway.YOUNG_PERSON, text=text, text_cy=welsh)
    return statements.publish(actor=cast.org_admin, statement=draft)


def test_a_new_version_starts_from_the_words_in_use_and_is_a_draft(admin, cast):
    url = f"{BASE}statements/young_person/new/"
    assert cast.statement.text in text_of(admin.get(url))
    response = admin.post(url, {"text": "New words.\r\nSecond line.", "text_cy": WELSH})
    draft = ConfidentialityStatement.objects.get(organisation=cast.org, version=2)
    assert response["Location"] == f"{BASE}statements/{draft.public_id}/"
    assert draft.status == StatementStatus.DRAFT
    assert (draft.text, draft.text_cy) == ("New words.\nSecond line.", WELSH)
    # Drafts are never shown: the statement in force is still version 1.
    assert current_statement(cast.org.pk, Pathway.YOUNG_PERSON) == cast.statement
    [event] = admin_events(cast.org, E.STATEMENT_DRAFTED)
    assert event.detail == {"pathway": "young_person", "version": 2, "new": True,
                            "welsh": True}
    # Asking for another new version continues the draft instead.
    again = admin.get(url)
    assert again["Location"] == f"{BASE}statements/{draft.public_id}/change/"


def test_the_preview_shows_both_languages(admin, cast):
    draft = statements.save_draft(actor=cast.org_admin, organisation=cast.org,
                                  pathway=Pathway.YOUNG_PERSON, text="English words.",
                                  text_cy=WELSH)
    page = text_of(admin.get(f"{BASE}statements/{draft.public_id}/"))
    assert "English words." in page
    assert f'lang="cy">{WELSH}' in page
    assert "A draft: nobody sees it until it is published." in page


def test_a_draft_can_be_changed_then_published(admin, cast):
    draft = draft_statement(cast)
    url = f"{BASE}statements/{draft.public_id}/change/"
    assert admin.post(url, {"text": "Better words.", "text_cy": ""}).status_code == 302
    draft.refresh_from_db()
    assert (draft.text, draft.text_cy) == ("Better words.", "")
    publish = f"{BASE}statements/{draft.public_id}/publish/"
    assert "A published version can never be changed or deleted." in text_of(admin.get(publish))
    assert admin.post(publish).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.published_by == cast.org_admin
    assert draft.published_at is not None
    assert current_statement(cast.org.pk, Pathway.YOUNG_PERSON) == draft
    [event] = admin_events(cast.org, E.STATEMENT_PUBLISHED)
    assert event.detail == {"pathway": "young_person", "version": 2, "welsh": False}
    assert event.object_id == draft.public_id


def test_a_published_version_is_never_changed(admin, cast):
    before = state_of(cast.org)
    with pytest.raises(ActionRefused, match="Version 1 is published"):
        statements.save_draft(actor=cast.org_admin, organisation=cast.org,
                              pathway=Pathway.YOUNG_PERSON, text="Sneaky", text_cy="",
                              statement=cast.statement)
    for step in ("change", "publish", "delete"):
        url = f"{BASE}statements/{cast.statement.public_id}/{step}/"
        assert admin.get(url).status_code == 403, step
        response = admin.post(url, {"text": "Sneaky", "text_cy": ""})
        assert response.status_code == 403, step
        assert "You cannot do this" in text_of(response)
    with pytest.raises(ActionRefused, match="cannot be deleted"):
        statements.delete_draft(actor=cast.org_admin, statement=cast.statement)
    with pytest.raises(ActionRefused, match="cannot be published again"):
        statements.publish(actor=cast.org_admin, statement=cast.statement)
    assert state_of(cast.org) == before


def test_a_draft_can_be_deleted_on_confirmation(admin, cast):
    draft = draft_statement(cast)
    url = f"{BASE}statements/{draft.public_id}/delete/"
    assert "This cannot be undone." in text_of(admin.get(url))
    assert ConfidentialityStatement.objects.filter(pk=draft.pk).exists()
    assert admin.post(url).status_code == 302
    assert not ConfidentialityStatement.objects.filter(pk=draft.pk).exists()
    [event] = admin_events(cast.org, E.STATEMENT_DRAFT_DELETED)
    assert event.detail == {"pathway": "young_person", "version": 2}


@pytest.mark.parametrize(("data", "message"), [
    ({"text": "   ", "text_cy": WELSH}, "Enter the statement in English."),
    ({"text": "x" * (STATEMENT_MAX_LENGTH + 1), "text_cy": ""},
     f"The statement in English must be {STATEMENT_MAX_LENGTH:,} characters or fewer."),
    ({"text": "Fine.", "text_cy": "y" * (STATEMENT_MAX_LENGTH + 1)},
     f"The statement in Welsh must be {STATEMENT_MAX_LENGTH:,} characters or fewer."),
])
def test_bad_input_is_shown_again_and_nothing_is_saved(admin, cast, data, message):
    before = state_of(cast.org)
    response = admin.post(f"{BASE}statements/young_person/new/", data)
    assert response.status_code == 400
    page = text_of(response)
    assert message in page
    if data["text_cy"]:
        assert data["text_cy"] in page
    assert state_of(cast.org) == before


def test_a_bad_change_to_a_draft_keeps_the_draft_as_it_was(admin, cast):
    draft = draft_statement(cast)
    before = state_of(cast.org)
    response = admin.post(f"{BASE}statements/{draft.public_id}/change/",
                          {"text": "", "text_cy": "Newydd"})
    assert response.status_code == 400
    assert "Newydd</textarea>" in text_of(response)
    assert state_of(cast.org) == before


def test_one_draft_at_a_time_per_pathway(cast):
    draft_statement(cast)
    with pytest.raises(ActionRefused, match="Version 2 is already a draft"):
        statements.save_draft(actor=cast.org_admin, organisation=cast.org,
                              pathway=Pathway.YOUNG_PERSON, text="Another", text_cy="")
    # The staff pathway has its own versions.
    staff = statements.save_draft(actor=cast.org_admin, organisation=cast.org,
                                  pathway=Pathway.STAFF, text="Staff words", text_cy="")
    assert staff.version == 1


def test_publishing_a_new_version_leaves_an_old_case_on_the_version_it_was_shown(cast):
    old = make_case(cast, State.CONSENTED)
    assert old.confidentiality_statement == cast.statement
    v2 = _publish_v2(cast)
    old.refresh_from_db()
    assert old.confidentiality_statement == cast.statement
    new = make_case(cast, State.CONSENTED)
    assert new.confidentiality_statement == v2


def test_the_consent_page_shows_the_newest_published_version_and_records_it(client, cast):
    interview = make_case(cast, State.NOTIFIED)
    draft_statement(cast)  # a draft (version 2) is never shown
    client.force_login(cast.social_worker)
    page = text_of(client.get(f"/cases/{interview.public_id}/consent/"))
    assert cast.statement.text in page
    assert "Draft words." not in page
    # Once published, version 2 is the one shown and recorded.
    v2 = statements.publish(actor=cast.org_admin, statement=draft_statement(cast))
    assert "Draft words." in text_of(client.get(f"/cases/{interview.public_id}/consent/"))
    response = client.post(f"/cases/{interview.public_id}/consent/",
                           consent_post(statement_version=str(v2.version)))
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.confidentiality_statement == v2


def test_a_decision_typed_against_a_replaced_version_is_refused(client, cast):
    interview = make_case(cast, State.NOTIFIED)
    client.force_login(cast.social_worker)
    _publish_v2(cast)  # published while the page showing version 1 was open
    response = client.post(f"/cases/{interview.public_id}/consent/",
                           consent_post(statement_version="1"))
    assert response.status_code == 400
    page = text_of(response)
    assert "A new version of the confidentiality statement has been published" in page
    assert "Version two words." in page  # the page now shows the new version to read
    interview.refresh_from_db()
    assert interview.state == State.NOTIFIED
    assert interview.confidentiality_statement is None


def test_a_decline_checked_after_a_new_version_is_published_is_refused(client, cast):
    interview = make_case(cast, State.NOTIFIED)
    client.force_login(cast.social_worker)
    typed = client.post(f"/cases/{interview.public_id}/consent/", consent_post(
        "consent_declined", decline_reason="Not now.", statement_version="1"))
    assert typed["Location"] == f"/cases/{interview.public_id}/consent/check/"
    _publish_v2(cast)
    response = client.post(f"/cases/{interview.public_id}/consent/check/")
    assert response.status_code == 400
    assert "A new version of the confidentiality statement" in text_of(response)
    interview.refresh_from_db()
    assert interview.state == State.NOTIFIED


def test_a_draft_cannot_be_recorded_at_consent(cast):
    interview = make_case(cast, State.NOTIFIED)
    with pytest.raises(ActionRefused, match="is a draft"):
        ia.record_consent(actor=cast.social_worker, interview=interview,
                          outcome="consent_given", reason="", may_quote=True,
                          statement=draft_statement(cast))


def test_a_welsh_speaker_is_shown_the_welsh_text(client, cast):
    _publish_v2(cast, text="English words.", welsh=WELSH)
    interview = make_case(cast, State.NOTIFIED, preferred_language="Welsh")
    client.force_login(cast.social_worker)
    page = text_of(client.get(f"/cases/{interview.public_id}/consent/"))
    assert f'lang="cy">{WELSH}</div>' in page
    assert "The statement in English" in page  # for the social worker
    english = make_case(cast, State.NOTIFIED)
    assert WELSH not in text_of(client.get(f"/cases/{english.public_id}/consent/"))


def test_a_welsh_speaker_is_shown_the_english_when_there_is_no_welsh(client, cast):
    interview = make_case(cast, State.NOTIFIED, preferred_language="Welsh")
    client.force_login(cast.social_worker)
    page = text_of(client.get(f"/cases/{interview.public_id}/consent/"))
    assert cast.statement.text in page
    assert 'lang="cy"' not in page.split("<main", 1)[1]


def test_without_a_published_statement_consent_cannot_be_recorded(client, cast):
    interview = make_case(cast, State.NOTIFIED)
    ConfidentialityStatement.objects.filter(pk=cast.statement.pk).update(
        status=StatementStatus.DRAFT)
    client.force_login(cast.social_worker)
    response = client.get(f"/cases/{interview.public_id}/consent/")
    assert response.status_code == 403
    assert "no published confidentiality statement" in text_of(response)
