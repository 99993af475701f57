"""Subject access for organisation admins: find the person, review what is held about them
and the other people named in it, and export it as a PDF and a JSON file. Everyone else gets
404 (leaver.administration.access); every person is looked up in the admin's organisation
only (leaver.subject_access.subjects.get_subject). Each review and export is audited."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from leaver.accounts.models import User
from leaver.administration.access import administered_by
from leaver.audit import log as audit
from leaver.core.pdf import render_pdf
from leaver.organisations.models import Organisation
from leaver.subject_access import gather, subjects, third_parties
from leaver.subject_access.dossier import Dossier
from leaver.subject_access.events import SubjectAccessEvent


@require_safe
@login_required
def search(request: HttpRequest) -> HttpResponse:
    admin, organisation = administered_by(request)
    text = request.GET.get("q", "").strip()
    found = subjects.search(organisation, text)
    if text:
        audit.record(actor=admin, action=SubjectAccessEvent.SEARCHED, object_type="organisation",
                     object_id=organisation.public_id, organisation_id=organisation.pk,
                     detail={"found": len(found)})
    return render(request, "subject_access/search.html", {
        "q": text, "found": found, "too_short": 0 < len(text) < subjects.SHORTEST})


@dataclass
class _Request:
    admin: User
    organisation: Organisation
    subject: subjects.Subject
    dossier: Dossier


def _open(request: HttpRequest, kind: str, public_id: uuid.UUID) -> _Request:
    admin, organisation = administered_by(request)
    subject = subjects.get_subject(organisation, kind, public_id)
    return _Request(admin, organisation, subject, gather.dossier(subject, organisation))


def _audit(r: _Request, event: SubjectAccessEvent, **detail: object) -> None:
    audit.record(actor=r.admin, action=event, object_type=r.subject.kind,
                 object_id=r.subject.public_id, organisation_id=r.organisation.pk,
                 detail={"cases": [str(c.public_id) for c in r.subject.cases], **detail})


@require_safe
@login_required
def review(request: HttpRequest, kind: str, public_id: uuid.UUID) -> HttpResponse:
    r = _open(request, kind, public_id)
    named = third_parties.find(r.dossier, r.organisation, r.subject)
    _audit(r, SubjectAccessEvent.REVIEWED, names_found=len(named))
    return render(request, "subject_access/review.html", {
        "subject": r.subject, "kind_label": subjects.Kind(r.subject.kind).label,
        "named": named, "parts": r.dossier.parts})


@require_safe
@login_required
def export(request: HttpRequest, kind: str, public_id: uuid.UUID, fmt: str) -> HttpResponse:
    if fmt not in ("pdf", "json"):
        raise Http404("No such format.")
    r = _open(request, kind, public_id)
    now = timezone.now()
    named = third_parties.find(r.dossier, r.organisation, r.subject)
    _audit(r, SubjectAccessEvent.EXPORTED, format=fmt)
    filename = f"subject-access-{r.subject.public_id}.{fmt}"
    if fmt == "json":
        content = r.dossier.as_json(produced_by=r.admin.full_name, produced_at=now)
        content["other_people_named"] = [
            {"name": t.name, "kind": t.kind, "where": list(t.places)} for t in named]
        response = HttpResponse(json.dumps(content, ensure_ascii=False, indent=2),
                                content_type="application/json; charset=utf-8")
    else:
        html = render_to_string("subject_access/export_pdf.html", {
            "subject": r.subject, "kind_label": subjects.Kind(r.subject.kind).label,
            "organisation": r.organisation, "admin": r.admin, "now": now,
            "parts": r.dossier.parts, "named": named})
        response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
