"""MkDocs hook: every Mermaid diagram is a picture drawn ahead of time, not a script.

A page (or an include) keeps its diagram as a ```mermaid block: that is its one
source. `python3 dev.py images` draws each source twice, for the light and the dark
palette, into assets/diagrams/<digest>-light.svg and -dark.svg, named by the SHA-256
of the source (tests/diagrams.py). This hook replaces each rendered block with those
two images, of which the palette shows one, with the diagram's accTitle and accDescr
as their text. No page loads Mermaid's JavaScript. A diagram whose pictures are
missing fails the build, naming the command that draws them.
"""

from __future__ import annotations

import hashlib
import html
import re
import textwrap
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

FOLDER = "diagrams"  # under assets/, the theme's folder: served from the site's root
BLOCK = re.compile(r'<pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.S)
VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ (?P<width>[\d.]+) (?P<height>[\d.]+)"')
PALETTES = ("light", "dark")


def normalized(source: str) -> str:
    return textwrap.dedent(source).strip() + "\n"


def digest(source: str) -> str:
    return hashlib.sha256(normalized(source).encode()).hexdigest()[:16]


def sources(root: Path) -> list[str]:
    """Every Mermaid block of the pages and their includes, in file order."""
    found = []
    for page in sorted((root / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for block in re.finditer(r"^```mermaid\n(.*?)^```", text, re.S | re.M):
            found.append(normalized(block[1]))
    return found


def description(source: str) -> str:
    """The diagram in words, from its accTitle and accDescr."""
    found = dict(re.findall(r"^\s*(accTitle|accDescr):\s*(.+)$", source, re.M))
    text = ". ".join(
        found[key].rstrip(".") for key in ("accTitle", "accDescr") if key in found
    )
    return text + "." if text else ""


def picture(source: str, folder: Path, page_url: str) -> str:
    name = digest(source)
    images = []
    for palette in PALETTES:
        path = folder / f"{name}-{palette}.svg"
        if not path.is_file():
            raise PluginError(
                f"no picture of the diagram that starts {source.splitlines()[0]!r} "
                f"(assets/{FOLDER}/{path.name}): `python3 dev.py images` draws it"
            )
        size = VIEWBOX.search(path.read_text(encoding="utf-8"))
        width, height = (round(float(size[k])) for k in ("width", "height"))
        src = get_relative_url(f"{FOLDER}/{path.name}", page_url)
        images.append(
            f'<img class="guide-diagram guide-diagram--{palette}" src="{src}" '
            f'alt="{html.escape(description(source))}" width="{width}" '
            f'height="{height}" loading="lazy">'
        )
    return f'<figure class="guide-figure">{"".join(images)}</figure>'


def on_page_content(html_text, page, config, files):
    folder = Path(config.config_file_path).parent / "assets" / FOLDER

    def replace(match: re.Match) -> str:
        return picture(html.unescape(match["source"]), folder, page.url)

    return BLOCK.sub(replace, html_text)
