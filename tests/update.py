"""Rewrite every snippet's `#>` lines and every generated include: `python3 dev.py update`.

`python3 dev.py update states loading` rewrites only the snippets of those chapters
(modules whose dotted name starts with one of the words); the word `includes` asks
for the generated includes too.
"""

import sys

import sqlalchemy

from tests.generated import GENERATED
from tests.outputs import (
    ON_REFERENCE,
    REFERENCE_VERSION,
    ROOT,
    expected_source,
    snippet_modules,
    snippet_path,
)


def main(words: list[str]) -> None:
    """No words: everything. Else the snippets of the chapters named, and the
    generated includes if `includes` is one of the words."""
    if not ON_REFERENCE:
        raise SystemExit(
            f"the #> lines are written by SQLAlchemy {REFERENCE_VERSION}; "
            f"this is {sqlalchemy.__version__}"
        )
    chapters = tuple(word for word in words if word != "includes")
    for module in snippet_modules():
        if words and not module.startswith(chapters):
            continue
        source, updated = expected_source(module)
        if updated != source:
            snippet_path(module).write_text(updated, encoding="utf-8")
            print(f"updated snippets/{module.replace('.', '/')}.py")
    if words and "includes" not in words:
        return
    for path, draw in GENERATED.items():
        content = draw()
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            print(f"updated {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
