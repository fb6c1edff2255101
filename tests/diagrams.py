"""Draw every Mermaid diagram of the pages as SVG, for both palettes:
`python3 dev.py images` (hooks/diagrams.py shows them).

Mermaid (from npm, tests/node) runs in chromium only here, never in a reader's
browser. Each picture is named by the digest of its source, so a source that
changed has no picture until this runs again, and the build says so.
"""

from __future__ import annotations

from diagrams import FOLDER, digest, sources

from tests.conftest import NODE_TOOLS
from tests.outputs import ROOT

MERMAID = NODE_TOOLS / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
OUT = ROOT / "assets" / FOLDER
THEMES = {"light": "default", "dark": "dark"}


def render(browser, source: str, theme: str) -> str:
    """The SVG that Mermaid draws for `source` with `theme`."""
    page = browser.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(MERMAID))
    # Serialized as XML: an <img> shows only a well-formed, self-contained SVG.
    svg = page.evaluate(
        """async ([source, theme]) => {
            mermaid.initialize({startOnLoad: false, theme, securityLevel: "strict"});
            const {svg} = await mermaid.render("diagram", source);
            const parsed = new DOMParser().parseFromString(svg, "text/html");
            return new XMLSerializer().serializeToString(parsed.querySelector("svg"));
        }""",
        [source, theme],
    )
    page.close()
    return svg


def draw_all(browser) -> list[str]:
    """Draw the pictures that are missing, delete those of no source; the names of
    the files written."""
    OUT.mkdir(parents=True, exist_ok=True)
    wanted, written = set(), []
    for source in sources(ROOT):
        for palette, theme in THEMES.items():
            path = OUT / f"{digest(source)}-{palette}.svg"
            wanted.add(path)
            if not path.exists():
                path.write_text(render(browser, source, theme) + "\n", encoding="utf-8")
                written.append(path.name)
    for stale in set(OUT.glob("*.svg")) - wanted:
        stale.unlink()
    return written
