"""Every snippet, and the code that checks them, passes ruff's linter and formatter."""

import difflib
import subprocess
import sys

import pytest

from tests.outputs import ROOT, is_output, snippet_modules, snippet_path

CODE = ["snippets", "tests", "hooks", "benchmarks", "dev.py"]


def ruff(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
    )


def test_ruff_lint_passes():
    result = ruff("check", "--no-fix", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_passes_outside_snippets():
    result = ruff("format", "--check", "--diff", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("module", snippet_modules())
def test_snippet_is_formatted(module):
    """Formatted as ruff would, apart from the `#>` lines it would mangle."""
    path = snippet_path(module)
    code = "".join(
        line
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
        if not is_output(line)
    )
    result = ruff("format", "--stdin-filename", str(path), "-", stdin=code)
    assert result.returncode == 0, result.stderr
    assert result.stdout == code, "".join(
        difflib.unified_diff(
            code.splitlines(True),
            result.stdout.splitlines(True),
            "as is",
            "ruff format",
        )
    )


def test_codespell_finds_no_misspelling():
    result = subprocess.run(
        [sys.executable, "-m", "codespell_lib"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_configuration_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
