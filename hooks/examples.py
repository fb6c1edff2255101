"""MkDocs hook: every code block that shows a snippet comes with the whole example.

For each snippet module a page shows, the site serves a script, examples/<path>,
that runs on its own with SQLAlchemy alone (hooks/standalone.py). Each block gets
the file's name as its title, a link that downloads that script, and, when it uses
names it does not define, a line under it that links to the blocks defining them.
"""

from __future__ import annotations

import re
from pathlib import Path

from blocks import Block, blocks_of, origins
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from standalone import ALEMBIC_INSTALL, ASYNCIO_INSTALL, install, parse, script

FOLDER = "examples"
SITE = "the verified guide to SQLAlchemy's ORM"

_blocks: dict[str, list[Block]] = {}  # page src_uri -> its blocks
_home: dict[tuple[str, str], tuple[str, Block]] = {}  # (module, name) -> page, block
_page_of_module: dict[str, tuple[str, str]] = {}  # module -> first page: uri, title


def script_uri(path: str) -> str:
    """snippets/states/lifecycle.py -> examples/states/lifecycle.py"""
    return f"{FOLDER}/{Path(path).relative_to('snippets').as_posix()}"


def header(module: str, page_title: str) -> str:
    """What a script says about itself, after its module's docstring."""
    name = Path(module.replace(".", "/")).name + ".py"
    own = parse(module)
    needs = own.requirements()
    lines = [f'From the page "{page_title}" of {SITE}.']
    command = install([module])
    if own.is_library:
        lines.append("It defines what the examples use, and runs nothing by itself.")
        if command == ASYNCIO_INSTALL:
            lines += [f"It needs SQLAlchemy's asyncio extra: {command}"]
        elif command == ALEMBIC_INSTALL:
            lines += [f"It needs Alembic: {command}"]
        return "\n".join(lines)
    if own.needs_server:
        return "\n".join(
            lines
            + [
                "It needs a PostgreSQL or MariaDB server, and a scratch database on it:",
                "",
                '    pip install sqlalchemy "psycopg[binary]"',
                "    GUIDE_DATABASE_URL=postgresql+psycopg://user@localhost/scratch "
                f"python {name}",
                "",
                "or, for MariaDB, pip install pymysql and a mysql+pymysql:// URL.",
                "The lines starting with #> show what it prints on PostgreSQL.",
            ]
        )
    if command == ASYNCIO_INSTALL:
        lines.append("It needs SQLAlchemy's asyncio extra and its SQLite driver:")
    elif command == ALEMBIC_INSTALL:
        lines.append("It needs SQLAlchemy and Alembic:")
    else:
        lines.append("It needs SQLAlchemy alone:")
    lines += [
        "",
        f"    {command}",
        f"    python {name}",
        "",
        "The lines starting with #> show what it prints.",
    ]
    if "database_url" in needs:
        lines += [
            "It uses SQLite; to run it on PostgreSQL or MariaDB, set",
            "GUIDE_DATABASE_URL to the URL of a scratch database (the example",
            "drops and creates its tables) and install the driver the URL names.",
        ]
    return "\n".join(lines)


def nav_pages(nav: list) -> list[str]:
    """The Markdown files of the navigation, in order."""
    found = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def on_files(files, config):
    parse.cache_clear()  # `mkdocs serve` builds again after a snippet changed
    docs = Path(config.docs_dir)
    order = nav_pages(config.nav)
    pages = sorted(
        (f for f in files.documentation_pages() if f.src_uri.endswith(".md")),
        key=lambda f: order.index(f.src_uri) if f.src_uri in order else len(order),
    )
    _blocks.clear()
    _home.clear()
    _page_of_module.clear()
    for page in pages:
        markdown = (docs / page.src_uri).read_text(encoding="utf-8")
        page_path = f"docs/{page.src_uri}"
        blocks = [
            b
            for b in blocks_of(markdown, page_path)
            if (docs.parent / b.path).is_file()
        ]
        _blocks[page.src_uri] = blocks
        title = re.search(r"^# (.+)$", markdown, re.MULTILINE)
        for block in blocks:
            page_title = title[1].replace("`", "") if title else page.src_uri
            _page_of_module.setdefault(block.module, (page.src_uri, page_title))
            for name in block.names[0]:
                _home.setdefault((block.module, name), (page.src_uri, block))
    for module, (_, page_title) in _page_of_module.items():
        path = f"snippets/{module.replace('.', '/')}.py"
        content = script(module, header(module, page_title))
        files.append(File.generated(config, script_uri(path), content=content))
    return files


def home_of(module: str, name: str, page: str) -> tuple[str, Block] | None:
    """The block that shows where `name` of `module` is defined: on this page if it
    shows one, else the first page that does."""
    for block in _blocks.get(page, []):
        if block.module == module and name in block.names[0]:
            return page, block
    return _home.get((module, name))


def link(page: str, target_page: str, block: Block) -> str:
    return f"#{block.id}" if target_page == page else f"{target_page}#{block.id}"


def caption(block: Block, before: list[Block], page: str) -> str:
    """A line saying where the names the block uses come from, with links."""
    others = [b for uri, blocks in _blocks.items() if uri != page for b in blocks]
    found = origins(block, before, others)
    groups: dict[str, list[str]] = {}
    for name, module in found.elsewhere.items():
        home = home_of(module, name, page)
        target = link(page, *home) if home else script_uri(block.path)
        groups.setdefault(target, []).append(f"`{name}`")
    parts = [f"[{', '.join(names)}]({target})" for target, names in groups.items()]
    above: dict[str, list[str]] = {}
    for name, earlier in found.earlier.items():
        above.setdefault(earlier.id, []).append(f"`{name}`")
    parts += [
        f"{', '.join(names)} from [the block above](#{target})"
        for target, names in above.items()
    ]
    return f"Defined elsewhere: {', '.join(parts)}." if parts else ""


def after_annotations(lines: list[str], block: Block) -> int:
    """The line after the block and after the numbered list that annotates it (Material
    wants that list right after the code)."""
    at = block.end + 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    if at == len(lines) or not re.match(rf"{block.indent}1\.\s", lines[at]):
        return block.end + 1
    item = re.compile(rf"{block.indent}\d+\.\s|{block.indent}\s")  # item or its text
    end = at
    while at < len(lines) and (not lines[at].strip() or item.match(lines[at])):
        if lines[at].strip():
            end = at
        at += 1
    return end + 1


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri not in _blocks:
        return markdown
    # Read again: the line numbers of the Markdown without its front matter.
    root = Path(config.docs_dir).parent
    page_path = f"docs/{page.file.src_uri}"
    blocks = [b for b in blocks_of(markdown, page_path) if (root / b.path).is_file()]
    lines = markdown.splitlines()
    for index in reversed(range(len(blocks))):
        block = blocks[index]
        name = Path(block.path).name
        fence = re.match(r"^[ \t]*(`{3,}|~{3,})", lines[block.line])[1]
        lines[block.line] = (
            f'{block.indent}{fence}{{.python #{block.id} title="{name}"}}'
        )
        text = caption(block, blocks[:index], page.file.src_uri)
        if text:
            at = after_annotations(lines, block)
            lines[at:at] = [
                "",
                f"{block.indent}{text}",
                f"{block.indent}{{ .guide-from }}",
            ]
    return "\n".join(lines) + "\n"


TITLE = re.compile(
    r'(<div id="(?P<id>[\w-]+)" class="[^"]*highlight"><span class="filename">)'
    r"(?P<name>[^<]+)(</span>)"
)


def on_page_content(html, page, config, files):
    blocks = {block.id: block for block in _blocks.get(page.file.src_uri, [])}

    def with_download(match: re.Match) -> str:
        block = blocks.get(match["id"])
        if block is None:
            return match[0]
        # Inside a highlighted block, the id escapes MkDocs' own anchor collection.
        page.present_anchor_ids.add(block.id)
        href = get_relative_url(script_uri(block.path), page.url)
        return (
            f'{match[1]}{match["name"]}<a class="guide-download" href="{href}" '
            f'download="{match["name"]}" title="The whole example, as a script that '
            f'runs with SQLAlchemy alone">Download</a>{match[4]}'
        )

    return TITLE.sub(with_download, html)
