"""The built site in a real browser: offline, diagrams drawn, search working.

Uses Playwright with Debian's chromium (/usr/bin/chromium, or GUIDE_CHROMIUM). Without
it these tests skip with the reason shown, unless GUIDE_REQUIRE_BROWSER=1 (.ci/run),
where they fail. Screenshots go to test-results/.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import NODE_TOOLS, ROOT
from tests.images import KEY, render, size_of, source_digest, text_of
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


def mermaid_blocks(page: Path) -> int:
    """How many diagrams a page has, its included Markdown files counted."""
    text = page.read_text(encoding="utf-8")
    for include in re.findall(r'--8<-- "(docs/includes/[^"]+\.md)"', text):
        text += (ROOT / include).read_text(encoding="utf-8")
    return text.count("```mermaid")


DIAGRAMS = {
    f"{path.stem}/": count
    for path in sorted((ROOT / "docs").glob("*.md"))
    if (count := mermaid_blocks(path))
}


@pytest.mark.parametrize("path", DIAGRAMS)
def test_each_diagram_renders_from_the_vendored_mermaid(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    diagrams = page.locator("div.mermaid")
    diagrams.first.wait_for(state="visible", timeout=10_000)
    assert diagrams.count() == DIAGRAMS[path]
    for index in range(diagrams.count()):
        box = diagrams.nth(index).bounding_box()
        assert box and box["height"] > 80, f"diagram {index + 1} is empty"
    assert page.locator("pre.mermaid").count() == 0  # every source was replaced
    assert any(url.endswith("vendor/mermaid/mermaid.min.js") for url in page.requests)
    diagrams.first.scroll_into_view_if_needed()
    screenshot(page, f"diagram-{path.strip('/')}")


def test_pages_without_a_diagram_do_not_load_mermaid(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    assert not any("mermaid" in url for url in page.requests)


@pytest.mark.parametrize(
    "query, path, title",
    [
        ("make_transient", "states", "Object states"),
        ("expire_on_commit", "expiry", "Expiry and refresh"),
    ],
)
def test_search_finds_and_opens_the_right_page(page, site_url, query, path, title):
    page.goto(site_url, wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.type(query, delay=50)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(state="visible", timeout=10_000)
    screenshot(page, f"search-{query}")
    result.click()
    page.wait_for_url(f"**/{path}/**")
    assert title in page.title()


def selected_tabs(page) -> list[str]:
    return page.locator(".tabbed-set").evaluate_all(
        """sets => sets.map(set => {
            const input = set.querySelector(':scope > input:checked');
            return set.querySelector(`label[for="${input.id}"]`).innerText;
        })"""
    )


def test_linked_tabs_switch_together(page, site_url):
    page.goto(site_url + "relationships/", wait_until="networkidle")
    before = selected_tabs(page)
    assert len(before) >= 4 and set(before) == {"Typed (Mapped)"}
    page.locator(".tabbed-labels label", has_text="Classic").first.click()
    assert set(selected_tabs(page)) == {"Classic (Column)"}
    screenshot(page, "tabs-classic")


def test_the_palette_toggle_switches_light_and_dark(page, site_url):
    page.goto(site_url + "states/", wait_until="networkidle")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate(scheme) == "slate"
    screenshot(page, "states-dark")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate(scheme) == "default"


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_a_phone_wide_viewport_needs_no_horizontal_scrolling(browser, site_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    if path in ("", "relationships/"):
        screenshot(page, f"phone-{path.strip('/') or 'home'}")
    context.close()
    assert width <= 390


AXE = NODE_TOOLS / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def serious_axe_findings(page, report_name: str) -> list[str]:
    """Run axe-core on the loaded page; write every finding to test-results/
    accessibility/, and return the serious and critical ones."""
    # Material makes a code block focusable once it sees it overflow: wait for that.
    page.wait_for_function(
        """() => [...document.querySelectorAll("pre > code")].every(
            code => code.scrollWidth <= code.clientWidth || code.hasAttribute("tabindex")
        )""",
        timeout=10_000,
    )
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """() => axe.run(document, {
            runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
        })"""
    )
    found = [
        f"{v['impact']}: {v['id']} ({len(v['nodes'])}x) {v['help']}"
        for v in results["violations"]
    ]
    report = SCREENSHOTS / "accessibility"
    report.mkdir(parents=True, exist_ok=True)
    (report / f"{report_name}.txt").write_text("\n".join(found) + "\n")
    return [v for v in found if v.startswith(SERIOUS)]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_axe_finds_no_serious_accessibility_violation(node, page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    name = path.strip("/").replace("/", "-") or "home"
    assert serious_axe_findings(page, name) == []


# A sample that has every kind of content: prose, code, tabs, tables, diagrams,
# generated tables, notebooks.
DARK_SAMPLE = [
    "",
    "states/",
    "relationships/",
    "loading/",
    "pooling/",
    "verified/",
    "notebooks/states/",
]


@pytest.mark.parametrize("path", DARK_SAMPLE, ids=lambda path: path or "home")
def test_axe_finds_no_serious_violation_in_the_dark_palette(node, page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert (
        page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    )
    name = "dark-" + (path.strip("/").replace("/", "-") or "home")
    assert serious_axe_findings(page, name) == []


def test_the_lifecycle_picture_can_be_drawn_again(browser):
    png = render(browser)
    assert text_of(png) == {KEY: source_digest()}
    width, height = size_of(png)
    assert width > 400 and height > 400


def test_the_lifecycle_image_loads_with_its_alt_text(page, site_url):
    page.goto(site_url + "states/", wait_until="networkidle")
    image = page.locator('img[src$="images/session_lifecycle.png"]')
    assert (
        "transient, pending, persistent, deleted and detached"
        in image.get_attribute("alt")
    )
    assert image.evaluate("img => img.naturalWidth") > 400
