"""Questions about the roles a user holds. The only place that reads Membership for access."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import F, Q, QuerySet

from leaver.accounts.models import User
from leaver.organisations.models import Membership, Role


def has_role(user: User, *roles: Role) -> bool:
    if not user.is_authenticated or user.organisation_id is None:
        return False
    return _memberships(user).filter(role__in=roles).exists()


def roles_of(user: User) -> set[str]:
    if not user.is_authenticated or user.organisation_id is None:
        return set()
    cached: set[str] | None = getattr(user, "_leaver_roles", None)
    if cached is None:
        cached = set(_memberships(user).values_list("role", flat=True))
        user._leaver_roles = cached  # type: ignore[attr-defined]
    return cached


def managed_setting_ids(user: User) -> set[int]:
    """Settings the user manages as Unit Manager (cached on the user for one request)."""
    cached: set[int] | None = getattr(user, "_leaver_managed", None)
    if cached is None:
        cached = set(
            _memberships(user)
            .filter(role=Role.UNIT_MANAGER, setting__isnull=False)
            .values_list("setting_id", flat=True)
        )
        user._leaver_managed = cached  # type: ignore[attr-defined]
    return cached


def setting_ids_for(user: User, role: Role) -> set[int] | None:
    """The settings a setting-scoped role covers for this user (a Headteacher's schools), or
    None when they hold it for the whole organisation (an academy trust's HR lead)."""
    cache: dict[str, set[int] | None] = user.__dict__.setdefault("_leaver_scopes", {})
    if role not in cache:
        rows = list(_memberships(user).filter(role=role).values_list("setting_id", flat=True))
        cache[role] = None if None in rows else set(rows)
    return cache[role]


def setting_kinds_for(user: User, role: Role) -> set[str | None]:
    """The kinds of setting the user holds `role` at (None: for the whole organisation)."""
    return set(_memberships(user).filter(role=role).values_list("setting__kind", flat=True))


def scope_of(user: User, held: Iterable[Role]) -> set[int] | None:
    """The settings any of `held` covers for this user, together (None: one of them covers
    the whole organisation, e.g. a trust's HR lead). Roles the user does not hold add none."""
    ids: set[int] = set()
    for role in held:
        if role not in roles_of(user):
            continue
        scope = setting_ids_for(user, role)
        if scope is None:
            return None
        ids |= scope
    return ids


def users_with_role(organisation_id: int, role: Role) -> QuerySet[User]:
    return User.objects.filter(
        organisation_id=organisation_id, is_active=True, memberships__role=role
    ).distinct()


def load_roles(users: Iterable[User]) -> list[User]:
    """The users with their roles and scopes read in one query, so that asking about each
    (roles_of, managed_setting_ids, setting_ids_for, and so engine.acts_as) costs nothing
    more: a list of people stays a constant number of queries however long it is."""
    found = list(users)
    held: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    rows = Membership.objects.filter(user__in=[u.pk for u in found]).filter(
        Q(setting__isnull=True) | Q(setting__organisation_id=F("user__organisation_id")))
    for user_id, role, setting_id in rows.values_list("user_id", "role", "setting_id"):
        held[user_id].append((role, setting_id))
    for user in found:
        mine = held.get(user.pk, [])
        user._leaver_roles = {role for role, _ in mine}  # type: ignore[attr-defined]
        user._leaver_managed = {  # type: ignore[attr-defined]
            s for role, s in mine if role == Role.UNIT_MANAGER and s is not None}
        scopes: dict[str, set[int] | None] = {}
        for role in Role:
            ids = [s for r, s in mine if r == role]
            scopes[role] = None if None in ids else {s for s in ids if s is not None}
        user.__dict__["_leaver_scopes"] = scopes
    return found


def holders_of_role(organisation_id: int, role: Role) -> list[User]:
    """users_with_role, read with their roles (load_roles): two queries in all."""
    return load_roles(users_with_role(organisation_id, role))


def users_with_any_role(organisation_id: int, held: Iterable[Role]) -> QuerySet[User]:
    """Active people of the organisation holding at least one of `held`, by name."""
    return User.objects.filter(
        Q(memberships__setting__isnull=True)
        | Q(memberships__setting__organisation_id=F("organisation_id")),
        organisation_id=organisation_id, is_active=True, memberships__role__in=list(held),
    ).distinct().order_by("full_name")


def holders_at(setting_id: int, role: Role) -> QuerySet[User]:
    """The active people holding `role` for one setting (its headteachers, its managers)."""
    return User.objects.filter(
        is_active=True, memberships__role=role, memberships__setting_id=setting_id,
        memberships__setting__organisation_id=F("organisation_id"),
    ).distinct()


def managers_of(setting_id: int) -> QuerySet[User]:
    """The active Unit Managers of one setting (a home, or an agency placement's provider)."""
    return holders_at(setting_id, Role.UNIT_MANAGER)


def is_independent_interviewer(user: User) -> bool:
    return _memberships(user).filter(role=Role.INTERVIEWER, is_independent=True).exists()


def _memberships(user: User) -> QuerySet[Membership]:
    # A membership counts only inside the user's own organisation: a setting of another
    # organisation can never widen what someone sees.
    return Membership.objects.filter(user=user).filter(
        Q(setting__isnull=True) | Q(setting__organisation_id=user.organisation_id)
    )
