"""The built site in a real browser: offline, diagrams drawn, search working.

Uses Playwright with Debian's chromium (/usr/bin/chromium, or GUIDE_CHROMIUM). Without
it these tests skip with the reason shown, unless GUIDE_REQUIRE_BROWSER=1 (.ci/run),
where they fail. Screenshots go to test-results/.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT
from tests.test_notebooks import CHAPTERS

CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-results"
# Every page of the site: each Markdown file of docs/ outside docs/includes/, and
# the notebook of each chapter.
PAGES = sorted(
    "" if path.stem == "index" else f"{path.stem}/"
    for path in (ROOT / "docs").glob("*.md")
) + [f"notebooks/{name}/" for name in CHAPTERS]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"no chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("GUIDE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"GUIDE_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A page that records console errors and every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors, page.requests = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page_loads_without_errors_or_requests_to_other_hosts(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    own_host = urlsplit(site_url).netloc
    strangers = [url for url in page.requests if urlsplit(url).netloc != own_host]
    assert strangers == []
    assert page.errors == []


def test_state_diagram_renders_from_the_vendored_mermaid(page, site_url):
    page.goto(site_url + "states/", wait_until="networkidle")
    diagram = page.locator("div.mermaid").first
    diagram.wait_for(state="visible", timeout=10_000)
    box = diagram.bounding_box()
    assert box and box["height"] > 200  # an empty host would have no height
    assert page.locator("pre.mermaid").count() == 0  # every source was replaced
    assert any(url.endswith("vendor/mermaid/mermaid.min.js") for url in page.requests)
    diagram.scroll_into_view_if_needed()
    screenshot(page, "states")


def test_pages_without_a_diagram_do_not_load_mermaid(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    assert not any("mermaid" in url for url in page.requests)


def test_search_finds_and_opens_the_states_page(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.type("make_transient", delay=50)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(state="visible", timeout=10_000)
    screenshot(page, "search")
    result.click()
    page.wait_for_url("**/states/**")
    assert "Object states" in page.title()
