"""Browser fixtures: Debian's Chromium driven by Playwright (sync API) against pytest-django's
live_server, and an axe-core check that fails on any WCAG 2.2 AA violation.

Playwright's sync API runs an asyncio event loop in the test thread; Django sees it and
refuses database access (SynchronousOnlyOperation) unless DJANGO_ALLOW_ASYNC_UNSAFE is set.
The tests and the live server use the database from plain synchronous code, so the guard is
a false alarm here. It is set below, before any test touches the database
(scripts/checks.sh sets it too).

Run: DEBUG=true .venv/bin/pytest -m browser tests/browser
Look at the pages: add BROWSER_SCREENSHOTS=/tmp/leaver-shots (a screenshot per checked page).
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Response,
    sync_playwright,
)

from leaver.testing import Cast, make_cast

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # Without these Chromium keeps trying to reach the internet, which this network refuses.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests join two pytest-xdist groups of about the same number of tests
    (whole modules, the largest first into the smaller group), so that with `--dist
    loadgroup` (scripts/checks.sh) each of the two workers runs one group and launches
    Chromium once (measured: the PostgreSQL suite takes about as long either way, 1,056 s
    with two groups and 1,046 s with one; the time is in the other tests). loadgroup hands
    out the largest groups first: the workers start with the browser tests (seconds each)
    and then share the rest, instead of one finishing alone.
    So on each worker these transactional tests (live_server) run before `db` tests, whereas
    pytest-django alone orders them last: each ends by emptying the tables, which is harmless
    while no migration inserts rows (a data migration would need serialized_rollback here).
    The group adds "@browser-0" or "@browser-1" to these tests' names in pytest's output.
    Without xdist the mark does nothing."""
    sizes: dict[str, int] = {}
    for item in items:
        if item.get_closest_marker("browser"):
            sizes[item.nodeid.split("::")[0]] = sizes.get(item.nodeid.split("::")[0], 0) + 1
    load = [0, 0]
    group: dict[str, int] = {}
    for module, size in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        group[module] = load.index(min(load))
        load[group[module]] += size
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group(f"browser-{group[item.nodeid.split('::')[0]]}"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: the browser tests need Debian's "
                    "Chromium (apt-get install -y chromium). Never run `playwright install`.",
                    pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_cast(transactional_db: None) -> Cast:
    """The cast, committed, so that live_server's thread sees it (the `cast` fixture's rows
    live inside a test transaction the server cannot see on PostgreSQL)."""
    return make_cast("north")


def page_key(url: str) -> str:
    """The page an address shows, with case and recommendation ids replaced: /cases/<id>/."""
    return _UUID.sub("<id>", urlsplit(url).path)


@dataclass
class Visits:
    """Every address the page showed, every page axe checked, and every console error."""

    visited: list[str] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)
    checked_in_order: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def unchecked(self) -> list[str]:
        return sorted({page_key(url) for url in self.visited} - self.checked)


@pytest.fixture
def visits() -> Visits:
    return Visits()


def _open_page(browser: Browser, live_server: Any, visits: Visits,
               **options: Any) -> tuple[Any, Page]:
    # The site's Content-Security-Policy (script-src 'self') stays enforced: axe is injected
    # through the DevTools protocol (see axe_check), which CSP does not govern, so the walk
    # also proves the pages and GOV.UK Frontend's JavaScript work under the real policy.
    context = browser.new_context(base_url=live_server.url, accept_downloads=True,
                                  locale="en-GB", timezone_id="Europe/London", **options)
    context.set_default_timeout(15_000)
    page = context.new_page()

    def on_navigated(frame: Any) -> None:
        if frame == page.main_frame:
            visits.visited.append(frame.url)

    def on_console(message: ConsoleMessage) -> None:
        # A form page answering 400 is logged as "Failed to load resource"; broken
        # stylesheets, scripts and images are caught by on_response instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            visits.console_errors.append(f"{page_key(page.url)}: {message.text}")

    def on_response(response: Response) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            visits.console_errors.append(f"{page_key(page.url)}: {response.status} {response.url}")

    page.on("framenavigated", on_navigated)
    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror",
            lambda error: visits.console_errors.append(f"{page_key(page.url)}: {error}"))
    return context, page


@pytest.fixture
def page(browser: Browser, live_server: Any, visits: Visits) -> Iterator[Page]:
    context, page = _open_page(browser, live_server, visits,
                               viewport={"width": 1280, "height": 900})
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser, live_server: Any, visits: Visits) -> Iterator[Page]:
    """A 360 by 740 pixel touch phone, as a leaver opens their link (issue 11)."""
    context, page = _open_page(browser, live_server, visits,
                               viewport={"width": 360, "height": 740}, is_mobile=True,
                               has_touch=True, device_scale_factor=2)
    yield page
    context.close()


def fits_the_screen(page: Page) -> None:
    """Nothing on the page is wider than the phone's screen (no sideways scrolling)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page_key(page.url)} is {width} pixels wide on a 360-pixel phone"


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} "
                     f"[{violation['helpUrl']}]")
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:300]}")
            if node.get("failureSummary"):
                lines.append("       " + node["failureSummary"].replace("\n", "\n       "))
    return "\n".join(lines)


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0–2.2 A/AA violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # page.add_script_tag(path=...) adds an inline <script>, which the site's CSP
        # (script-src 'self') blocks; evaluating the source through the DevTools protocol is
        # not subject to CSP, so no bypass_csp context is needed.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return list(result["violations"])


@pytest.fixture
def axe_check(visits: Visits) -> Callable[[Page], None]:
    """Check the page shown now: no axe violation and no console error (CSP refusals show
    up as console errors). Records the page as checked. With BROWSER_SCREENSHOTS=<folder>
    set, also saves a full-page screenshot of every page checked, numbered in order, for a
    person to look at (nothing is saved otherwise)."""
    folder = os.environ.get("BROWSER_SCREENSHOTS", "")

    def check(page: Page) -> None:
        page.wait_for_load_state("load")
        if folder:
            name = page_key(page.url).strip("/").replace("/", "-").replace("<id>", "id")
            count = len(visits.checked_in_order)
            page.screenshot(path=Path(folder) / f"{count:02d}-{name or 'home'}.png",
                            full_page=True)
        visits.checked_in_order.append(page.url)
        violations = run_axe(page)
        where = f"{page_key(page.url)} (“{page.title()}”)"
        assert not violations, f"axe found problems on {where}:\n{_describe(violations)}"
        assert not visits.console_errors, f"Console errors by {where}: {visits.console_errors}"
        visits.checked.add(page_key(page.url))

    return check
