"""The Python examples of CONTRIBUTING.md run, print what their `#>` lines say, and lint.

This is where pytest-examples fits: it reads fenced blocks in Markdown. The site's
pages have no such blocks (they include snippets), so they are checked elsewhere.
"""

import subprocess
import sys

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
    lint = subprocess.run(  # as a snippet: under snippets/ruff.toml
        [sys.executable, "-m", "ruff", "check", "--stdin-filename"]
        + ["snippets/example.py", "-"],
        cwd=ROOT,
        input=example.source,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    if eval_example.update_examples:
        eval_example.run_print_update(example)
    else:
        eval_example.run_print_check(example)
