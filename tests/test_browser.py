"""The built site in a real browser: offline, light, readable, accessible.

Uses Playwright with Debian's chromium (/usr/bin/chromium, or GUIDE_CHROMIUM). Without
it these tests skip with the reason shown, unless GUIDE_REQUIRE_BROWSER=1 (.ci/run),
where they fail. Each page is loaded once (`reports`): everything the per-page tests
check is measured during that one visit. The notebook pages share one template, so
one of them stands for all. Screenshots go to test-results/.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import NODE_TOOLS, ROOT
from tests.images import KEY, render, size_of, source_digest, text_of
from tests.test_notebooks import CHAPTERS

CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-results"
# Every page of the site: each Markdown file of docs/ outside docs/includes/, and one
# notebook page for all of them.
PAGES = sorted(
    "" if path.stem == "index" else f"{path.stem}/"
    for path in (ROOT / "docs").glob("*.md")
) + [f"notebooks/{next(iter(CHAPTERS))}/"]
# A sample with every kind of content, checked again in the dark palette.
DARK_SAMPLE = ["", "states/", "relationships/", "loading/", "pooling/", "verified/"]
DARK_SAMPLE.append(PAGES[-1])
PHONE = {"width": 390, "height": 844}
AXE = NODE_TOOLS / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def page_id(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


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


def open_page(browser, url: str, viewport: dict | None = None):
    """A loaded page that recorded its console errors and every request it made."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    page.errors, page.requests = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(url, wait_until="load")
    # A code block that overflows is made focusable (by Material when in view, and by
    # assets/javascripts/accessibility.js at load): wait for that.
    page.wait_for_function(
        """() => [...document.querySelectorAll("pre > code")].every(
            code => code.scrollWidth <= code.clientWidth || code.hasAttribute("tabindex")
        )""",
        timeout=10_000,
    )
    return page


@pytest.fixture
def page(browser, site_url):
    pages = []

    def visit(path: str = "", viewport: dict | None = None):
        pages.append(open_page(browser, site_url + path, viewport))
        return pages[-1]

    yield visit
    for each in pages:
        each.context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def axe_findings(page, report_name: str) -> list[str]:
    """Run axe-core on the loaded page; write every finding, with where it is, to
    test-results/accessibility/, and return the serious and critical ones."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """() => axe.run(document, {
            runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            resultTypes: ["violations"]
        })"""
    )
    found = [
        f"{v['impact']}: {v['id']} ({len(v['nodes'])}x) {v['help']}"
        for v in results["violations"]
    ]
    where = [
        f"{v['id']}: {node['target']} {' '.join(node['failureSummary'].split())}"
        for v in results["violations"]
        for node in v["nodes"]
    ]
    report = SCREENSHOTS / "accessibility"
    report.mkdir(parents=True, exist_ok=True)
    (report / f"{report_name}.txt").write_text("\n".join(found + ["", *where]) + "\n")
    return [finding for finding in found if finding.startswith(SERIOUS)]


LAYOUT = """() => {
    function breaksInsideAWord(element) {
        const range = document.createRange();
        let top = null, previous = "";
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let at = 0; at < node.length; at++) {
                range.setStart(node, at);
                range.setEnd(node, at + 1);
                const here = range.getBoundingClientRect().top;
                const char = node.data[at];
                if (top !== null && here > top + 2 && /\\w/.test(previous) && /\\w/.test(char)) {
                    return true;
                }
                top = here;
                previous = char;
            }
        }
        return false;
    }
    const article = document.querySelector("article");
    const text = article ? article.innerText : "";
    return {
        width: document.documentElement.scrollWidth,
        // a Markdown checklist that was not turned into one
        literal_checkboxes: (text.match(/^\\s*\\[[ xX]\\] /gm) || []).length,
        // code in a table cell that a line break cuts inside a word
        broken_code: [...document.querySelectorAll("td code")]
            .filter(code => code.getClientRects().length > 1 && breaksInsideAWord(code))
            .map(code => code.innerText),
        // a code block wider than its box that cannot be scrolled
        cut_code: [...document.querySelectorAll("pre > code")]
            .filter(code => code.scrollWidth > code.clientWidth
                && !["auto", "scroll"].includes(getComputedStyle(code).overflowX))
            .map(code => code.innerText.split("\\n")[0]),
        // a table wider than its box that cannot be scrolled
        cut_tables: [...document.querySelectorAll("article table")]
            .filter(table => {
                const box = table.parentElement;
                return table.scrollWidth > box.clientWidth + 1
                    && !["auto", "scroll"].includes(getComputedStyle(box).overflowX);
            }).length,
        diagrams: [...document.querySelectorAll("img.guide-diagram")]
            .filter(img => getComputedStyle(img).display !== "none")
            .map(img => img.complete && img.naturalWidth > 0),
    };
}"""


@dataclass
class Report:
    """What one visit of a page found."""

    errors: list[str] = field(default_factory=list)
    strangers: list[str] = field(default_factory=list)  # requests to other hosts
    scripts: list[str] = field(default_factory=list)  # the JavaScript it loaded
    axe: list[str] = field(default_factory=list)
    axe_dark: list[str] = field(default_factory=list)
    wide: dict = field(default_factory=dict)  # LAYOUT at 1280 px
    phone: dict = field(default_factory=dict)  # LAYOUT at 390 px


def show_diagrams(page) -> None:
    """Bring each diagram of the current palette into view, so that it loads."""
    for image in page.locator("img.guide-diagram:visible").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function(
        """() => [...document.querySelectorAll("img.guide-diagram")]
            .filter(img => getComputedStyle(img).display !== "none")
            .every(img => img.complete)"""
    )


def visit(browser, site_url: str, path: str) -> Report:
    page = open_page(browser, site_url + path)
    show_diagrams(page)
    own = urlsplit(site_url).netloc
    report = Report(
        errors=page.errors,
        strangers=[u for u in page.requests if urlsplit(u).netloc != own],
        scripts=[u for u in page.requests if urlsplit(u).path.endswith(".js")],
        wide=page.evaluate(LAYOUT),
    )
    report.axe = axe_findings(page, page_id(path))
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(100)  # a frame for the new layout
    report.phone = page.evaluate(LAYOUT)
    if path in ("", "loading/", "relationships/"):
        screenshot(page, f"phone-{page_id(path)}")
    if path in DARK_SAMPLE:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.locator("form[data-md-component=palette] label:visible").first.click()
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme == "slate", path
        report.axe_dark = axe_findings(page, f"dark-{page_id(path)}")
        show_diagrams(page)
        dark = page.evaluate(LAYOUT)["diagrams"]
        report.wide["diagrams"] += dark
    page.context.close()
    return report


@pytest.fixture(scope="session")
def reports(browser, site_url, node) -> dict[str, Report]:
    """Every page, visited once."""
    return {path: visit(browser, site_url, path) for path in PAGES}


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_loads_without_errors_or_requests_to_other_hosts(reports, path):
    assert reports[path].strangers == []
    assert reports[path].errors == []


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_no_page_loads_a_diagram_library(reports, path):
    assert not [url for url in reports[path].scripts if "mermaid" in url.lower()]


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_axe_finds_no_serious_accessibility_violation(reports, path):
    assert reports[path].axe == []


@pytest.mark.parametrize("path", DARK_SAMPLE, ids=page_id)
def test_axe_finds_no_serious_violation_in_the_dark_palette(reports, path):
    assert reports[path].axe_dark == []


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_a_phone_wide_viewport_needs_no_horizontal_scrolling(reports, path):
    assert reports[path].phone["width"] <= PHONE["width"]


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_tables_scroll_and_code_in_them_never_breaks_mid_word(reports, path):
    for layout in (reports[path].wide, reports[path].phone):
        assert layout["cut_tables"] == 0
        assert layout["broken_code"] == []


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_long_code_lines_can_be_scrolled_to(reports, path):
    assert reports[path].wide["cut_code"] == []
    assert reports[path].phone["cut_code"] == []


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_checklists_render_as_checklists(reports, path):
    assert reports[path].wide["literal_checkboxes"] == 0


DIAGRAM_PAGES = [
    f"{path.stem}/"
    for path in sorted((ROOT / "docs").glob("*.md"))
    if "```mermaid" in path.read_text(encoding="utf-8")
    or '--8<-- "docs/includes/object_states.md"' in path.read_text(encoding="utf-8")
]


@pytest.mark.parametrize("path", DIAGRAM_PAGES)
def test_each_diagram_shows_as_a_picture_in_both_palettes(reports, path):
    shown = reports[path].wide["diagrams"]
    assert shown and all(shown), shown  # each visible picture decoded
    if path in DARK_SAMPLE:
        assert len(shown) % 2 == 0  # as many in the dark palette as in the light


@pytest.mark.parametrize(
    "query, path, title",
    [
        ("make_transient", "states", "Object states"),
        ("expire_on_commit", "expiry", "Expiry and refresh"),
        ("MissingGreenlet", "asyncio", "asyncio"),
    ],
)
def test_search_finds_and_opens_the_right_page(page, query, path, title):
    home = page()
    search = home.locator("input.md-search__input")
    search.click()
    search.type(query, delay=50)
    result = home.locator(".md-search-result__item a").first
    result.wait_for(state="visible", timeout=10_000)
    screenshot(home, f"search-{query}")
    result.click()
    home.wait_for_url(f"**/{path}/**")
    assert title in home.title()


def selected_tabs(page) -> list[str]:
    return page.locator(".tabbed-set").evaluate_all(
        """sets => sets.map(set => {
            const input = set.querySelector(':scope > input:checked');
            return set.querySelector(`label[for="${input.id}"]`).innerText;
        })"""
    )


def test_linked_tabs_switch_together(page):
    relationships = page("relationships/")
    before = selected_tabs(relationships)
    assert len(before) >= 4 and set(before) == {"Typed (Mapped)"}
    relationships.locator(".tabbed-labels label", has_text="Classic").first.click()
    assert set(selected_tabs(relationships)) == {"Classic (Column)"}
    screenshot(relationships, "tabs-classic")


def test_a_code_blocks_notes_are_linked_and_left_out_of_a_copy(page):
    pooling = page("pooling/")
    pooling.context.grant_permissions(["clipboard-read", "clipboard-write"])
    block = pooling.locator("div.highlight", has=pooling.locator("a.guide-note")).first
    block.scroll_into_view_if_needed()  # Material adds the copy button in view
    block.locator("button[data-md-type=copy]").click()
    copied = pooling.evaluate("navigator.clipboard.readText()")
    without_notes = block.locator("code").evaluate(
        """code => {
            const copy = code.cloneNode(true);
            copy.querySelectorAll(".guide-note").forEach(note => note.remove());
            return copy.textContent.trimEnd();
        }"""
    )
    assert copied == without_notes
    assert all(line == line.rstrip() for line in copied.splitlines()), copied
    note = block.locator("a.guide-note").first
    assert note.inner_text() == "1"
    note.click()
    target = pooling.evaluate("location.hash")
    assert pooling.locator(f"ol.guide-notes > li{target}").is_visible()


def test_the_palette_toggle_switches_light_and_dark(page):
    states = page("states/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert states.evaluate(scheme) == "default"
    states.locator("form[data-md-component=palette] label:visible").first.click()
    assert states.evaluate(scheme) == "slate"
    screenshot(states, "states-dark")
    states.locator("form[data-md-component=palette] label:visible").first.click()
    assert states.evaluate(scheme) == "default"


def test_the_lifecycle_picture_can_be_drawn_again(browser, node):
    png = render(browser)
    assert text_of(png) == {KEY: source_digest()}
    width, height = size_of(png)
    assert width > 400 and height > 400


def test_the_lifecycle_image_loads_with_its_alt_text(page):
    states = page("states/")
    image = states.locator('img[src$="images/session_lifecycle.png"]')
    assert (
        "transient, pending, persistent, deleted and detached"
        in image.get_attribute("alt")
    )
    assert image.evaluate("img => img.naturalWidth") > 400
