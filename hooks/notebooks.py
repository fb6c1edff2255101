"""MkDocs hook: every page that includes snippets also exists as a Jupyter notebook.

The notebook of docs/<page>.md is assembled at build time from the modules the page
includes, in the order the page first includes them: a Markdown cell headed by the
first paragraph of the module's docstring, then a code cell with its code. Section
markers, `#>` output lines and `# (1)!` annotation markers are left out; the code is
the snippet's own, so there is no second copy to drift. mkdocs-jupyter renders each
notebook as a page (and runs it, when GUIDE_EXECUTE_NOTEBOOKS=true), and the chapter
page links to it. GUIDE_NOTEBOOKS=0 (`dev.py serve --no-notebooks`) leaves them out.
"""

from __future__ import annotations

import ast
import json
import os
import re
import tempfile
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs_jupyter.plugin import NotebookFile
from snippet_sections import INCLUDE  # MkDocs puts the hooks' folder on sys.path

DROPPED_LINE = re.compile(r"^\s*(#>|# --8<--)")
ANNOTATION = re.compile(r"\s+# \(\d+\)!")
FOLDER = "notebooks"


def included_modules(markdown: str) -> list[str]:
    """The snippet files a page includes, in the order of their first include."""
    paths = [m["path"] for m in INCLUDE.finditer(markdown)]
    return list(dict.fromkeys(p for p in paths if p.startswith("snippets/")))


def code_of(source: str) -> tuple[str, str]:
    """The docstring of a snippet module, and its code as a reader would run it."""
    tree = ast.parse(source)
    docstring = ast.get_docstring(tree) or ""
    lines = source.splitlines()
    if docstring:  # the docstring goes to the Markdown cell
        lines = lines[tree.body[0].end_lineno :]
    kept = [ANNOTATION.sub("", line) for line in lines if not DROPPED_LINE.match(line)]
    code = re.sub(r"\n{3,}", "\n\n\n", "\n".join(kept)).strip()
    return docstring, code


def notebook(title: str, page: str, paths: list[str], root: Path) -> dict:
    """The notebook of a page, as nbformat 4 JSON."""

    def cell(kind: str, text: str) -> dict:
        extra = {"execution_count": None, "outputs": []} if kind == "code" else {}
        return {"cell_type": kind, "metadata": {}, "source": text, **extra}

    cells = [
        cell(
            "markdown",
            f"# {title}\n\nThe examples of the page [{title}](../../{page}/), "
            "in the order the page shows them. They import the guide's `snippets` "
            "package: run this notebook from the root of a clone of the repository, "
            "with SQLAlchemy installed.",
        )
    ]
    for path in paths:
        docstring, code = code_of((root / path).read_text(encoding="utf-8"))
        summary = " ".join(docstring.split("\n\n")[0].split()) or path
        cells.append(cell("markdown", f"## {summary}\n\n`{path}`"))
        cells.append(cell("code", code))
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


def on_config(config):
    # The kernel that runs the notebooks starts in their folder: let it find `snippets`.
    root = str(Path(config.config_file_path).parent)
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if root not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in [root, *paths] if p)
    return config


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
        paths = [p for p in included_modules(markdown) if (root / p).is_file()]
        if not paths:
            continue
        name = Path(file.src_uri).with_suffix("").as_posix()
        uri = f"{FOLDER}/{name}.ipynb"
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        content = notebook(title_of(markdown, name), name, paths, root)
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
        f' or <a href="{download}" download>download it</a>, and run it from the root'
        " of a clone of this repository.\n"
    )
    # After the page's title and its opening paragraph.
    heading = re.search(r"^# .+\n\n(?:.+\n)+", markdown, re.MULTILINE)
    at = heading.end() if heading else 0
    return f"{markdown[:at]}\n{note}\n{markdown[at:]}"


def on_page_context(context, page, config, nav):
    if page.file.src_uri.startswith(f"{FOLDER}/"):
        page.meta.setdefault("search", {"exclude": True})  # the chapter page is the hit
    return context
