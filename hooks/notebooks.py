"""MkDocs hook: every page that shows snippets also exists as a Jupyter notebook.

The notebook of docs/<page>.md holds the snippet modules the page shows, in the
order the page first shows them: for each, a Markdown cell headed by the first
paragraph of its docstring, then a code cell that runs with SQLAlchemy alone. Like
the scripts of hooks/examples.py, it imports nothing from the package: a cell
defines the models and helpers it needs that no earlier cell defined
(hooks/standalone.py). Its first code cell names the one setting, the database
URL. mkdocs-jupyter renders each notebook as a page, without running it (the chapter
page shows every output; tests/test_downloads.py runs the notebooks as downloaded),
and the chapter page links to it. GUIDE_NOTEBOOKS=0 (`dev.py serve --no-notebooks`)
leaves them out.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from blocks import blocks_of
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs_jupyter.plugin import NotebookFile
from standalone import (
    Namespace,
    install,
    module_name,
    parse,
    standalone_code,
    summary,
)

FOLDER = "notebooks"
SETTINGS = "\n".join(
    [
        "import os",
        "",
        "# The database of the examples: the URL in GUIDE_DATABASE_URL, or else SQLite",
        "# in memory. For PostgreSQL or MariaDB, name a scratch database here (the",
        "# examples drop and create their tables) and install its driver, for instance",
        '# "postgresql+psycopg://user@localhost/scratch" with pip install "psycopg[binary]".',
        "# An environment variable GUIDE_DATABASE_URL, set before Jupyter started, wins.",
        'if "GUIDE_DATABASE_URL" not in os.environ:',
        '    os.environ["GUIDE_DATABASE_URL"] = ""',
    ]
)


def top_level_await(code: str) -> str:
    """A script runs its coroutine with `asyncio.run(main())`; a notebook, whose event
    loop is already running, awaits it: `await main()`."""
    code = re.sub(r"^asyncio\.run\((.+)\)$", r"await \1", code, flags=re.M)
    return code.rstrip("\n")


def cell(kind: str, text: str) -> dict:
    extra = {"execution_count": None, "outputs": []} if kind == "code" else {}
    return {"cell_type": kind, "metadata": {}, "source": text, **extra}


def introduction(title: str, needs_server: bool, command: str) -> str:
    text = (
        f"# {title} (notebook)\n\n"
        f'The examples of the page "{title}" of the verified guide to SQLAlchemy\'s '
        "ORM, in the order the page shows them. The notebook runs in any folder "
        f"after `{command}`; each cell defines what it needs that no cell above "
        "defined."
    )
    if needs_server:
        text += (
            "\n\nThe examples marked **needs a server** run on PostgreSQL or MariaDB "
            "only: set `GUIDE_DATABASE_URL` in the first code cell. Without one, "
            "they stop and say so."
        )
    return text


def notebook(title: str, paths: list[str]) -> dict:
    """The notebook of a page that shows the snippet files `paths`, as nbformat 4."""
    modules = [module_name(Path(path)) for path in paths]
    needs_server = any(parse(module).needs_server for module in modules)
    first = introduction(title, needs_server, install(modules))
    cells = [cell("markdown", first), cell("code", SETTINGS)]
    namespace = Namespace()
    for module in modules:
        own = parse(module)
        heading = f"## {summary(own.docstring) or module}"
        if own.needs_server:
            heading += "\n\n**Needs a server**: PostgreSQL or MariaDB."
        code = standalone_code(own, namespace, outputs=False, everything=own.is_library)
        cells += [cell("markdown", heading), cell("code", top_level_await(code))]
    for number, each in enumerate(cells):
        each["id"] = f"cell-{number}"  # nbformat 4.5 wants an id for every cell
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def title_of(markdown: str, fallback: str) -> str:
    heading = re.search(r"^# (.+)$", markdown, re.MULTILINE)
    return heading[1].replace("`", "") if heading else fallback


_folder = tempfile.TemporaryDirectory(prefix="guide-notebooks-")
_notebook_of: dict[str, str] = {}  # page src_uri -> notebook src_uri


@event_priority(-100)  # after mkdocs-jupyter's own on_files: these come wrapped
def on_files(files, config):
    root = Path(config.config_file_path).parent
    out = Path(_folder.name)
    _notebook_of.clear()
    if os.environ.get("GUIDE_NOTEBOOKS") == "0":  # `dev.py serve --no-notebooks`
        return files
    for file in list(files.documentation_pages()):
        if file.src_uri.startswith(f"{FOLDER}/"):
            continue
        markdown = Path(file.abs_src_path).read_text(encoding="utf-8")
        # A missing file is for snippet_sections.py to report, naming page and line.
        page = f"docs/{file.src_uri}"
        blocks = [b for b in blocks_of(markdown, page) if (root / b.path).is_file()]
        paths = list(dict.fromkeys(block.path for block in blocks))
        if all(parse(module_name(Path(path))).is_library for path in paths):
            continue  # models and helpers alone: nothing to run
        name = Path(file.src_uri).with_suffix("").as_posix()
        uri = f"{FOLDER}/{name}.ipynb"
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        content = notebook(title_of(markdown, name), paths)
        target.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n")
        source = File(
            uri,
            src_dir=str(out),
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
        )
        page_file = NotebookFile(source, **config)  # as mkdocs-jupyter wraps them
        page_file.inclusion = InclusionLevel.NOT_IN_NAV  # reached from its chapter
        files.append(page_file)
        _notebook_of[file.src_uri] = uri
    return files


def on_page_markdown(markdown, page, config, files):
    uri = _notebook_of.get(page.file.src_uri)
    if uri is None:
        return markdown
    name = Path(uri).stem
    download = f"../{FOLDER}/{name}/{name}.ipynb"
    note = (
        f'!!! tip "Run this page yourself"\n\n'
        f"    Every example of this page is in one Jupyter notebook: [read it]({uri})"
        f' or <a href="{download}" download>download it</a>. It runs in any folder'
        " with SQLAlchemy installed; see [Running the examples](running.md).\n"
    )
    # After the page's title and its opening paragraph.
    heading = re.search(r"^# .+\n\n(?:.+\n)+", markdown, re.MULTILINE)
    at = heading.end() if heading else 0
    return f"{markdown[:at]}\n{note}\n{markdown[at:]}"


# What mkdocs-jupyter puts into each notebook page that these notebooks do not use:
# JupyterLab's stylesheet (half a megabyte; the theme's own styles take over), the
# MathJax and Mermaid loaders (no cell has maths or a diagram), a "Copied!" notice
# that search would show as the page's summary, and a "¶" after each heading (the
# table of contents links the headings already).
UNUSED = re.compile(
    r"<style[^>]*>.*?</style>"
    r"|<!-- Load mathjax -->.*?<!-- End of mermaid configuration -->"
    r"|<span class=\"notice\" hidden=\"\">Copied!</span>"
    r"|<a class=\"anchor-link\" href=\"#[^\"]*\">¶</a>",
    re.S,
)


def on_page_content(html, page, config, files):
    if not page.file.src_uri.startswith(f"{FOLDER}/"):
        return html
    # Found by search, ranked below the chapter it repeats (Material's search plugin
    # reads this before the hooks' on_page_context).
    page.meta["search"] = {"boost": 0.2}
    html = UNUSED.sub("", html)
    return html.replace('class="highlight-ipynb ', 'class="highlight ')


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    """In the search index, which every page loads, a notebook is one entry: its title,
    which names it a notebook. Its headings and code, which its chapter page shows
    too, stay out, so that a search leads to the chapter first."""
    index = Path(config.site_dir) / "search" / "search_index.json"
    if not index.exists():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    docs = []
    for doc in data["docs"]:
        if doc["location"].startswith(f"{FOLDER}/"):
            if "#" in doc["location"]:
                continue  # a heading of the notebook
            doc = {**doc, "text": ""}
        docs.append(doc)
    data["docs"] = docs
    index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
