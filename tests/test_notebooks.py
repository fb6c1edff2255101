"""Every chapter is also a Jupyter notebook, assembled from its snippets by the build
(hooks/notebooks.py, mkdocs-jupyter); tests/test_downloads.py runs them as downloaded."""

from __future__ import annotations

import json
import re

import pytest
from blocks import blocks_of
from mkdocs.config import load_config
from notebooks import title_of, top_level_await
from standalone import body_of, parse, summary

from tests.conftest import ROOT, build

DOCS = ROOT / "docs"


def chapters() -> dict[str, list[str]]:
    """Each page that shows a snippet that runs, and the snippet modules it shows,
    in the order of their first block."""
    found = {}
    for page in sorted(DOCS.glob("*.md")):
        blocks = blocks_of(page.read_text(encoding="utf-8"))
        modules = list(dict.fromkeys(block.module for block in blocks))
        if not all(parse(module).is_library for module in modules):
            found[page.stem] = modules
    return found


CHAPTERS = chapters()
CHAPTER_TITLES = {
    name: title_of((DOCS / f"{name}.md").read_text(encoding="utf-8"), name)
    for name in CHAPTERS
}


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_notebook_is_the_chapters_snippets_in_page_order(built_site, name):
    notebook = json.loads(
        (built_site / "notebooks" / name / f"{name}.ipynb").read_text(encoding="utf-8")
    )
    cells = notebook["cells"]
    assert cells[0]["source"].startswith("# ") and "(notebook)" in cells[0]["source"]
    assert 'os.environ["GUIDE_DATABASE_URL"] = ""' in cells[1]["source"]
    headings = [c["source"] for c in cells[2::2]]
    codes = [c["source"] for c in cells[3::2]]
    modules = CHAPTERS[name]
    assert [h.split("\n")[0] for h in headings] == [
        f"## {summary(parse(m).docstring)}" for m in modules
    ]
    for module, code in zip(modules, codes, strict=True):
        own = parse(module)
        if not own.is_library:
            assert top_level_await(body_of(own, outputs=False)) in code, module
        assert not re.search(r"^\s*(from|import) snippets|# --8<--|#>", code, re.M)


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_links_to_its_notebook_and_its_download(built_site, name):
    html = (built_site / name / "index.html").read_text(encoding="utf-8")
    assert f'href="../notebooks/{name}/"' in html
    assert f'href="../notebooks/{name}/{name}.ipynb" download' in html
    assert (built_site / "notebooks" / name / f"{name}.ipynb").is_file()


def test_the_build_renders_the_notebooks_without_running_or_caching_them():
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["mkdocs-jupyter"].config
    assert (plugin["execute"], plugin["cache"]) == (False, False)


@pytest.mark.parametrize("name", CHAPTERS)
def test_a_notebook_page_is_light_and_ranks_below_its_chapter_in_search(
    built_site, name
):
    html = (built_site / "notebooks" / name / "index.html").read_text(encoding="utf-8")
    assert "<style" not in html.split("jupyter-wrapper", 1)[1]
    assert "mathjax" not in html.lower() and "mermaid" not in html.lower()
    assert f"<title>{CHAPTER_TITLES[name]} (notebook)" in html
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    boost = {doc["location"]: doc.get("boost") for doc in index["docs"]}
    assert boost[f"notebooks/{name}/"] < 1 and (boost[f"{name}/"] or 1) >= 1
    text = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert text[f"notebooks/{name}/"] == "" and text[f"{name}/"]  # code: on the chapter
    assert not [place for place in text if place.startswith(f"notebooks/{name}/#")]


def test_the_site_builds_without_notebooks_for_fast_serving(tmp_path):
    result = build(ROOT / "mkdocs.yml", tmp_path / "site", notebooks=False)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "notebooks").exists()
    html = (tmp_path / "site" / "states" / "index.html").read_text(encoding="utf-8")
    assert "Run this page yourself" not in html
