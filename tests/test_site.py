"""The site's own promises: a strict build, no code typed inline, no snippet left unused."""

from __future__ import annotations

import ast
import html
import re
import shutil
import sys
from pathlib import Path

import code_notes
import pytest
import verified as VERIFIED
from mkdocs.exceptions import PluginError
from snippet_sections import INCLUDE

from tests.conftest import build
from tests.external_links import SQLALCHEMY_DOCS, api_object, external_links
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


def is_python(text: str) -> bool:
    """Code that parses as Python and does more than name something (`sqlalchemy`)."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return False
    bare = (ast.Name, ast.Constant, ast.Attribute)
    return any(
        not (isinstance(node, ast.Expr) and isinstance(node.value, bare))
        for node in tree.body
    )


def python_not_from_snippets(page_html: str) -> list[str]:
    """The first line of each code block of a built page that is Python and has no
    download link: typed in the page (fenced with or without a language, indented,
    or raw <pre>), not included from a snippet."""
    found = []
    for block in re.finditer(r"<pre\b.*?</pre>", page_html, re.S):
        head = page_html[page_html.rfind("<div", 0, block.start()) : block.start()]
        text = html.unescape(re.sub(r"<[^>]+>", "", block[0]))
        if 'class="guide-download"' not in head and is_python(text):
            found.append(text.strip().splitlines()[0])
    return found


def test_no_built_page_shows_python_that_is_not_from_a_snippet(built_site):
    found = [
        f"{page.relative_to(built_site)}: {line}"
        for page in sorted(built_site.rglob("index.html"))
        if "notebooks" not in page.parts  # cells of snippets, by construction
        for line in python_not_from_snippets(page.read_text(encoding="utf-8"))
    ]
    assert not found, found


def test_the_html_check_finds_python_however_it_was_typed():
    snippet = (
        '<div id="x" class="highlight"><span class="filename">a.py<a '
        'class="guide-download" href="a.py" download="a.py">Download</a></span>'
        "<pre><span></span><code>x = 1</code></pre></div>"
    )
    untagged = (
        '<div class="highlight"><pre><span></span><code>y = 2\n</code></pre></div>'
    )
    raw = "<pre>print(&quot;typed&quot;)</pre>"
    shell = (
        '<div class="highlight"><pre><code>pip install sqlalchemy</code></pre></div>'
    )
    found = python_not_from_snippets(snippet + untagged + raw + shell)
    assert found == ["y = 2", 'print("typed")']


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


GENERIC_TESTS = {  # they run every snippet, or none: no behaviour of one
    "test_outputs.py",
    "test_site.py",
    "test_lint.py",
    "test_examples.py",
    "test_downloads.py",
    "test_checks.py",
}


def named_modules(source: str) -> set[str]:
    """The snippet modules that a test file names in its code: string constants such
    as `run_snippet("states.lifecycle")`, and the modules it imports from, not what
    comments or docstrings mention."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and ast.get_docstring(node) is not None
    }
    strings = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    return {name.removeprefix("snippets.") for name in strings | imported if name}


def test_every_snippet_is_run_by_a_behaviour_test():
    named = set().union(
        *(
            named_modules(path.read_text(encoding="utf-8"))
            for path in (ROOT / "tests").glob("test_*.py")
            if path.name not in GENERIC_TESTS
        )
    )
    untested = sorted(set(snippet_modules()) - named)
    assert not untested, f"snippets that no behaviour test names: {untested}"


def test_a_module_named_only_in_a_comment_or_docstring_is_not_named():
    source = (
        '"""Tests of states.lifecycle."""\n'
        "# states.expunge_pending\n"
        'run_snippet("states.rollback_after_flush")\n'
        'MODELS = ["snippets.states.model"]\n'
        "from snippets.support import fresh_engine\n"
    )
    named = named_modules(source)
    assert {"states.rollback_after_flush", "states.model", "support"} <= named
    assert not {"states.lifecycle", "states.expunge_pending"} & named


def test_snippets_import_nothing_but_sqlalchemy_alembic_and_the_standard_library():
    allowed = {"sqlalchemy", "alembic", "snippets", *sys.stdlib_module_names}
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


BROKEN_INCLUDES = {
    "missing file": '--8<-- "snippets/states/no_such_snippet.py"',
    "missing section": '--8<-- "snippets/states/lifecycle.py:no_such"',
    "missing section in a code block": (
        '```python\n--8<-- "snippets/states/lifecycle.py:no_such"\n```'
    ),
}


@pytest.mark.parametrize("include", BROKEN_INCLUDES.values(), ids=BROKEN_INCLUDES)
def test_a_broken_include_fails_the_build_naming_page_and_path(tmp_path, include):
    shutil.copytree(DOCS, tmp_path / "docs")
    for shared in ("snippets", "assets", "hooks"):
        (tmp_path / shared).symlink_to(ROOT / shared)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs" / "states.md").write_text(
        f"---\ntitle: States\n---\n\n# States\n\n{include}\n"
    )
    result = build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    line = 8 if include.startswith("```") else 7
    assert f"docs/states.md:{line} includes" in result.stderr
    assert re.search(r'"([^":]+)', include)[1] in result.stderr
    assert "Traceback" not in result.stderr


class Page:  # what a hook sees of a page
    class file:
        src_uri = "page.md"


def code_block(*markers: int) -> str:
    comments = "".join(f'x  <span class="c1"># ({n})!</span>\n' for n in markers)
    return (
        f'<div class="highlight"><pre><span></span><code>{comments}</code></pre></div>'
    )


def test_code_notes_become_numbered_links_to_their_list():
    notes = "\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>"
    built = code_notes.on_page_content(code_block(1, 2) + notes, Page, {}, None)
    assert "# (" not in built and "x<a" in built  # no comment, nor spaces before it
    assert '<a class="guide-note" href="#note-1-2" aria-label="note 2">2</a>' in built
    assert '<ol class="guide-notes">' in built and '<li id="note-1-2">second' in built


@pytest.mark.parametrize(
    "after, says",
    [("<p>text</p>", "no numbered list"), ("<ol><li>one</li></ol>", "do not number")],
)
def test_code_notes_that_do_not_match_their_list_fail_naming_the_page(after, says):
    with pytest.raises(PluginError, match=f"page.md: a code block.*{says}"):
        code_notes.on_page_content(code_block(1, 2) + after, Page, {}, None)


def test_external_link_check_collects_links_to_other_hosts(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="https://docs.sqlalchemy.org/x#y">x</a><a href="../b/">b</a>'
    )
    (tmp_path / "b.html").write_text('<a href="https://docs.sqlalchemy.org/x">x</a>')
    assert external_links(tmp_path) == {
        "https://docs.sqlalchemy.org/x#y": {"a.html"},
        "https://docs.sqlalchemy.org/x": {"b.html"},
    }


def test_external_link_check_checks_fragments_against_the_page(monkeypatch):
    import tests.external_links as links

    pages = {
        "https://x.example/a": (None, '<h2 id="here">'),
        "https://x.example/b": ("HTTP 404", ""),
    }
    monkeypatch.setattr(links, "fetch", lambda page: pages[page])
    found = links.problems_of(
        {
            url: set()
            for url in (
                "https://x.example/a#here",
                "https://x.example/a#gone",
                "https://x.example/b",
            )
        }
    )
    assert found == {
        "https://x.example/a#here": None,
        "https://x.example/a#gone": "no element #gone on the page",
        "https://x.example/b": "HTTP 404",
    }


def sqlalchemy_anchors() -> dict[str, set[str]]:
    """Each anchor of a link into SQLAlchemy's documentation, with the files using it."""
    found: dict[str, set[str]] = {}
    for page in pages():
        for anchor in SQLALCHEMY_DOCS.findall(page.read_text(encoding="utf-8")):
            found.setdefault(anchor, set()).add(str(page.relative_to(ROOT)))
    return found


def test_links_into_sqlalchemy_api_docs_name_objects_that_exist():
    anchors = [a for a in sqlalchemy_anchors() if a.startswith("sqlalchemy.")]
    assert anchors
    assert [anchor for anchor in anchors if not api_object(anchor)] == []


API_LINK = re.compile(
    r"\[`?(?P<text>[\w.]+)(?:\(\))?`?\](?::\s*|\()"
    r"https://docs\.sqlalchemy\.org/[^\s)#]*#(?P<anchor>sqlalchemy\.[\w.]+)"
)


def api_links_that_disagree(markdown: str) -> list[str]:
    """Links into SQLAlchemy's API whose text names an object (`Session.add()`) other
    than the one the anchor names (`sqlalchemy.orm.Session.delete`)."""
    return [
        f"{match['text']} -> {match['anchor']}"
        for match in API_LINK.finditer(markdown)
        if match["text"].split(".")[-1] != match["anchor"].split(".")[-1]
    ]


def test_a_link_to_sqlalchemys_api_names_the_object_its_anchor_names():
    assert api_links_that_disagree(
        "[Session.add()]: https://docs.sqlalchemy.org/en/20/orm/x.html#sqlalchemy.orm.Session.delete\n"
        "[`merge()`](https://docs.sqlalchemy.org/en/20/orm/x.html#sqlalchemy.orm.Session.merge)"
    ) == ["Session.add -> sqlalchemy.orm.Session.delete"]
    found = {
        f"{page.relative_to(ROOT)}: {problem}"
        for page in pages()
        for problem in api_links_that_disagree(page.read_text(encoding="utf-8"))
    }
    assert not found, found


def test_links_to_sqlalchemy_error_codes_name_codes_the_guide_reproduces():
    """A link to an error code of SQLAlchemy's documentation is to a code that the
    troubleshooting page reproduces (its entries are anchored by their codes)."""
    gallery = (DOCS / "troubleshooting.md").read_text(encoding="utf-8")
    reproduced = set(re.findall(r"\{ #([a-z0-9]{4}) \}", gallery))
    linked = {
        anchor.removeprefix("error-")
        for anchor in sqlalchemy_anchors()
        if anchor.startswith("error-")
    }
    assert linked and linked <= reproduced, linked - reproduced


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
        for test in VERIFIED.PROOF.findall(page.read_text(encoding="utf-8"))
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
            "test_d": {"passed": ["sqlite"], "failed": [], "skipped": []},
        },
    }
    page = (
        "# Page\n\nA claim that holds [proof](verified.md#test_a). A second one, "
        "[proved](x.md) twice [proof](verified.md#test_a) [proof](verified.md#test_d)."
        "\n\n1.  A claim that broke [proof](verified.md#test_b).\n"
        "2.  Unproven [proof](verified.md#test_c).\n"
    )
    drawn = VERIFIED.table({"page.md": ("Page", page)}, [run])
    assert (
        '| <span id="test_a"></span>A claim that holds | `test_a` | ✔ sqlite, postgresql |'
        in drawn
    )
    assert (
        '| <span id="test_d"></span>A second one, proved twice | `test_a`<br>`test_d` '
        "| ✔ sqlite, postgresql |" in drawn
    )
    assert (
        '| <span id="test_b"></span>A claim that broke | `test_b` | ✘ failed: mariadb |'
        in (drawn)
    )
    assert '| <span id="test_c"></span>Unproven | `test_c` | not run |' in drawn
    assert "| 2.1.9 | 3.11.7 | sqlite, postgresql, mariadb | 2 | 1 | 0 |" in drawn
    fresh = VERIFIED.table({"page.md": ("Page", page)}, [])
    assert "No test results yet" in fresh
    assert '| <span id="test_b"></span>A claim that broke | `test_b` |' in fresh


def suite_tests() -> set[str]:
    """The names of this suite's tests (a reader's own test, shown in an example,
    is another matter)."""
    return {
        node.name
        for path in (ROOT / "tests").glob("test_*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    }


def test_reader_pages_name_no_test_and_no_notes(built_site):
    """This suite's test names stay out of the pages (a proof is a link to the
    verification page), and so do "the notes" the guide started from, which
    readers never saw."""
    ours, found = suite_tests(), []
    for page in sorted(built_site.rglob("*.html")):
        if page.parent.name in ("verified", "404") or "notebooks" in page.parts:
            continue
        article = page.read_text(encoding="utf-8").split("<article", 1)[-1]
        text = re.sub(r"<[^>]+>", " ", article.split("</article>")[0])
        for match in re.finditer(r"\btest_\w+|\bthe notes\b|\bnotes'", text, re.I):
            if not match[0].startswith("test_") or match[0] in ours:
                found.append(f"{page.relative_to(built_site)}: {match[0]}")
    assert not found, found


def test_the_verified_page_is_built(built_site):
    html = (built_site / "verified" / "index.html").read_text(encoding="utf-8")
    assert "verification table" not in html  # the marker was replaced
    assert "No test results yet" in html or "test_transition_moves_object" in html


def test_the_benchmark_results_are_generated_and_cover_the_current_pages(built_site):
    results = (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    assert "Written by `python3 dev.py bench`" in results
    measured = set(re.findall(r"^\| ((?:[\w/]+/)|home) \| \d+ ms \|", results, re.M))
    site = {
        "home"
        if page.parent == built_site
        else f"{page.parent.relative_to(built_site)}/"
        for page in built_site.rglob("index.html")
    }
    assert measured == site, "pages changed since the last `python3 dev.py bench`"
