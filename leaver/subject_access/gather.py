"""The dossier of one subject: a young person's or staff leaver's cases
(leaver.subject_access.gather_cases), or a user's account, roles, emails, what was done about
their account and what they did in Leaver."""

from __future__ import annotations

from leaver.audit.models import AuditEvent
from leaver.organisations.models import Membership, Organisation
from leaver.subject_access.dossier import Dossier
from leaver.subject_access.gather_cases import add_case, audit_rows, messages
from leaver.subject_access.subjects import Kind, Subject


def _user(d: Dossier, subject: Subject, organisation: Organisation) -> None:
    user = subject.user
    assert user is not None
    account = d.part("Account")
    d.row(account, "Name", user.full_name)
    d.row(account, "Email", user.email)
    d.row(account, "Account made", user.date_joined)
    d.row(account, "Last signed in", user.last_login)
    d.row(account, "Account switched on", user.is_active)
    d.row(account, "Daily summary email", user.email_digest)
    roles = d.part("Roles")
    for membership in Membership.objects.filter(user=user).select_related("setting"):
        d.row(roles, membership.get_role_display(),
              ", ".join(filter(None, [
                  membership.setting.name if membership.setting else "the whole organisation",
                  "independent" if membership.is_independent else "",
                  membership.description])))
    messages(d, d.part("Messages"), organisation.pk, {user.email}, user.pk)
    audit_rows(d, d.part("Audit: what was done about their account"), list(
        AuditEvent.objects.filter(object_type="user", object_id=user.public_id)
        .select_related("actor").order_by("at", "id")))
    audit_rows(d, d.part("Audit: what they did in Leaver"), list(
        AuditEvent.objects.filter(actor=user).select_related("actor").order_by("at", "id")))


def dossier(subject: Subject, organisation: Organisation) -> Dossier:
    d = Dossier(kind=subject.kind, name=subject.name, organisation=organisation.name)
    if subject.kind == Kind.USER:
        _user(d, subject, organisation)
        return d
    for number, case in enumerate(subject.cases, start=1):
        add_case(d, case, number)
    return d
