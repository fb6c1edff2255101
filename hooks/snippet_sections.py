"""MkDocs hook: a page that includes a missing snippet file or section fails the build.

pymdownx.snippets (with check_paths) fails too, but with a traceback, and for a missing
section it names neither the file nor the page's line. This names the page and line,
the file, and the sections the file does have.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"')
SECTION = re.compile(r"--8<-- \[start:(?P<name>[\w-]+)\]")


def on_page_markdown(markdown, page, config, files):
    root = Path(config.config_file_path).parent
    source = page.file.content_string  # with its front matter: true line numbers
    for number, line in enumerate(source.splitlines(), start=1):
        match = INCLUDE.search(line)
        if not match or line.lstrip().startswith(";"):  # ";--8<--" escapes an include
            continue
        path, where = root / match["path"], f"docs/{page.file.src_uri}:{number}"
        if not path.is_file():
            raise PluginError(f"{where} includes {match['path']}, which does not exist")
        sections = SECTION.findall(path.read_text(encoding="utf-8"))
        if match["section"] and match["section"] not in sections:
            raise PluginError(
                f"{where} includes section "
                f"'{match['section']}' of {match['path']}, which has only: "
                f"{', '.join(sections) or 'no sections'}"
            )
    return markdown
