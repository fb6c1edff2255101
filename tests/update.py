"""Rewrite every snippet's `#>` lines and every generated include: `python3 dev.py update`."""

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


def main() -> None:
    if not ON_REFERENCE:
        raise SystemExit(
            f"the #> lines are written by SQLAlchemy {REFERENCE_VERSION}; "
            f"this is {sqlalchemy.__version__}"
        )
    for module in snippet_modules():
        source, updated = expected_source(module)
        if updated != source:
            snippet_path(module).write_text(updated, encoding="utf-8")
            print(f"updated snippets/{module.replace('.', '/')}.py")
    for path, draw in GENERATED.items():
        content = draw()
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            print(f"updated {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
