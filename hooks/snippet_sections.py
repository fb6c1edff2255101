"""MkDocs hook: a page that includes a snippet section that does not exist fails the build.

pymdownx.snippets (with check_paths) already fails on a missing file, but for a missing
section it names neither the file nor the line. This names the page, line, file and
section, and the sections the file does have.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^":]+):(?P<section>[\w-]+)"')
SECTION = re.compile(r"--8<-- \[start:(?P<name>[\w-]+)\]")


def on_page_markdown(markdown, page, config, files):
    root = Path(config.config_file_path).parent
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = INCLUDE.search(line)
        if not match or line.lstrip().startswith(";"):  # ";--8<--" escapes an include
            continue
        path = root / match["path"]
        if not path.is_file():
            continue  # pymdownx.snippets reports a missing file, naming it
        sections = SECTION.findall(path.read_text(encoding="utf-8"))
        if match["section"] not in sections:
            raise PluginError(
                f"docs/{page.file.src_uri}:{number} includes section "
                f"'{match['section']}' of {match['path']}, which has only: "
                f"{', '.join(sections) or 'no sections'}"
            )
    return markdown
