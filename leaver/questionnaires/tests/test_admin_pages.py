"""Organisation admins upload, download and choose questionnaires; nobody else can."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from leaver.core.errors import ActionRefused
from leaver.organisations.models import Pathway
from leaver.questionnaires import actions, selection
from leaver.questionnaires.models import DefaultTemplate, Template, Version
from leaver.questionnaires.xlsform import read_xlsform

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(client, data: bytes, pathway: str = "young_person"):
    return client.post("/questionnaires/upload/", {
        "workbook": SimpleUploadedFile("form.xlsx", data, content_type=XLSX),
        "pathway": pathway})


def test_uploading_a_workbook_makes_a_draft(client, cast):
    client.force_login(cast.org_admin)
    before = set(Version.objects.values_list("pk", flat=True))
    response = upload(client, (SEEDS / "yp-appendix-1.xlsx").read_bytes())
    assert response.status_code == 302
    version = Version.objects.exclude(pk__in=before).get()
    # The cast's organisation already has version 1 of this questionnaire, published.
    assert (version.template.organisation, version.number, version.status) == (
        cast.org, 2, "draft")
    assert version.questionnaire == read_xlsform(SEEDS / "yp-appendix-1.xlsx")


def test_a_bad_workbook_lists_its_problems_and_changes_nothing(client, cast):
    client.force_login(cast.org_admin)
    before = Version.objects.count()
    response = upload(client, b"not a spreadsheet")
    assert response.status_code == 400
    page = response.content.decode()
    assert "The workbook was not imported" in page
    assert "not an Excel workbook" in page
    assert Version.objects.count() == before


def test_a_missing_file_is_asked_for(client, cast):
    client.force_login(cast.org_admin)
    response = client.post("/questionnaires/upload/", {"pathway": "young_person"})
    assert response.status_code == 400
    assert "Choose an .xlsx file to upload." in response.content.decode()


def test_download_gives_the_version_back_as_xlsform(client, cast, other_cast):
    draft = actions.save_draft(actor=None, organisation=cast.org, pathway=Pathway.STAFF,
                               questionnaire=read_xlsform(SEEDS / "staff-exit.xlsx"))
    url = f"/questionnaires/versions/{draft.public_id}/download/"
    client.force_login(other_cast.org_admin)
    assert client.get(url).status_code == 404
    client.force_login(cast.org_admin)
    response = client.get(url)
    assert response["Content-Type"] == XLSX
    assert read_xlsform(response.content) == draft.questionnaire


def test_only_admins_reach_upload_and_defaults(client, cast):
    for person in (cast.iro, cast.csm, cast.senior_manager):
        client.force_login(person)
        assert client.get("/questionnaires/upload/").status_code == 404
        assert client.post("/questionnaires/default/", {}).status_code == 404


def _published(cast, key: str, pathway: Pathway = Pathway.YOUNG_PERSON) -> Version:
    q = read_xlsform(SEEDS / "yp-appendix-1.xlsx")
    draft = actions.save_draft(actor=None, organisation=cast.org, pathway=pathway,
                               questionnaire=dataclasses.replace(q, key=key))
    return actions.publish(actor=None, version=draft)


def test_the_default_for_a_setting_beats_the_pathway_default(client, cast):
    first, second, third = (_published(cast, k) for k in ("first", "second", "third"))
    yp = Pathway.YOUNG_PERSON
    assert selection.version_for(organisation_id=cast.org.pk, pathway=yp) == third
    client.force_login(cast.org_admin)
    assert client.post("/questionnaires/default/", {
        "pathway": "young_person", "template": first.template.pk}).status_code == 302
    assert client.post("/questionnaires/default/", {
        "pathway": "young_person", "setting": cast.home.pk,
        "template": second.template.pk}).status_code == 302
    assert selection.version_for(organisation_id=cast.org.pk, pathway=yp) == first
    assert selection.version_for(organisation_id=cast.org.pk, pathway=yp,
                                 setting=cast.home) == second
    assert selection.version_for(organisation_id=cast.org.pk, pathway=yp,
                                 setting=cast.other_home) == first


def test_a_default_must_fit_the_pathway_and_the_organisation(client, cast, other_cast):
    templates = Template.objects.count()
    staff = _published(cast, "staff-form", Pathway.STAFF)
    theirs = _published(other_cast, "theirs")
    client.force_login(cast.org_admin)
    wrong_pathway = client.post("/questionnaires/default/", {
        "pathway": "young_person", "template": staff.template.pk})
    assert wrong_pathway.status_code == 400
    assert "Choose a questionnaire written for this pathway." in wrong_pathway.content.decode()
    other_org = client.post("/questionnaires/default/", {
        "pathway": "young_person", "template": theirs.template.pk})
    assert other_org.status_code == 400
    assert not DefaultTemplate.objects.exists()
    assert Template.objects.count() == templates + 2


def test_the_default_action_refuses_another_organisations_template(cast, other_cast):
    theirs = _published(other_cast, "theirs")
    with pytest.raises(ActionRefused, match="your organisation's questionnaires"):
        selection.choose_default(actor=cast.org_admin, organisation=cast.org,
                                 pathway=Pathway.YOUNG_PERSON, setting=None,
                                 template=theirs.template)
    assert not DefaultTemplate.objects.exists()


def test_a_kobo_style_workbook_imports_and_the_upload_page_lists_what_was_ignored(client, cast):
    from leaver.questionnaires.tests.xlsform_workbooks import workbook

    client.force_login(cast.org_admin)
    data = workbook([["type", "name", "label::English (en)", "rows", "body::accept"],
                     ["note", "intro", "Hello", "", ""], ["text", "why", "Why?", "3", "x"]],
                    [["list name", "name", "label::English (en)"]], settings=None)
    response = upload(client, data)
    assert (response.status_code, response["Location"]) == (302, "/questionnaires/upload/")
    version = Version.objects.get(template__key="form")  # from the file name, form.xlsx
    assert [i.key for i in version.questionnaire.items()] == ["intro", "why"]
    page = client.get("/questionnaires/upload/").content.decode()
    for where in ("sheet &#x27;survey&#x27;, column &#x27;rows&#x27;",
                  "sheet &#x27;survey&#x27;, column &#x27;body::accept&#x27;",
                  "sheet &#x27;settings&#x27;, column &#x27;form_id&#x27;"):
        assert where in page


def test_the_preview_shows_wording_in_a_language_the_interview_pages_do_not_offer(client, cast):
    from leaver.questionnaires.tests.xlsform_workbooks import workbook

    q = read_xlsform(workbook([["type", "name", "label", "label::Français (fr)"],
                               ["text", "town", "Town?", "Ville ?"]]))
    draft = actions.save_draft(actor=None, organisation=cast.org, pathway=Pathway.YOUNG_PERSON,
                               questionnaire=q)
    client.force_login(cast.org_admin)
    url = f"/questionnaires/versions/{draft.public_id}/preview/"
    english = client.get(url).content.decode()
    assert "Town?" in english
    assert '?language=fr">fr</a>' in english
    french = client.get(url, {"language": "fr"}).content.decode()
    assert "Ville ?" in french
    assert 'lang="fr"' in french
