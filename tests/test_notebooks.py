"""Every chapter is also a Jupyter notebook, assembled from its snippets and executed
by the build (hooks/notebooks.py, mkdocs-jupyter)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from mkdocs.config import load_config

from hooks.snippet_sections import INCLUDE
from snippets.support import LOCAL_POSTGRESQL
from tests.conftest import ROOT, build, require

DOCS = ROOT / "docs"


def chapters() -> dict[str, list[str]]:
    """Each page that includes snippets, and the snippet files it includes, in order."""
    found = {}
    for page in sorted(DOCS.glob("*.md")):
        paths = [m["path"] for m in INCLUDE.finditer(page.read_text(encoding="utf-8"))]
        paths = [p for p in paths if p.startswith("snippets/")]
        if paths:
            found[page.stem] = list(dict.fromkeys(paths))
    return found


CHAPTERS = chapters()


def code_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_notebook_is_the_chapters_snippets_in_page_order(built_site, name):
    notebook = json.loads(
        (built_site / "notebooks" / name / f"{name}.ipynb").read_text(encoding="utf-8")
    )
    cells = notebook["cells"]
    headings = [c["source"] for c in cells if c["cell_type"] == "markdown"][1:]
    assert [h.split("`")[-2] for h in headings] == CHAPTERS[name]
    codes = [c["source"] for c in cells if c["cell_type"] == "code"]
    for path, code in zip(CHAPTERS[name], codes, strict=True):
        snippet = [
            re.sub(r"\s+# \(\d+\)!", "", line)
            for line in (ROOT / path).read_text(encoding="utf-8").splitlines()
        ]
        assert set(code_lines(code)) <= set(snippet), path  # nothing but the snippet
        assert not any(
            line.lstrip().startswith(("#>", "# --8<--")) for line in code_lines(code)
        )


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_links_to_its_notebook_and_its_download(built_site, name):
    html = (built_site / name / "index.html").read_text(encoding="utf-8")
    assert f'href="../notebooks/{name}/"' in html
    assert f'href="../notebooks/{name}/{name}.ipynb" download' in html
    assert (built_site / "notebooks" / name / f"{name}.ipynb").is_file()


def test_the_notebooks_ran_in_the_build(built_site):
    require(LOCAL_POSTGRESQL)  # the pooling notebook needs the server; else not run
    for name in CHAPTERS:
        html = (built_site / "notebooks" / name / "index.html").read_text(
            encoding="utf-8"
        )
        assert "jp-OutputArea-output" in html, f"{name}: no cell output"


def test_the_notebook_plugin_neither_caches_nor_allows_errors():
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["mkdocs-jupyter"].config
    assert (plugin["cache"], plugin["allow_errors"]) == (False, False)


def test_a_failing_cell_fails_the_build(tmp_path):
    (tmp_path / "docs" / "includes").mkdir(parents=True)
    for include in (DOCS / "includes").glob("*.md"):
        shutil.copy(include, tmp_path / "docs" / "includes")
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "snippets" / "broken").mkdir(parents=True)
    (tmp_path / "snippets" / "broken" / "fails.py").write_text(
        '"""Fails."""\n\n# --8<-- [start:x]\nraise ValueError("cell 2 fails")\n'
        "# --8<-- [end:x]\n"
    )
    (tmp_path / "docs" / "broken.md").write_text(
        '# Broken\n\nIntro.\n\n```python\n--8<-- "snippets/broken/fails.py:x"\n```\n'
    )
    for shared in ("assets", "hooks"):
        (tmp_path / shared).symlink_to(ROOT / shared)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n(  .*\n)+", "\n", config)
    (tmp_path / "mkdocs.yml").write_text(config)
    result = build(tmp_path / "mkdocs.yml", tmp_path / "site", execute_notebooks=True)
    output = re.sub(r"\x1b\[[0-9;]*m", "", result.stderr)  # without colours
    assert result.returncode != 0
    assert "CellExecutionError" in output
    assert "ValueError: cell 2 fails" in output
    assert "notebooks/broken.ipynb" in output  # which notebook


def test_the_site_builds_without_notebooks_for_fast_serving(tmp_path):
    result = build(ROOT / "mkdocs.yml", tmp_path / "site", notebooks=False)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "notebooks").exists()
    html = (tmp_path / "site" / "states" / "index.html").read_text(encoding="utf-8")
    assert "Run this page yourself" not in html
