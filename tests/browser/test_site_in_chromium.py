"""The audit site of the bundled data in a real browser: headless Chromium (Debian's), driven by
Playwright, over the site served on localhost. Every page loads with no console error and asks for
nothing outside the site; the comparison sorts and filters; the language switch keeps the page; a
verdict leads to its evidence and its document; axe-core finds no serious or critical violation;
and screenshots of the overview, on a desktop and a phone, are written as artifacts
(``$PLANAUDIT_ARTIFACTS``, else a temporary folder).

Skipped, with the reason, where Chromium, Playwright or axe-core is missing: `.ci/run` installs them
(``$PLANAUDIT_CHROMIUM``, default /usr/bin/chromium; ``$PLANAUDIT_AXE``, the path of axe.min.js).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from acceptance_support import planaudit
from site_support import read_site

ROOT = Path(__file__).parent.parent.parent
CHROMIUM = os.environ.get("PLANAUDIT_CHROMIUM", "/usr/bin/chromium")
AXE = os.environ.get("PLANAUDIT_AXE", "")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # a closed network: no background connections

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (.ci/run installs it)")
pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs Debian's)"),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser") / "site"
    run = planaudit("site", "--all", "-o", str(folder), data=None,
                    env={"PLANAUDIT_DATA": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"})
    assert run.returncode == 0, run.stderr
    return folder


@pytest.fixture(scope="module")
def base(site) -> Iterator[str]:
    """The site served on localhost, as a reader's browser would fetch it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, base):
    """A page that records console errors, uncaught exceptions and every request outside the site."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    opened.problems = []  # type: ignore[attr-defined]
    opened.on("console", lambda message: message.type == "error" and opened.problems.append(f"console: {message.text}"))
    opened.on("pageerror", lambda error: opened.problems.append(f"error: {error}"))

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(base):
            request_route.continue_()
        else:
            opened.problems.append(f"outside: {url}")
            request_route.abort()

    opened.route("**/*", route)
    yield opened
    context.close()


@pytest.mark.long  # 379 pages: `.ci/run` runs it (pytest -m long); the default run opens a page of each kind below
def test_every_page_loads_with_no_error_and_asks_for_nothing_outside_the_site(site, base, page):
    pages = sorted(path.relative_to(site.resolve()).as_posix() for path in read_site(site))
    assert len(pages) > 300 and pages.count("index.html") == 1
    for path in [path for path in pages if path != "index.html"]:
        response = page.goto(base + path, wait_until="load")
        assert response is not None and response.status == 200, path
    page.goto(base + "index.html")  # last: it sends the reader on, and a navigation after it would race that
    page.wait_for_url(base + "en/index.html")
    assert page.problems == []


@pytest.mark.long  # the default run keeps one browser test, the comparison's: `.ci/run` runs them all (pytest -m long)
@pytest.mark.parametrize("path", ["index.html", "zh/index.html", "en/j/fuzhou.html", "zh/t/wuhan-district/three-plans.html"])
def test_a_page_of_each_kind_loads_with_no_error_and_asks_for_nothing_outside_the_site(base, page, path):
    response = page.goto(base + path)
    assert response is not None and response.status == 200
    assert page.problems == []


def rows(page, table: str) -> list[list[str]]:
    return page.eval_on_selector_all(f"#{table} tbody tr:not([hidden])",
                                     "rows => rows.map(row => Array.from(row.cells, cell => cell.textContent.trim()))")


def test_the_comparison_sorts_and_filters(base, page):
    page.goto(base + "en/index.html")
    headers = page.eval_on_selector_all("#compare-jurisdiction thead th", "cells => cells.map(cell => cell.textContent)")
    targets = headers.index("Targets")
    button = page.locator("#compare-jurisdiction thead th").nth(targets).locator("button")
    button.click()
    ascending = [int(row[targets]) for row in rows(page, "compare-jurisdiction")]
    assert ascending == sorted(ascending) and len(set(ascending)) > 1
    assert page.locator("#compare-jurisdiction thead th").nth(targets).get_attribute("aria-sort") == "ascending"
    button.focus()
    page.keyboard.press("Enter")  # the keyboard sorts as the mouse does
    assert [int(row[targets]) for row in rows(page, "compare-jurisdiction")] == sorted(ascending, reverse=True)
    page.fill("#compare-jurisdiction-filter", "fuzhou")
    shown = rows(page, "compare-jurisdiction")
    assert shown and all("fuzhou" in " ".join(row) for row in shown)
    assert page.text_content("#compare-jurisdiction-shown") == f"{len(shown)} rows shown"
    page.fill("#compare-jurisdiction-filter", "")
    assert len(rows(page, "compare-jurisdiction")) == len(ascending)
    assert page.problems == []


@pytest.mark.long
def test_the_language_switch_keeps_the_page(base, page):
    page.goto(base + "en/j/fuzhou.html")
    page.click("header a[hreflang]")
    assert page.url == base + "zh/j/fuzhou.html" and page.get_attribute("html", "lang") == "zh-Hans"
    page.click("header a[hreflang]")
    assert page.url == base + "en/j/fuzhou.html"
    assert page.problems == []


@pytest.mark.long
def test_a_verdict_leads_to_its_evidence_and_its_document(base, page):
    page.goto(base + "en/j/fuzhou.html")
    verdict = page.locator("a.verdict-met").first
    target = verdict.get_attribute("href")
    verdict.click()
    assert page.url.endswith(target) and page.locator(target).is_visible()
    assert "“" in page.locator(target).inner_text()  # the quote it rests on
    document = page.locator('tr a[href*="-doc"]').first
    anchor = document.get_attribute("href")
    document.click()
    assert page.url.endswith(anchor) and "《" in page.locator(anchor).inner_text()
    assert page.problems == []


@pytest.mark.long
def test_printed_a_page_shows_every_explanation_and_no_navigation(base, page):
    page.goto(base + "en/j/fuzhou.html")
    explanation = page.locator("td details pre").first
    assert not explanation.is_visible()  # on screen, folded
    page.emulate_media(media="print")
    assert explanation.is_visible() and not page.locator("header nav").is_visible()
    assert page.eval_on_selector("section.year", "section => getComputedStyle(section).breakBefore") == "page"
    assert page.problems == []


@pytest.mark.long
def test_screenshots_of_the_overview_on_a_desktop_and_a_phone(base, browser, tmp_path):
    folder = Path(os.environ.get("PLANAUDIT_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 800), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        shown = context.new_page()
        shown.goto(base + "en/index.html")
        path = folder / f"site-overview-{width}x{height}.png"
        shown.screenshot(path=str(path))
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        overflowing = shown.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not overflowing, f"the page is wider than a {width}-pixel screen"  # tables scroll within it
        context.close()


@pytest.mark.long  # a scan each, 1.5 s: `.ci/run` runs them (pytest -m long), with the page of every kind above
@pytest.mark.skipif(not (AXE and Path(AXE).is_file()), reason="no axe-core: $PLANAUDIT_AXE names axe.min.js (.ci/run sets it)")
@pytest.mark.parametrize("path", ["en/index.html", "zh/index.html", "en/j/fuzhou.html", "zh/j/quzhou.html",
                                  "en/t/fuzhou/hotline-round-the-clock.html"])
def test_axe_finds_no_serious_violation(base, page, path):
    page.goto(base + path)
    page.add_script_tag(path=AXE)
    found = page.evaluate("async () => (await axe.run(document)).violations"
                          ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))")
    assert [item for item in found if item["impact"] in ("serious", "critical")] == []
