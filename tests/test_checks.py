"""The checks themselves: what CI refuses, and what `dev.py check` reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import dev
from tests.databases import SETTING, configured, with_timeouts
from tests.outputs import ROOT, Deadline

SAMPLE = """
import pytest

def test_runs():
    pass

def test_skips():
    pytest.skip("no server here")

@pytest.mark.xfail(reason="known to fail")
def test_fails_as_expected():
    assert False
"""


def run_sample(tmp_path, **settings: str) -> subprocess.CompletedProcess:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **settings}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.strict", "-p", "no:cacheprovider"]
        + ["test_sample.py", "-q"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )


def test_in_ci_a_skipped_or_xfailed_test_fails_the_run_and_is_listed(tmp_path):
    result = run_sample(tmp_path, GUIDE_REQUIRE_SERVERS="1")
    assert result.returncode == 1, result.stdout
    assert "test_sample.py::test_skips: Skipped: no server here" in result.stdout
    assert "test_sample.py::test_fails_as_expected: xfail known to fail" in (
        result.stdout
    )


def test_outside_ci_a_skip_is_reported_and_the_run_passes(tmp_path):
    result = run_sample(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 1 skipped, 1 xfailed" in result.stdout


def test_a_check_whose_filter_selects_tests_in_one_run_only_passes():
    nothing = dev.NOTHING_SELECTED
    assert dev.overall([nothing, nothing, 0]) == 0  # -k matched only the side run
    assert dev.overall([0, 0, 0]) == 0
    assert dev.overall([nothing, nothing, nothing]) == nothing
    assert dev.overall([0, 1, nothing]) == 1


def test_a_url_of_the_one_setting_keeps_the_timeouts():
    url = with_timeouts("postgresql+psycopg://me@db.example:5432/mine")
    assert "connect_timeout=3" in url and "lock_timeout" in url
    url = with_timeouts("mysql+pymysql://me@db.example/mine?connect_timeout=9")
    assert "connect_timeout=9" in url and "lock_wait_timeout" in url
    assert with_timeouts("sqlite://") == "sqlite://"
    assert SETTING == "GUIDE_TEST_URLS"


def test_no_code_but_the_settings_names_a_database_server():
    """Every server the checks, examples, notebooks and benchmarks reach comes from
    GUIDE_TEST_URLS (tests/databases.py); nothing else hard-codes one."""
    allowed = {ROOT / "tests" / "databases.py", Path(__file__)}
    found = [
        str(path.relative_to(ROOT))
        for folder in ("snippets", "tests", "hooks", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if path not in allowed
        and (
            "127.0.0.1:5432" in path.read_text() or "127.0.0.1:3306" in path.read_text()
        )
    ]
    assert not found, found


def test_the_checks_strict_build_fails_on_a_broken_anchor(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Page\n\n[broken](#no-such-anchor)\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\nvalidation:\n  anchors: warn\n")
    result = dev.strict_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-anchor" in result.stderr


BAD_SETTINGS = {  # not parameters themselves: conftest reads a URL parameter
    "unknown database": "postgres://u@h/db",
    "port not a number": "postgresql://u@h:port/db",
    "not a URL": "sqlite://,not a url",
}


@pytest.mark.parametrize("case", BAD_SETTINGS)
def test_a_bad_test_url_is_one_line_naming_it_not_a_database_that_vanishes(case):
    setting = BAD_SETTINGS[case]
    urls, problem = configured(setting)
    assert urls == []
    bad = setting.split(",")[-1]
    assert problem.startswith(f"{SETTING}: {bad}: ") and "\n" not in problem


def test_good_test_urls_get_their_timeouts():
    urls, problem = configured("sqlite://, postgresql+psycopg://u@h/db")
    assert problem is None
    assert urls == ["sqlite://", with_timeouts("postgresql+psycopg://u@h/db")]


def test_a_snippet_that_hangs_fails_naming_itself():
    import time

    hung = pytest.raises(TimeoutError, match="snippets.x was still running after 1 s")
    with hung, Deadline("snippets.x", 1):
        time.sleep(5)


def test_stopping_the_check_stops_every_process_it_started():
    import os
    import signal
    import time

    code = (
        "import subprocess, sys, time, dev\n"
        "dev.stop_all_on_signal()\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    child = int(parent.stdout.readline())
    parent.send_signal(signal.SIGINT)
    assert parent.wait(timeout=10) == 128 + signal.SIGINT
    for _ in range(100):  # the child, now init's, is gone once reaped
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the child of the stopped check is still running")


def test_a_proof_whose_test_did_not_pass_on_each_series_is_named(tmp_path):
    from tests.proofs_ran import unproven

    docs, results = tmp_path / "docs", tmp_path / "test-results"
    docs.mkdir()
    results.mkdir()
    (docs / "page.md").write_text(
        "A [proof](verified.md#test_both). B [proof](verified.md#test_one_series).\n"
        "C [proof](verified.md#test_never). D [proof](verified.md#test_fails).\n"
        "E [proof](verified.md#test_strict_build_succeeds).\n"
    )
    for version, tests in {
        "2.1.9": ["test_both", "test_one_series", "test_strict_build_succeeds"],
        "2.0.58": ["test_both", "test_fails"],
    }.items():
        outcomes = {name: {"passed": ["sqlite"], "failed": []} for name in tests}
        if "test_fails" in outcomes:
            outcomes["test_fails"]["failed"] = ["mariadb"]
        run = {"sqlalchemy": version, "tests": outcomes}
        (results / f"verification-{version}-1.json").write_text(json.dumps(run))
    assert unproven(docs, results, ["tests/test_site.py"]) == [
        "page.md: test_one_series did not run on SQLAlchemy 2.0",
        "page.md: test_never did not run on SQLAlchemy 2.1",
        "page.md: test_never did not run on SQLAlchemy 2.0",
        "page.md: test_fails did not run on SQLAlchemy 2.1",
        "page.md: test_fails on SQLAlchemy 2.0: {'failed': ['mariadb']}",
    ]
