"""Attack-run finding: read-only pages answered any method, and a refused one still wrote a
"viewed" audit row. They now answer GET and HEAD only (405 for the rest), writing nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from leaver.audit.models import AuditEvent
from leaver.pathways.young_person.states import State
from leaver.reviews.models import Letter
from leaver.testing import make_case

METHODS = ["put", "patch", "delete", "options", "trace"]


def read_only_urls(cast) -> list[tuple[str, str]]:
    """(who reads it, the page) for every read-only page of a case in a state that has it."""
    recorded = make_case(cast, State.RESPONSES_COMPLETE)
    Letter.objects.create(interview=recorded, text="Dear Jordan, thank you.")
    scheduled = make_case(cast, State.SCHEDULED)
    version = recorded.questionnaire_version
    assert version is not None
    return [
        ("iro", reverse("young_person:your_work")),
        ("iro", reverse("young_person:case_list")),
        ("iro", reverse("young_person:case", args=[recorded.public_id])),
        ("iro", reverse("young_person:record", args=[recorded.public_id])),
        ("iro", reverse("reviews:letter_pdf", args=[recorded.public_id])),
        ("interviewer", reverse("young_person:record_new", args=[scheduled.public_id])),
        ("interviewer", reverse("young_person:record_draft", args=[scheduled.public_id])),
        ("csm", reverse("reviews:my_recommendations")),
        ("org_admin", reverse("questionnaires:list")),
        ("org_admin", reverse("questionnaires:preview", args=[version.public_id])),
        ("org_admin", reverse("questionnaires:download", args=[version.public_id])),
    ]


@pytest.mark.parametrize("method", METHODS)
def test_regression_read_only_pages_refuse_other_methods_and_audit_nothing(client, cast,
                                                                            method):
    for who, url in read_only_urls(cast):
        client.force_login(getattr(cast, who))
        assert client.get(url).status_code == 200, url
        assert client.head(url).status_code == 200, url
        before = AuditEvent.objects.count()
        response = getattr(client, method)(url)
        assert response.status_code == 405, (method, url)
        assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}
        assert AuditEvent.objects.count() == before, (method, url)
