"""Every code block is honest about where its names come from, and links the whole
example (hooks/blocks.py, hooks/examples.py, hooks/standalone.py)."""

from __future__ import annotations

import re

import pytest
from blocks import Block, blocks_of, origins
from examples import script_uri
from standalone import (
    Namespace,
    StandaloneError,
    parse,
    parse_source,
    script,
    standalone_code,
)

from tests.outputs import ROOT

DOCS = ROOT / "docs"
PAGES = {
    page: blocks_of(page.read_text(encoding="utf-8"))
    for page in sorted(DOCS.glob("*.md"))
}


def where(page, block: Block) -> str:
    return f"{page.relative_to(ROOT)}:{block.line + 1} ({block.path}:{block.section})"


def test_every_block_shows_or_links_where_its_names_come_from():
    """Each name a block uses is defined in it, in a block of the same example above
    it, or in a block shown elsewhere (a model, a helper), which the page links."""
    hidden = []
    for page, blocks in PAGES.items():
        others = [b for p, bs in PAGES.items() if p != page for b in bs]
        for index, block in enumerate(blocks):
            names = origins(block, blocks[:index], others).hidden
            if names:
                hidden.append(f"{where(page, block)} uses {', '.join(sorted(names))}")
    assert not hidden, (
        "Blocks that use names defined by code no page shows, or that shadow a "
        "builtin without importing it themselves: " + "; ".join(hidden)
    )


def test_a_name_that_shadows_a_builtin_must_be_imported_in_the_block():
    block = next(b for b in PAGES[DOCS / "pooling.md"] if b.section == "exhaustion")
    assert "TimeoutError" in block.names[0]  # imported by the block itself
    block.__dict__["code"] = block.code.replace(
        "from sqlalchemy.exc import TimeoutError\n", ""
    )
    block.__dict__.pop("names", None)
    assert "TimeoutError" in origins(block, [], []).hidden


def test_every_block_of_the_built_site_downloads_its_script(built_site):
    missing = []
    for page, blocks in PAGES.items():
        folder = built_site if page.stem == "index" else built_site / page.stem
        html = (folder / "index.html").read_text(encoding="utf-8")
        for block in blocks:
            uri = script_uri(block.path)
            link = (
                rf'<div id="{block.id}" class="highlight"><span class="filename">'
                rf'[\w.]+<a class="guide-download" href="(?:\.\./)*{uri}" download='
            )
            if not re.search(link, html) or not (built_site / uri).is_file():
                missing.append(where(page, block))
    assert not missing, f"blocks without a working download link: {missing}"


def test_a_block_links_the_names_it_takes_from_elsewhere(built_site):
    html = (built_site / "states" / "index.html").read_text(encoding="utf-8")
    caption = re.search(
        r'<p class="guide-from">(.*?)</p>',
        html[html.index('id="states-lifecycle-lifecycle"') :],
    )[1]
    assert '<a href="#states-model-model"><code>Base</code>, <code>User</code></a>' in (
        caption
    )
    assert '<a href="#states-state-of-state-of"><code>state_of</code></a>' in caption


def test_a_script_carries_only_the_definitions_it_needs():
    text = script("states.lifecycle", "HEADER")
    assert "class User(Base):" in text and "def state_of(" in text
    assert "def fresh_engine(" in text and "def print_sql(" in text
    for unused in ("def count_elsewhere(", "def server_url(", "class Author"):
        assert unused not in text
    assert "snippets" not in text and "# --8<--" not in text and "(1)!" not in text
    assert "#> persistent 1" in text  # the output lines stay


def test_a_notebook_repeats_a_definition_only_after_it_was_rebound():
    namespace = Namespace()

    def cell(module: str) -> str:
        return standalone_code(parse(module), namespace, outputs=False)

    first, again = cell("states.lifecycle"), cell("states.rollback_after_flush")
    assert "class User(Base):" in first and "class User(Base):" not in again
    cell("back_populates.backref")  # defines a Base of its own
    later = cell("states.delete_and_flush")
    assert "class Base(DeclarativeBase):" in later
    assert "class User(Base):" in later  # mapped on that new Base, with it


def test_an_import_from_the_package_under_another_name_is_refused():
    source = parse("states.lifecycle").source.replace(
        "from snippets.states.model import Base, User",
        "from snippets.states.model import Base as B, User",
    )
    with pytest.raises(StandaloneError, match=r"lifecycle\.py:3: import Base"):
        parse_source("states.lifecycle", source)


def test_a_name_from_two_places_is_refused():
    clash = parse_source(
        "loading.clash",
        "from snippets.relationships.author_book import Author\n\nclass Base: ...\n",
    )
    with pytest.raises(StandaloneError, match="defines Base, which it also imports"):
        standalone_code(clash, Namespace(), outputs=True)
