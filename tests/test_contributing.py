"""The Python examples of CONTRIBUTING.md run, print what their `#>` lines say, and lint.

This is where pytest-examples fits: it reads fenced blocks in Markdown. The site's
pages have no such blocks (they include snippets), so they are checked elsewhere.
"""

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from tests.outputs import ROOT

EXAMPLES = [
    example
    for example in find_examples(ROOT / "CONTRIBUTING.md")
    if example.prefix in ("python", "py")
]


def test_contributing_has_a_python_example():
    assert EXAMPLES


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_contributing_example_runs_as_shown(
    example: CodeExample, eval_example: EvalExample
):
    eval_example.set_config(line_length=88, ruff_ignore=["E501"])
    eval_example.lint_ruff(example)
    if eval_example.update_examples:
        eval_example.run_print_update(example)
    else:
        eval_example.run_print_check(example)
