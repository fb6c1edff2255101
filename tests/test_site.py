"""The site's own promises: a strict build, no code typed inline, no snippet left unused."""

from __future__ import annotations

import ast
import re
import shutil
import sys
from pathlib import Path

import pytest

import hooks.verified as VERIFIED
from hooks.snippet_sections import INCLUDE
from tests.conftest import build
from tests.external_links import external_links
from tests.images import IMAGE, KEY, size_of, source_digest, text_of
from tests.outputs import ROOT, snippet_modules, snippet_path

DOCS = ROOT / "docs"
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*\{?\.?(?P<lang>[\w-]*)")
PYTHON = {"python", "py", "python3", "pycon"}


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def inline_python(page: Path) -> list[int]:
    """Line numbers of Python fences in `page` that hold anything but snippet includes."""
    found, fence, start = [], None, 0
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        match = FENCE.match(line)
        if fence is None:
            if match and match["lang"].lower() in PYTHON:
                fence, start = match["fence"], number
        elif match and match["fence"] == fence and not match["lang"]:
            fence = None
        elif line.strip() and not INCLUDE.search(line) and start not in found:
            found.append(start)
    return found


def included_paths() -> set[str]:
    return {
        match["path"]
        for page in pages()
        for match in INCLUDE.finditer(page.read_text(encoding="utf-8"))
    }


def test_strict_build_succeeds(built_site):
    assert (built_site / "states" / "index.html").is_file()


def test_no_page_has_python_typed_inline():
    found = [
        f"{page.relative_to(ROOT)}:{line}"
        for page in pages()
        for line in inline_python(page)
    ]
    assert not found, "Python typed inline; include it from snippets/: " + ", ".join(
        found
    )


def test_the_inline_check_names_file_and_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        '# A page\n\n```python\n--8<-- "snippets/x.py:a"\n```\n\n'
        "=== \"Tab\"\n\n    ```py\n    print('typed inline')\n    ```\n"
    )
    assert inline_python(page) == [9]


def test_every_snippet_is_included_by_a_page():
    included = included_paths()
    unused = [
        module
        for module in snippet_modules()
        if str(snippet_path(module).relative_to(ROOT)) not in included
    ]
    assert not unused, f"snippets no page includes (use them or delete them): {unused}"


def test_every_snippet_is_run_by_a_behaviour_test():
    generic = {"test_outputs.py", "test_site.py", "test_lint.py"}
    tests = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (ROOT / "tests").glob("test_*.py")
        if path.name not in generic
    )
    untested = [
        module
        for module in snippet_modules()
        if not re.search(rf"\b(snippets\.)?{re.escape(module)}\b", tests)
    ]
    assert not untested, f"snippets that no behaviour test names: {untested}"


def test_snippets_import_nothing_but_sqlalchemy_and_the_standard_library():
    allowed = {"sqlalchemy", "snippets", *sys.stdlib_module_names}
    strays = []
    for module in snippet_modules():
        tree = ast.parse(snippet_path(module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            strays += [
                f"{module}: {n}" for n in names if n.split(".")[0] not in allowed
            ]
    assert not strays, strays


@pytest.mark.parametrize(
    "include",
    ['"snippets/states/no_such_snippet.py"', '"snippets/states/lifecycle.py:no_such"'],
    ids=["missing file", "missing section"],
)
def test_a_broken_include_fails_the_build_naming_page_and_path(tmp_path, include):
    shutil.copytree(DOCS, tmp_path / "docs")
    for shared in ("snippets", "assets", "hooks"):
        (tmp_path / shared).symlink_to(ROOT / shared)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs" / "states.md").write_text(
        f"---\ntitle: States\n---\n\n# States\n\n--8<-- {include}\n"
    )
    result = build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "states.md" in result.stderr
    assert "docs/states.md:7 includes" in result.stderr
    assert include.strip('"').split(":")[0] in result.stderr


def test_external_link_check_collects_links_to_other_hosts(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="https://docs.sqlalchemy.org/x#y">x</a><a href="../b/">b</a>'
    )
    (tmp_path / "b.html").write_text('<a href="https://docs.sqlalchemy.org/x">x</a>')
    assert external_links(tmp_path) == {
        "https://docs.sqlalchemy.org/x": {"a.html", "b.html"}
    }


def test_the_lifecycle_picture_is_drawn_from_the_current_transition_table():
    png = IMAGE.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert text_of(png).get(KEY) == source_digest(), (
        f"{IMAGE.relative_to(ROOT)} is out of date: `python3 dev.py images` draws it again"
    )
    width, height = size_of(png)
    assert width > 400 and height > 400


def test_every_test_a_page_names_exists():
    named = {
        (page.name, test)
        for page in DOCS.glob("*.md")
        for test in VERIFIED.TEST.findall(page.read_text(encoding="utf-8"))
    }
    defined = {
        name
        for path in (ROOT / "tests").glob("test_*.py")
        for name in re.findall(r"^def (test_\w+)", path.read_text(), re.MULTILINE)
    }
    assert len(named) > 100
    assert (
        sorted(f"{page}: {test}" for page, test in named if test not in defined) == []
    )


def test_the_verified_page_shows_each_claim_with_its_status():
    run = {
        "sqlalchemy": "2.1.9",
        "python": "3.11.7",
        "backends": ["sqlite", "postgresql", "mariadb"],
        "tests": {
            "test_a": {"passed": ["sqlite", "postgresql"], "failed": [], "skipped": []},
            "test_b": {"passed": ["sqlite"], "failed": ["mariadb"], "skipped": []},
        },
    }
    page = (
        "# Page\n\nA claim that holds (test `test_a`).\n\n"
        "1.  A claim that broke (test `test_b`).\n2.  Unproven (test `test_c`).\n"
    )
    drawn = VERIFIED.table({"page.md": ("Page", page)}, [run])
    assert "| A claim that holds | `test_a` | ✔ sqlite, postgresql |" in drawn
    assert "| A claim that broke | `test_b` | ✘ failed: mariadb |" in drawn
    assert "| Unproven | `test_c` | not run |" in drawn
    assert "| 2.1.9 | 3.11.7 | sqlite, postgresql, mariadb | 1 | 1 | 0 |" in drawn
    assert "No test results yet" in VERIFIED.table({"page.md": ("Page", page)}, [])


def test_the_verified_page_is_built(built_site):
    html = (built_site / "verified" / "index.html").read_text(encoding="utf-8")
    assert "verification table" not in html  # the marker was replaced
    assert "No test results yet" in html or "test_transition_moves_object" in html
