"""Which of the leaver's links this browser holds, and the page that refuses a link.

The landing page (views.landing) opens a link from its secret and keeps the link's public id
in the session; every later page is /you/<public id>/... and opens only a link this browser
has opened (`link_for`), still live (links.check_live) and sent for that page's purpose
(links.check_purpose). A refusal changes nothing: it renders the misuse page, saying what
happened and whom to contact, and (when the link is known) writes one audit row naming only
the kind of refusal, never the token.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from leaver.cases import engine, links
from leaver.cases.events import CaseEvent
from leaver.cases.links import LinkRefused
from leaver.cases.models import LeaverLink, LinkPurpose

SESSION_KEY = "leaver.you.links"
KEEP = 10  # the newest links this browser opened

# 404: never a link; 410: it was, and will never work again; 403: not for this page or
# not opened in this browser.
STATUS = {"unknown": 404, "tampered": 404, "missing": 404, "used": 410, "replaced": 410,
          "ended": 410, "expired": 410, "wrong_purpose": 403, "not_in_session": 403}

NOT_IN_SESSION = LinkRefused(
    "not_in_session", "Open the link from your email",
    "This page only opens from the link in your email or letter, on the phone or computer "
    "you opened it on. If it was sent to you, open that link again. If it was not sent to "
    "you, please close this page.")


def remember(request: HttpRequest, link: LeaverLink) -> None:
    """This browser has opened `link`: its pages open here from now on."""
    held = [i for i in request.session.get(SESSION_KEY, []) if i != str(link.public_id)]
    request.session[SESSION_KEY] = [*held, str(link.public_id)][-KEEP:]


def held(request: HttpRequest, link_id: uuid.UUID) -> bool:
    return str(link_id) in request.session.get(SESSION_KEY, [])


def link_for(request: HttpRequest, link_id: uuid.UUID, purpose: LinkPurpose | None
             ) -> LeaverLink:
    """The link `link_id`, if this browser opened it, it is live and it is for `purpose`
    (None: any), else LinkRefused."""
    if not held(request, link_id):
        link = LeaverLink.objects.select_related("interview").filter(public_id=link_id).first()
        raise LinkRefused(NOT_IN_SESSION.kind, NOT_IN_SESSION.title, NOT_IN_SESSION.message,
                          link) if link else _missing()
    link = LeaverLink.objects.select_related(
        "interview", "interview__organisation").filter(public_id=link_id).first()
    if link is None:
        raise _missing()
    links.check_live(link)
    if purpose is not None:
        links.check_purpose(link, purpose)
    return link


def refuse_unless_may(link: LeaverLink, step: str) -> None:
    """LinkRefused ("ended") when the case has moved on and the leaver's step is no longer
    open (the interview was recorded meanwhile, say): the link has nothing left to do."""
    if not engine.may(None, link.interview, step):
        raise LinkRefused(
            "ended", "This link is no longer needed",
            "Things have moved on since this link was sent, so it does not work any more.",
            link)


def _missing() -> LinkRefused:
    return LinkRefused("missing", "This link is not recognised",
                       "We cannot find this link. It may have been removed.")


def refused(request: HttpRequest, error: LinkRefused) -> HttpResponse:
    """The misuse page. Whom to contact is named only to a browser that opened the link: a
    stranger holding someone's link address learns nothing about them."""
    link = error.link
    organisation = None
    if link is not None:
        engine.record_event(None, link.interview, CaseEvent.LINK_REFUSED, kind=error.kind,
                            purpose=link.purpose)
        if error.kind != NOT_IN_SESSION.kind:
            organisation = link.interview.organisation
    return render(request, "you/refused.html", {
        "error": error, "organisation": organisation,
    }, status=STATUS.get(error.kind, 404))


def link_page(purpose: LinkPurpose | None) -> Callable[..., Callable[..., HttpResponse]]:
    """A page of the leaver's link for `purpose`: the view gets the link; a refusal, here or
    inside the view (an action that found the link used meanwhile), is the misuse page."""
    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, link_id: uuid.UUID, *args: Any, **kwargs: Any
                    ) -> HttpResponse:
            try:
                link = link_for(request, link_id, purpose)
                return view(request, link, *args, **kwargs)
            except LinkRefused as error:
                return refused(request, error)
        return wrapped
    return decorate
