"""Each snippet prints exactly what its `#>` lines say; each generated include is current."""

import pytest

from tests.conftest import require_server
from tests.generated import GENERATED
from tests.outputs import (
    ROOT,
    comparable,
    diff,
    expected_source,
    needs_server,
    run_snippet,
    snippet_modules,
    snippet_path,
    with_outputs,
)

FIX = "`python3 dev.py update` rewrites them from what the code does now."


@pytest.mark.parametrize(
    "module",
    [
        pytest.param(m, marks=pytest.mark.server("postgresql"))
        if needs_server(m)
        else m
        for m in snippet_modules()
    ],
)
def test_snippet_prints_what_its_output_lines_say(module):
    if needs_server(module):
        require_server("postgresql")  # its #> lines are PostgreSQL's
    source, updated = expected_source(module)
    if comparable(updated) != comparable(source):
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
    assert comparable(current) == comparable(drawn), (
        f"{path.relative_to(ROOT)} is out of date. {FIX}"
    )


def test_drifted_output_is_shown_as_expected_versus_actual():
    source = snippet_path("states.lifecycle").read_text(encoding="utf-8")
    drifted = source.replace("#> transient", "#> pending", 1)
    updated = with_outputs(drifted, run_snippet("states.lifecycle").printed)
    assert updated == source
    shown = diff("states.lifecycle", drifted, updated)
    assert "-#> pending" in shown and "+#> transient" in shown


def test_output_of_entering_and_leaving_a_with_block_is_placed_apart():
    source = snippet_path("expiry.keep_values_after_commit").read_text()
    entering = source.index("with engine.begin() as elsewhere:  # (2)!")
    assert source[entering:].split("\n")[1].strip() == "#> BEGIN (implicit)"
    assert source.count("    #> COMMIT\n    print(user.name)  # (3)!") == 1
