"""Each snippet prints exactly what its `#>` lines say; each generated include is current."""

import pytest

from tests.generated import GENERATED, ROOT
from tests.outputs import diff, expected_source, snippet_modules

FIX = "`python3 dev.py update` rewrites them from what the code does now."


@pytest.mark.parametrize("module", snippet_modules())
def test_snippet_prints_what_its_output_lines_say(module):
    source, updated = expected_source(module)
    if updated != source:
        pytest.fail(
            f"snippets.{module} printed something other than its #> lines. {FIX}\n"
            + diff(module, source, updated),
            pytrace=False,
        )


@pytest.mark.parametrize(
    "path", GENERATED, ids=lambda path: str(path.relative_to(ROOT))
)
def test_generated_include_matches_its_source(path):
    drawn = GENERATED[path]()
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    assert current == drawn, f"{path.relative_to(ROOT)} is out of date. {FIX}"
