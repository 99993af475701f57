"""Issue 12: the case lists page by keyset (leaver.ui.keyset): "Older" and "Newer" seek from
the row the address names, "Oldest" reads the other end of the index. Walking the pages
shows every case once, in order, both ways; filters stay in the links."""

from __future__ import annotations

import html
import re

import pytest

from leaver.cases.models import Interview
from leaver.cases.tests.test_pages_do_not_grow import copy_case
from leaver.pathways.young_person.states import State
from leaver.testing import make_case

pytestmark = pytest.mark.django_db

NAME = re.compile(r'class="govuk-link" href="/cases/[0-9a-f-]+/">([^<]+)</a>')


def listed(client, address: str) -> tuple[list[str], dict[str, str]]:
    """The names on one page, and its page links by their words."""
    text = html.unescape(client.get(address).content.decode())
    links = {word: href for href, word in re.findall(
        r'href="(\?[^"]*)"[^>]*>(?:<span class="govuk-pagination__link-title">)?'
        r'(Newer|Older|Newest|Oldest)', text)}
    return NAME.findall(text), links


def test_walking_the_pages_shows_every_case_once_in_order(client, cast):
    copy_case(make_case(cast, State.NOTIFIED, leaver_name="Ann Smith"), 120)
    expected = list(Interview.objects.filter(organisation=cast.org).order_by(
        "-created_at", "-pk").values_list("leaver_name", flat=True))
    assert len(expected) == 121
    client.force_login(cast.csm)
    seen: list[str] = []
    address = "/cases/?name=smith"
    while True:
        names, links = listed(client, address)
        assert len(names) <= 50
        seen += names
        if "Older" not in links:
            break
        assert "name=smith" in links["Older"]  # the filter stays
        address = "/cases/" + links["Older"]
    assert seen == expected
    # Back again, newer page by newer page, from the oldest.
    names, links = listed(client, "/cases/?name=smith&last=yes")
    assert names == expected[-50:]
    back = names
    while "Newer" in links:
        names, links = listed(client, "/cases/" + links["Newer"])
        back = names + back
    assert back == expected
    # A made-up cursor is the newest page, never an error.
    names, _links = listed(client, "/cases/?after=not-an-id")
    assert names == expected[:50]
