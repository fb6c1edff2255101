"""Draw the pictures of the site: `python3 dev.py images`.

- every Mermaid diagram of the pages, as SVG for both palettes (tests/diagrams.py);
- assets/images/session_lifecycle.png, the object lifecycle as one picture, drawn
  from the same transition table as the state diagram. The PNG records the SHA-256
  of the Mermaid source it was drawn from in a tEXt chunk, so that a test can tell
  a stale picture without drawing it again.
"""

from __future__ import annotations

import hashlib
import html
import struct
import zlib

from tests.diagrams import MERMAID, draw_all
from tests.generated import object_states
from tests.outputs import ROOT

IMAGE = ROOT / "assets" / "images" / "session_lifecycle.png"
KEY = "source-sha256"


def diagram_source() -> str:
    """The Mermaid block of the object-states include, without its fences."""
    text = object_states()
    start = text.index("```mermaid\n") + len("```mermaid\n")
    return text[start : text.index("```", start)]


def source_digest() -> str:
    return hashlib.sha256(diagram_source().encode()).hexdigest()


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, data) chunks of a PNG file."""
    found, at = [], 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        found.append((png[at + 4 : at + 8], png[at + 8 : at + 8 + length]))
        at += 12 + length
    return found


def text_of(png: bytes) -> dict[str, str]:
    """The tEXt entries of a PNG file."""
    pairs = (data.split(b"\0", 1) for kind, data in chunks(png) if kind == b"tEXt")
    return {key.decode("latin-1"): value.decode("latin-1") for key, value in pairs}


def size_of(png: bytes) -> tuple[int, int]:
    kind, data = chunks(png)[0]
    assert kind == b"IHDR"
    return struct.unpack(">II", data[:8])


def with_text(png: bytes, key: str, value: str) -> bytes:
    """`png` with a tEXt chunk `key`=`value` after its header chunk."""
    data = key.encode("latin-1") + b"\0" + value.encode("latin-1")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + data))
    header_end = 8 + 12 + struct.unpack(">I", png[8:12])[0]
    return png[:header_end] + chunk + png[header_end:]


def render(browser) -> bytes:
    """Render the diagram with the vendored Mermaid in a Playwright `browser`; return
    the PNG, its source's digest recorded."""
    page_html = (
        "<!doctype html><html><body style='margin:0;background:#fff'>"
        f"<pre class='mermaid' id='diagram'>{html.escape(diagram_source())}</pre>"
        f"<script>{MERMAID.read_text(encoding='utf-8')}</script>"
        "<script>mermaid.initialize({startOnLoad: true, theme: 'default'})</script>"
        "</body></html>"
    )
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_content(page_html)
    page.wait_for_selector("#diagram svg", timeout=15_000)
    png = page.locator("#diagram svg").screenshot()
    page.close()
    return with_text(png, KEY, source_digest())


def main(chromium: str = "/usr/bin/chromium") -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox"]
        )
        try:
            for name in draw_all(browser):
                print(f"drew assets/diagrams/{name}")
            png = render(browser)
        finally:
            browser.close()
    if not IMAGE.exists() or text_of(IMAGE.read_bytes()).get(KEY) != source_digest():
        IMAGE.parent.mkdir(parents=True, exist_ok=True)
        IMAGE.write_bytes(png)
        print(f"drew {IMAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
